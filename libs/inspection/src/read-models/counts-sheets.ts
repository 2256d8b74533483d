import { OfficeColumn, OfficeSheetSpec, OfficeValue, StatisticsHeading, statisticsSubtitle, statisticsTitle } from '@bihuan/platform';
import { ESCALATION_RUNG_LABELS, ESCALATION_RUNGS, FINDING_CATEGORY_LABELS, FindingCategory } from '../domain';
import { CountRow, CrossCountRow, LedgerCounts } from './counts.queries';
import { MonthCountRow } from './ledger-trend';

/**
 * The leaders' ledger figures (GET /ledgers/counts) as 通报 tables: one sheet per figure of the
 * dashboard, Chinese headings, the period in the title, a 合计 row. The words are the domain's
 * (inspection-labels.ts, served by GET /catalogue), so the table reads as the screen does.
 */

const TABLE = '问题整改情况统计表';
const OPENED_BASIS = '按问题发现日期统计，逾期按生成时间计';

/** 序号 and the group's words, then the counts of a CountRow. */
export interface CountsSheetLine<R> {
  readonly seq: number | string;
  readonly label: string;
  readonly row: R;
}

/** Signed off of the rows that count (withdrawn ones apart); — when none count. */
const signedOffRate = (r: CountRow): OfficeValue => (r.total - r.withdrawn === 0 ? '—' : r.signedOff / (r.total - r.withdrawn));

const COUNT_COLUMNS: readonly OfficeColumn<CountsSheetLine<CountRow>>[] = [
  { header: '问题总数', width: 10, kind: 'number', value: (l) => l.row.total },
  { header: '整改中', width: 10, kind: 'number', value: (l) => l.row.open },
  { header: '已销号', width: 10, kind: 'number', value: (l) => l.row.signedOff },
  { header: '已撤销', width: 10, kind: 'number', value: (l) => l.row.withdrawn },
  { header: '逾期未改', width: 10, kind: 'number', value: (l) => l.row.overdue },
  { header: '销号率', width: 10, kind: 'percent', value: (l) => signedOffRate(l.row) },
];

function lines<R>(rows: readonly R[], label: (r: R) => string): CountsSheetLine<R>[] {
  return rows.map((row, i) => ({ seq: i + 1, label: label(row), row }));
}

function groupedSheet(
  counts: LedgerCounts,
  heading: StatisticsHeading,
  group: { by: string; header: string; rows: readonly CountRow[]; label: (r: CountRow) => string },
): OfficeSheetSpec<CountsSheetLine<CountRow>> {
  const columns: OfficeColumn<CountsSheetLine<CountRow>>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: group.header, width: 28, value: (l) => l.label },
    ...COUNT_COLUMNS,
  ];
  const total: CountsSheetLine<CountRow> = { seq: '合计', label: '', row: { key: 'all', ...counts } };
  return {
    sheetName: `问题整改（${group.by}）`,
    title: statisticsTitle(heading, TABLE, group.by),
    subtitle: statisticsSubtitle(heading, OPENED_BASIS),
    columns,
    rows: lines(group.rows, group.label),
    totals: columns.map((c) => c.value(total)),
    generatedAt: heading.generatedAt,
  };
}

export const findingCategoryWords = (category: string): string => FINDING_CATEGORY_LABELS[category as FindingCategory] ?? category;

/** 问题整改情况（按机构）: one row per institution, by name. */
export function findingsByInstitutionSheet(counts: LedgerCounts, heading: StatisticsHeading): OfficeSheetSpec<CountsSheetLine<CountRow>> {
  return groupedSheet(counts, heading, { by: '按机构', header: '机构名称', rows: counts.byInstitution, label: (r) => r.name ?? r.key });
}

/** 问题整改情况（按类别）. */
export function findingsByCategorySheet(counts: LedgerCounts, heading: StatisticsHeading): OfficeSheetSpec<CountsSheetLine<CountRow>> {
  return groupedSheet(counts, heading, {
    by: '按类别',
    header: '问题类别',
    rows: counts.byCategory,
    label: (r) => findingCategoryWords(r.key),
  });
}

