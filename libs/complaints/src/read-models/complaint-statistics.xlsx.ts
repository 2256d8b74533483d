import ExcelJS from 'exceljs';
import { ComplaintStatistics, ComplaintStats } from './complaint-statistics.query';

const COLUMNS: readonly [string, (s: ComplaintStats) => number | string | null][] = [
  ['分组 Group', (s) => s.key],
  ['受理 Received', (s) => s.received],
  ['在办 Open', (s) => s.open],
  ['超期 Overdue', (s) => s.overdue],
  ['办结 Closed', (s) => s.closed],
  ['当场办结 On the spot', (s) => s.resolvedOnTheSpot],
  ['不予受理 Declined', (s) => s.declined],
  ['签收按时率 Acknowledge on-time', (s) => s.acknowledge.onTimeRate],
  ['反馈按时率 Answer on-time', (s) => s.answer.onTimeRate],
  ['满意 Satisfied', (s) => s.satisfaction.satisfied],
  ['基本满意 Basically', (s) => s.satisfaction.basicallySatisfied],
  ['不满意 Dissatisfied', (s) => s.satisfaction.dissatisfied],
  ['满意率 Satisfaction rate', (s) => s.satisfaction.satisfactionRate],
  ['属实 Substantiated', (s) => s.decisions.substantiated],
  ['部分属实 Partly', (s) => s.decisions.partlySubstantiated],
  ['不属实 Not', (s) => s.decisions.notSubstantiated],
  ['属实率 Substantiated rate', (s) => s.decisions.substantiatedRate],
  ['督办 Supervised', (s) => s.supervised],
  ['通报 Publicly noticed', (s) => s.publiclyNoticed],
  ['退单 Returned', (s) => s.returned],
  ['重办 Reopened', (s) => s.reopened],
];

/** The statistics as a workbook: one sheet, a row per group and the total last (rates as 0–1). */
export async function statisticsWorkbook(stats: ComplaintStatistics): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bihuan';
  const sheet = workbook.addWorksheet('投诉统计 Complaints');
  sheet.addRow([
    `投诉举报统计 · by ${stats.groupBy}`,
    `from ${stats.period.from ?? '—'}`,
    `to ${stats.period.to ?? '—'}`,
    `generated ${stats.generatedAt}`,
  ]);
  sheet.addRow(COLUMNS.map(([title]) => title)).font = { bold: true };
  for (const group of [...stats.groups, stats.totals]) sheet.addRow(COLUMNS.map(([, value]) => value(group)));
  sheet.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
