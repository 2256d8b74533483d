import { CAMPAIGN_STATUS_LABELS, CampaignSummary, SummaryLine } from '@bihuan/campaigns';
import { chineseDate } from '@bihuan/core';
import { FINDING_CATEGORY_LABELS } from '@bihuan/inspection';
import { shanghaiDateWords, shanghaiInstantWords } from '@bihuan/platform';
import { NoticeTable } from '../../domain/public-notice.messages';

/** A count, or a rate to one decimal; — where nothing was there to rate. */
const count = (n: number): string => String(n);
const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

const FINDINGS: readonly [string, (f: SummaryLine) => string][] = [
  ['问题数', (f) => count(f.findings)],
  ['已销号', (f) => count(f.signedOff)],
  ['未销号', (f) => count(f.open)],
  ['逾期未改', (f) => count(f.overdue)],
  ['整改率', (f) => rate(f.rectificationRate)],
  ['按期整改率', (f) => rate(f.onTimeRate)],
];
const ACTIVITY: readonly [string, (f: SummaryLine) => string][] = [
  ['检查次数', (f) => count(f.visitsDone)],
  ['自查次数', (f) => count(f.selfInspections)],
];

function table(
  title: string,
  subtitle: string,
  group: string,
  lines: readonly { label: string; figures: SummaryLine }[],
  total: SummaryLine,
  figures: typeof FINDINGS,
): NoticeTable {
  return {
    title,
    subtitle,
    columns: ['序号', group, ...figures.map(([header]) => header)],
    rows: lines.map((l, i) => [String(i + 1), l.label, ...figures.map(([, of]) => of(l.figures))]),
    totals: ['合计', '', ...figures.map(([, of]) => of(total))],
  };
}

/**
 * A campaign's closing summary (GET /campaigns/{id}/summary, read as the issuing unit) as a notice's
 * tables: by finding category, then by institution with the visits and self-inspections. The same
 * figures as the campaign's 通报 workbook, in the columns an A4 page holds; institutions by name only.
 */
export function campaignTables(summary: CampaignSummary): NoticeTable[] {
  const title = `${summary.title}情况通报表（截至${shanghaiDateWords(summary.generatedAt)}）`;
  const subtitle = [
    `发文单位：${summary.issuingUnitName}`,
    `行动期间：${chineseDate(summary.startsOn)}至${chineseDate(summary.endsOn)}`,
    `状态：${CAMPAIGN_STATUS_LABELS[summary.status]}`,
    `生成时间：${shanghaiInstantWords(summary.generatedAt)}（北京时间）`,
  ].join('；');
  const byCategory = summary.byCategory.map((c) => ({ label: FINDING_CATEGORY_LABELS[c.category] ?? c.category, figures: c }));
  const byInstitution = summary.byInstitution.map((u) => ({ label: u.name, figures: u }));
  return [
    table(`${title}（按问题类别）`, subtitle, '问题类别', byCategory, summary.totals, FINDINGS),
    table(`${title}（按机构）`, subtitle, '机构名称', byInstitution, summary.totals, [...ACTIVITY, ...FINDINGS]),
  ];
}

export function campaignNotes(summary: CampaignSummary): string[] {
  return [
    '按专项行动期间开展的检查、自查和发现的问题统计；整改率为已销号问题占问题数的比例，按期整改率为按期销号占已销号的比例。',
    ...(summary.carriedOver > 0 ? [`专项行动结束时尚有${summary.carriedOver}项问题未销号，已结转日常监管继续整改。`] : []),
    '问题责任人等个人信息不予公开。',
  ];
}