/** 机构 × 类别: one row per cell that has rows. */
export function findingsByInstitutionCategorySheet(
  counts: LedgerCounts,
  heading: StatisticsHeading,
): OfficeSheetSpec<CountsSheetLine<CrossCountRow>> {
  const columns: OfficeColumn<CountsSheetLine<CrossCountRow>>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: '机构名称', width: 28, value: (l) => l.label },
    { header: '问题类别', width: 24, value: (l) => (l.row.category ? findingCategoryWords(l.row.category) : '') },
    ...COUNT_COLUMNS,
  ];
  const total: CountsSheetLine<CrossCountRow> = { seq: '合计', label: '', row: { key: 'all', category: '', ...counts } };
  return {
    sheetName: '问题整改（机构×类别）',
    title: statisticsTitle(heading, TABLE, '按机构和类别'),
    subtitle: statisticsSubtitle(heading, OPENED_BASIS),
    columns,
    rows: lines(counts.byInstitutionCategory, (r) => r.name ?? r.key),
    totals: columns.map((c) => c.value(total)),
    generatedAt: heading.generatedAt,
  };
}

/** 逾期问题督办情况: every rung of the ladder in its order, empty ones included. */
export function findingsByRungSheet(counts: LedgerCounts, heading: StatisticsHeading): OfficeSheetSpec<CountsSheetLine<CountRow>> {
  const at = new Map(counts.byEscalationRung.map((r) => [r.key, r]));
  const rows = ESCALATION_RUNGS.map(
    (rung): CountRow => at.get(rung) ?? { key: rung, total: 0, open: 0, signedOff: 0, withdrawn: 0, overdue: 0 },
  );
  const sum = (of: (r: CountRow) => number) => rows.reduce((n, r) => n + of(r), 0);
  const columns: OfficeColumn<CountsSheetLine<CountRow>>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: '督办层级', width: 20, value: (l) => l.label },
    { header: '升级问题数', width: 12, kind: 'number', value: (l) => l.row.total },
    { header: '其中仍逾期', width: 12, kind: 'number', value: (l) => l.row.overdue },
    { header: '已销号', width: 10, kind: 'number', value: (l) => l.row.signedOff },
  ];
  const total: CountsSheetLine<CountRow> = {
    seq: '合计',
    label: '',
    row: {
      key: 'all',
      total: sum((r) => r.total),
      open: 0,
      signedOff: sum((r) => r.signedOff),
      withdrawn: 0,
      overdue: sum((r) => r.overdue),
    },
  };
  return {
    sheetName: '逾期问题督办',
    title: statisticsTitle(heading, '逾期问题督办情况表'),
    subtitle: statisticsSubtitle(heading, '按问题所到的最高督办层级统计（提醒敦促函→整改通知书→约谈通知书→挂牌督办→通报）'),
    columns,
    rows: lines(rows, (r) => ESCALATION_RUNG_LABELS[r.key as keyof typeof ESCALATION_RUNG_LABELS] ?? r.key),
    totals: columns.map((c) => c.value(total)),
    generatedAt: heading.generatedAt,
  };
}

/** 2025年3月 */
export const monthWords = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 问题整改月度趋势: opened and signed off per Beijing month. */
export function findingsByMonthSheet(counts: LedgerCounts, heading: StatisticsHeading): OfficeSheetSpec<CountsSheetLine<MonthCountRow>> {
  const columns: OfficeColumn<CountsSheetLine<MonthCountRow>>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: '月份', width: 14, value: (l) => l.label },
    { header: '新发现问题', width: 12, kind: 'number', value: (l) => l.row.opened },
    { header: '销号问题', width: 12, kind: 'number', value: (l) => l.row.signedOff },
  ];
  const sum = (of: (r: MonthCountRow) => number) => counts.byMonth.reduce((n, r) => n + of(r), 0);
  const total: CountsSheetLine<MonthCountRow> = {
    seq: '合计',
    label: '',
    row: { month: '', opened: sum((r) => r.opened), signedOff: sum((r) => r.signedOff) },
  };
  return {
    sheetName: '问题整改月度趋势',
    title: statisticsTitle(heading, '问题整改月度趋势表'),
    subtitle: statisticsSubtitle(heading, '新发现按发现日期、销号按销号日期计入所在月份（北京时间）'),
    columns,
    rows: lines(counts.byMonth, (r) => monthWords(r.month)),
    totals: columns.map((c) => c.value(total)),
    generatedAt: heading.generatedAt,
  };
}
