import ExcelJS from 'exceljs';
import { ComplaintStatistics, ComplaintStats } from './complaint-statistics.query';
import { periodWords, statisticsWorkbook } from './complaint-statistics.xlsx';

const stats = (key: string, received: number, onTimeRate: number | null): ComplaintStats => ({
  key,
  received,
  receivedAtInstitutions: 1,
  escalated: 0,
  open: 1,
  overdue: 0,
  closed: received - 1,
  resolvedOnTheSpot: 0,
  declined: 0,
  supervised: 0,
  publiclyNoticed: 0,
  returned: 0,
  reopened: 0,
  acknowledge: { due: 2, onTime: 1, late: 1, onTimeRate },
  answer: { due: 0, onTime: 0, late: 0, onTimeRate: null },
  satisfaction: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, rated: 1, satisfactionRate: 1 },
  decisions: { substantiated: 1, partlySubstantiated: 0, notSubstantiated: 1, decided: 2, substantiatedRate: 0.5 },
});

const STATISTICS: ComplaintStatistics = {
  groupBy: 'institution',
  period: { from: '2025-02-28T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' },
  generatedAt: '2025-04-01T06:05:00.000Z',
  totals: stats('total', 5, 0.75),
  groups: [stats('hosp-a1-1', 3, 0.5), stats('(unassigned)', 2, 1)],
};
const NAMES: Record<string, string> = { 'hosp-a1-1': '𠮷安市第一人民医院' };

async function sheetOf(s: ComplaintStatistics): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await statisticsWorkbook(s, (id) => NAMES[id] ?? id)).buffer);
  return workbook.worksheets[0]!;
}
const values = (sheet: ExcelJS.Worksheet, n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);

describe('complaint statistics 通报 table', () => {
  it('titles the period in Beijing days (to is exclusive) and says when it was made', async () => {
    const sheet = await sheetOf(STATISTICS);
    expect(sheet.getCell(1, 1).value).toBe('投诉举报办理情况通报表（2025年3月1日至2025年3月31日）');
    expect(sheet.getCell(2, 1).value).toBe('按受理时间统计；生成时间：2025年4月1日 14:05（北京时间）');
    expect(periodWords({ from: null, to: null }, STATISTICS.generatedAt)).toBe('截至2025年4月1日');
  });

  it('lists units by name with Chinese headers only, percentages as percent cells and a 合计 row', async () => {
    const sheet = await sheetOf(STATISTICS);
    const headers = values(sheet, 3) as string[];
    expect(headers.slice(0, 6)).toEqual(['序号', '单位名称', '受理件数', '医疗机构首诉', '上报卫健委', '在办']);
    expect(headers).toHaveLength(24);
    expect(headers.filter((h) => /[A-Za-z]/.test(h))).toEqual([]);
    expect(values(sheet, 4).slice(0, 3)).toEqual([1, '𠮷安市第一人民医院', 3]);
    expect(values(sheet, 5).slice(0, 3)).toEqual([2, '未指派单位', 2]);
    const rateColumn = headers.indexOf('签收按时率') + 1;
    expect(sheet.getCell(4, rateColumn).value).toBe(0.5);
    expect(sheet.getCell(4, rateColumn).numFmt).toBe('0.0%');
    expect(sheet.getCell(4, headers.indexOf('反馈按时率') + 1).value).toBe('—');
    expect(values(sheet, 6).slice(0, 3)).toEqual(['合计', '', 5]);
    expect(sheet.getCell(6, rateColumn).value).toBe(0.75);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
  });

  it('names categories and months in Chinese', async () => {
    const byCategory = await sheetOf({ ...STATISTICS, groupBy: 'category', groups: [stats('red-envelopes-kickbacks', 1, null)] });
    expect(values(byCategory, 3)[1]).toBe('问题类别');
    expect(values(byCategory, 4)[1]).toBe('红包回扣');
    const byMonth = await sheetOf({ ...STATISTICS, groupBy: 'month', groups: [stats('2025-03', 1, null)] });
    expect(values(byMonth, 4)[1]).toBe('2025年3月');
  });
});
