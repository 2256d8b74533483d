import {
  officeXlsx,
  OfficeColumn,
  OfficeSheetSpec,
  OfficeValue,
  shanghaiDateWords,
  shanghaiInstantWords,
  StatisticsHeading,
  statisticsSubtitle,
  statisticsTitle,
} from '@bihuan/platform';
import { ComplaintCategory } from '../domain/complaint-vocabulary';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_DECISION_LABELS, SATISFACTION_RATING_LABELS } from '../domain/complaint-labels';
import { STATISTICS_GROUP_LABELS, UNASSIGNED_LABEL } from './complaint-statistics.labels';
import { ComplaintStatistics, ComplaintStats, StatisticsGroup } from './complaint-statistics.query';

/** A numbered group of the table; the 合计 row has no number. */
export interface StatisticsLine {
  readonly seq: number | string;
  readonly label: string;
  readonly stats: ComplaintStats;
}

/** A rate cell: 0–1 shown as a percentage, — where nothing was due, rated or decided. */
const rate = (value: number | null): OfficeValue => (value === null ? '—' : value);

const COUNTS: readonly [string, (s: ComplaintStats) => number][] = [
  ['受理件数', (s) => s.received],
  ['医疗机构首诉', (s) => s.receivedAtInstitutions],
  ['上报卫健委', (s) => s.escalated],
  ['在办', (s) => s.open],
  ['超期', (s) => s.overdue],
  ['办结', (s) => s.closed],
  ['当场办结', (s) => s.resolvedOnTheSpot],
  ['不予受理', (s) => s.declined],
];
const RATES_AND_MORE: readonly [string, 'number' | 'percent', (s: ComplaintStats) => OfficeValue][] = [
  ['签收按时率', 'percent', (s) => rate(s.acknowledge.onTimeRate)],
  ['反馈按时率', 'percent', (s) => rate(s.answer.onTimeRate)],
  [SATISFACTION_RATING_LABELS.satisfied, 'number', (s) => s.satisfaction.satisfied],
  [SATISFACTION_RATING_LABELS['basically-satisfied'], 'number', (s) => s.satisfaction.basicallySatisfied],
  [SATISFACTION_RATING_LABELS.dissatisfied, 'number', (s) => s.satisfaction.dissatisfied],
  ['满意率', 'percent', (s) => rate(s.satisfaction.satisfactionRate)],
  [COMPLAINT_DECISION_LABELS.substantiated, 'number', (s) => s.decisions.substantiated],
  [COMPLAINT_DECISION_LABELS['partly-substantiated'], 'number', (s) => s.decisions.partlySubstantiated],
  [COMPLAINT_DECISION_LABELS['not-substantiated'], 'number', (s) => s.decisions.notSubstantiated],
  ['属实率', 'percent', (s) => rate(s.decisions.substantiatedRate)],
  ['督办', 'number', (s) => s.supervised],
  ['通报', 'number', (s) => s.publiclyNoticed],
  ['退单', 'number', (s) => s.returned],
  ['重办', 'number', (s) => s.reopened],
];

/** The columns of the 通报 table: Chinese headers only; the group column named after the grouping. */
export function statisticsColumns(groupBy: StatisticsGroup): OfficeColumn<StatisticsLine>[] {
  return [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: STATISTICS_GROUP_LABELS[groupBy], width: 24, value: (l) => l.label },
    ...COUNTS.map(([header, of]): OfficeColumn<StatisticsLine> => ({ header, width: 9, kind: 'number', value: (l) => of(l.stats) })),
    ...RATES_AND_MORE.map(([header, kind, of]): OfficeColumn<StatisticsLine> => ({
      header,
      width: kind === 'percent' ? 11 : 9,
      kind,
      value: (l) => of(l.stats),
    })),
  ];
}

/** What a group key reads as: the unit's name, the category's words, 2025年3月. */
export function groupLabel(groupBy: StatisticsGroup, key: string, unitName: (id: string) => string): string {
  switch (groupBy) {
    case 'institution':
      return key === '(unassigned)' ? UNASSIGNED_LABEL : unitName(key);
    case 'category':
      return COMPLAINT_CATEGORY_LABELS[key as ComplaintCategory] ?? key;
    case 'month':
      return /^\d{4}-\d{2}$/.test(key) ? `${key.slice(0, 4)}年${Number(key.slice(5))}月` : key;
    default:
      return '全部';
  }
}

/** 2025年3月1日至2025年3月31日: `to` is exclusive, so the last day shown is the one before it. */
export function periodWords(period: ComplaintStatistics['period'], generatedAt: string): string {
  const last = period.to ? new Date(Date.parse(period.to) - 1).toISOString() : null;
  if (period.from && last) return `${shanghaiDateWords(period.from)}至${shanghaiDateWords(last)}`;
  if (period.from) return `${shanghaiDateWords(period.from)}至${shanghaiDateWords(generatedAt)}`;
  return `截至${shanghaiDateWords(last ?? generatedAt)}`;
}

/** By institution / category / month, as a title says it. */
const GROUPED_BY: Readonly<Record<StatisticsGroup, string | undefined>> = {
  none: undefined,
  institution: '按单位',
  category: '按类别',
  month: '按月份',
};

/**
 * The statistics as a 通报 table: the period in the title, one row per unit (by name), category or
 * month, percentages as percent cells, a 合计 row, Beijing time, signature lines. With `heading`
 * (the leaders' workbook, several contexts' tables side by side) the title names the jurisdiction
 * and the grouping, and the sheet is named after the grouping so that two groupings fit one workbook.
 */
export function statisticsSheet(
  stats: ComplaintStatistics,
  unitName: (id: string) => string,
  heading?: StatisticsHeading,
): OfficeSheetSpec<StatisticsLine> {
  const lines: StatisticsLine[] = stats.groups.map((g, i) => ({ seq: i + 1, label: groupLabel(stats.groupBy, g.key, unitName), stats: g }));
  const columns = statisticsColumns(stats.groupBy);
  const total: StatisticsLine = { seq: '合计', label: '', stats: stats.totals };
  const by = GROUPED_BY[stats.groupBy];
  return {
    sheetName: heading ? `投诉举报（${by ?? '合计'}）` : '投诉举报统计',
    title: heading
      ? statisticsTitle(heading, '投诉举报办理情况通报表', by)
      : `投诉举报办理情况通报表（${periodWords(stats.period, stats.generatedAt)}）`,
    subtitle: heading
      ? statisticsSubtitle(heading, '按受理时间统计')
      : `按受理时间统计；生成时间：${shanghaiInstantWords(stats.generatedAt)}（北京时间）`,
    columns,
    rows: lines,
    totals: columns.map((c) => c.value(total)),
    generatedAt: stats.generatedAt,
  };
}

/** GET /complaints/statistics?format=xlsx: the table as a workbook of its own. */
export function statisticsWorkbook(stats: ComplaintStatistics, unitName: (id: string) => string): Promise<Buffer> {
  return officeXlsx(statisticsSheet(stats, unitName));
}
