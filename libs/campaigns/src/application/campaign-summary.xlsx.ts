import { chineseDate } from '@bihuan/core';
import { FINDING_CATEGORY_LABELS } from '@bihuan/inspection';
import {
  addOfficeSheet,
  newOfficeWorkbook,
  OfficeColumn,
  OfficeValue,
  shanghaiDateWords,
  shanghaiInstantWords,
  writeOfficeWorkbook,
} from '@bihuan/platform';
import { CAMPAIGN_STATUS_LABELS } from '../domain/campaign-labels';
import { CampaignSummary } from './campaign-reads';
import { SummaryLine } from './campaign-summary';

/** A numbered line of a table; the 合计 line has no number. */
interface Line {
  readonly seq: number | string;
  readonly label: string;
  readonly figures: SummaryLine;
}

/** A rate or a count that may not apply: — where nothing was there to rate, or reports are not kept. */
const maybe = (value: number | null): OfficeValue => (value === null ? '—' : value);

const FINDINGS: readonly [string, 'number' | 'percent', (f: SummaryLine) => OfficeValue][] = [
  ['问题数', 'number', (f) => f.findings],
  ['已销号', 'number', (f) => f.signedOff],
  ['未销号', 'number', (f) => f.open],
  ['逾期未改', 'number', (f) => f.overdue],
  ['按期销号', 'number', (f) => f.onTime],
  ['整改率', 'percent', (f) => maybe(f.rectificationRate)],
  ['按期整改率', 'percent', (f) => maybe(f.onTimeRate)],
];

const ACTIVITY: readonly [string, 'number' | 'percent', (f: SummaryLine) => OfficeValue][] = [
  ['检查次数', 'number', (f) => f.visitsDone],
  ['自查次数', 'number', (f) => f.selfInspections],
];

const REPORTS: readonly [string, 'number' | 'percent', (f: SummaryLine) => OfficeValue][] = [
  ['应报送', 'number', (f) => f.reportsDue],
  ['已报送', 'number', (f) => maybe(f.reportsReceived)],
  ['按时报送', 'number', (f) => maybe(f.reportsOnTime)],
  ['按时报送率', 'percent', (f) => maybe(f.reportsOnTimeRate)],
];

function columns(groupHeader: string, figures: typeof FINDINGS): OfficeColumn<Line>[] {
  return [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: groupHeader, width: 26, value: (l) => l.label },
    ...figures.map(([header, kind, of]): OfficeColumn<Line> => ({
      header,
      width: kind === 'percent' ? 11 : 9,
      kind,
      value: (l) => of(l.figures),
    })),
  ];
}

/**
 * The campaign's closing summary as a 通报 table (the office sheet every export shares): one sheet
 * by finding category, one by institution with visits, self-inspections and reports, each with its
 * 合计 row, Beijing dates, signature lines. Reports: due by the day, received (handed in and standing),
 * on time; — (未登记) where no reporting duty is kept.
 */
export async function campaignSummaryWorkbook(summary: CampaignSummary): Promise<Buffer> {
  const title = `${summary.title}情况通报表（截至${shanghaiDateWords(summary.generatedAt)}）`;
  const subtitle = [
    `发文单位：${summary.issuingUnitName}`,
    `行动期间：${chineseDate(summary.startsOn)}至${chineseDate(summary.endsOn)}`,
    `状态：${CAMPAIGN_STATUS_LABELS[summary.status]}${summary.carriedOver > 0 ? `（结转未销号问题${summary.carriedOver}项）` : ''}`,
    `报送情况：${summary.reportsTracked ? '已登记' : '未登记'}`,
    `生成时间：${shanghaiInstantWords(summary.generatedAt)}（北京时间）`,
  ].join('；');
  const total: Line = { seq: '合计', label: '', figures: summary.totals };
  const workbook = await newOfficeWorkbook(title);
  const byCategory = columns('问题类别', FINDINGS);
  addOfficeSheet(workbook, {
    sheetName: '按问题类别',
    title,
    subtitle,
    columns: byCategory,
    rows: summary.byCategory.map((c, i) => ({ seq: i + 1, label: FINDING_CATEGORY_LABELS[c.category] ?? c.category, figures: c })),
    totals: byCategory.map((c) => c.value(total)),
    generatedAt: summary.generatedAt,
  });
  const byInstitution = columns('机构名称', [...ACTIVITY, ...FINDINGS, ...REPORTS]);
  addOfficeSheet(workbook, {
    sheetName: '按机构',
    title,
    subtitle,
    columns: byInstitution,
    rows: summary.byInstitution.map((u, i) => ({ seq: i + 1, label: u.name, figures: u })),
    totals: byInstitution.map((c) => c.value(total)),
    generatedAt: summary.generatedAt,
  });
  return writeOfficeWorkbook(workbook);
}
