import ExcelJS from 'exceljs';
import { ledgerCsv, ledgerXlsx, progressText, shanghaiDate } from './ledger-export';
import { LedgerRow } from './ledger-row';

const row = (over: Partial<LedgerRow> = {}): LedgerRow => ({
  seq: 1,
  findingId: 'f-1',
  institutionId: 'hosp-1',
  visitId: 'v-1',
  visitKind: 'unannounced',
  campaignId: null,
  category: 'red-envelopes',
  severity: 'severe',
  description: '收受红包, 情节"严重"',
  evidence: [],
  requiredAction: 'deadline',
  measures: '警示教育\n签订承诺书',
  responsibleDepartment: '外科',
  responsiblePerson: '张主任',
  plannedCompletion: null,
  noticeNo: null,
  round: 1,
  deadline: '2025-03-24T15:59:59.999Z',
  deadlineProvisional: false,
  currentDueAt: '2025-03-31T15:59:59.999Z',
  currentDueProvisional: false,
  progressSummary: '培训中',
  percentComplete: 50,
  status: 'inProgress',
  escalationRung: 'reminder-letter',
  escalationStep: 1,
  overdue: true,
  signedOff: false,
  signedOffAt: null,
  onTime: null,
  recheckStatus: 'none',
  recheckDueAt: null,
  pendingExtension: null,
  extensionsApproved: 0,
  withdrawnReason: null,
  openedAt: '2025-03-03T01:00:00.000Z',
  openedBy: 'u',
  updatedAt: '2025-03-03T01:00:00.000Z',
  ...over,
});

describe('ledger export', () => {
  it('formats instants as Shanghai dates (the end of a Shanghai day stays on that day)', () => {
    expect(shanghaiDate('2025-03-24T15:59:59.999Z')).toBe('2025-03-24');
    expect(shanghaiDate('2025-03-24T16:00:00.000Z')).toBe('2025-03-25');
    expect(shanghaiDate(null)).toBe('');
  });

  it('describes progress in words, with escalation and overdue', () => {
    expect(progressText(row())).toBe('整改中：培训中（50%）；已发提醒敦促函（逾期）');
    expect(progressText(row({ status: 'signedOff', signedOff: true, signedOffAt: '2025-04-16T02:00:00.000Z', overdue: false }))).toBe(
      '已完成整改，2025-04-16销号',
    );
  });

  it('writes CSV with a BOM, CRLF and quoted cells', () => {
    const text = ledgerCsv([row()]).toString('utf8');
    expect(text.startsWith('\uFEFF序号,问题,类别,严重程度,整改措施,责任科室,责任人,整改时限,完成情况,是否销号,销号日期\r\n')).toBe(true);
    expect(text).toContain('1,"收受红包, 情节""严重""",收受红包,严重,"警示教育\n签订承诺书",外科,张主任,2025-03-24,');
    expect(text.endsWith(',否,\r\n')).toBe(true);
  });

  it("marks a provisional 整改时限 as 暂定 (next year's official holidays not yet imported)", () => {
    const text = ledgerCsv([row({ deadline: '2027-01-11T15:59:59.999Z', deadlineProvisional: true })]).toString('utf8');
    expect(text).toContain(',张主任,2027-01-11（暂定）,');
  });

  it("neutralises formula text from people in the CSV, keeping the code's numbers numbers (read back as a spreadsheet would)", async () => {
    const hostile = [
      row({
        seq: 7,
        description: "=cmd|' /C calc'!A0",
        measures: '@SUM(A1:A9)',
        responsiblePerson: '-2+3',
        responsibleDepartment: '+外科',
      }),
    ];
    const { Readable } = await import('node:stream');
    const workbook = new ExcelJS.Workbook();
    const text = ledgerCsv(hostile)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const sheet = await workbook.csv.read(Readable.from([text]));
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(cells[0]).toBe(7);
    expect(cells[1]).toBe("'=cmd|' /C calc'!A0");
    expect(cells[4]).toBe("'@SUM(A1:A9)");
    expect(cells[5]).toBe("'+外科");
    expect(cells[6]).toBe("'-2+3");
    expect(cells.filter((c) => typeof c === 'string' && /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
  });

  it('writes an XLSX that reads back with the same cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      new Uint8Array(await ledgerXlsx([row(), row({ seq: 2, status: 'withdrawn', withdrawnReason: '误报' })], '整改台账')).buffer,
    );
    const sheet = workbook.getWorksheet('整改台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('序号');
    expect(sheet.getRow(2).getCell(8).value).toBe('2025-03-24');
    expect(sheet.getRow(3).getCell(10).value).toBe('已撤销');
  });
});
