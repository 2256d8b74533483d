import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { LEDGER_HEADERS, ledgerCsv, ledgerXlsx, progressText, remarksText, shanghaiDate } from './ledger-export';
import { ledgerRowFixture as row } from './ledger-row.fixtures';

const HEADERS = [
  '序号', '问题来源', '发现日期', '问题描述', '问题类别', '整改类型', '整改措施', '责任部门',
  '责任人', '整改时限', '完成情况', '是否销号', '销号日期', '督办级别', '通知书文号', '备注',
]; // prettier-ignore
const TITLE = { unitName: '市第一人民医院', cutOff: '2025-04-20T02:00:00.000Z', generatedAt: '2025-04-20T02:00:00.000Z' };

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook.getWorksheet('整改台账')!;
}
const values = (sheet: ExcelJS.Worksheet, n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);

describe('ledger export', () => {
  it('formats instants as Shanghai dates (the end of a Shanghai day stays on that day)', () => {
    expect(shanghaiDate('2025-03-24T15:59:59.999Z')).toBe('2025-03-24');
    expect(shanghaiDate('2025-03-24T16:00:00.000Z')).toBe('2025-03-25');
    expect(shanghaiDate(null)).toBe('');
  });

  it('describes progress in words: escalation, overdue, and a late sign-off as 逾期完成', () => {
    expect(progressText(row())).toBe('整改中：培训中（50%）；已发提醒敦促函（逾期）');
    const signed = { status: 'signedOff', signedOff: true, signedOffAt: '2025-04-16T02:00:00.000Z', overdue: false } as const;
    expect(progressText(row({ ...signed, onTime: false }))).toBe('逾期完成');
    expect(progressText(row({ ...signed, onTime: true }))).toBe('按期完成');
  });

  it('marks a reopened row 第N轮 and a provisional 整改时限 in 备注', () => {
    expect(remarksText(row({ round: 2 }))).toBe('第2轮整改；严重程度：严重');
    expect(remarksText(row({ deadline: '2027-01-11T15:59:59.999Z', deadlineProvisional: true }))).toContain('整改时限暂定');
  });

  it('fills 通知书文号 with the printed 整改通知书 number when there is one, else the typed number', async () => {
    const rows = [
      row({ seq: 1, noticeNo: '整改〔2025〕1号', noticeDocumentNo: '甲卫健监整〔2025〕7号' }),
      row({ seq: 2, noticeNo: '整改〔2025〕2号', noticeDocumentNo: null }),
      row({ seq: 3, noticeNo: null, noticeDocumentNo: null }),
    ];
    const sheet = await sheetOf(await ledgerXlsx(rows, TITLE));
    const column = HEADERS.indexOf('通知书文号') + 1;
    expect([3, 4, 5].map((r) => sheet.getCell(r, column).value ?? '')).toEqual(['甲卫健监整〔2025〕7号', '整改〔2025〕2号', '']);
    const csv = ledgerCsv(rows).toString('utf8');
    expect(csv).toContain('甲卫健监整〔2025〕7号');
    expect(csv).not.toContain('整改〔2025〕1号');
  });

  it('writes CSV with a BOM, CRLF, the same 16 columns and Shanghai dates', () => {
    const text = ledgerCsv([row()]).toString('utf8');
    expect(text.startsWith(`\uFEFF${HEADERS.join(',')}\r\n`)).toBe(true);
    expect(text).toContain(
      '1,暗访检查,2025-03-03,"收受红包, 情节""严重""",收受红包,限期整改,"警示教育\n签订承诺书",外科,张主任,2025-03-24,',
    );
    expect(text.endsWith(',否,,提醒敦促函,,严重程度：严重\r\n')).toBe(true);
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
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.read(
      Readable.from([
        ledgerCsv(hostile)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      ]),
    );
    const cells = values(sheet, 2);
    expect(cells[0]).toBe(7);
    expect(cells[3]).toBe("'=cmd|' /C calc'!A0");
    expect(cells[6]).toBe("'@SUM(A1:A9)");
    expect(cells[7]).toBe("'+外科");
    expect(cells[8]).toBe("'-2+3");
    expect(cells.filter((c) => typeof c === 'string' && /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('writes the XLSX an office files: title, headers, date cells, totals, signatures, A4 landscape', async () => {
    const rows = [
      row(),
      row({
        seq: 2,
        status: 'signedOff',
        signedOff: true,
        signedOffAt: '2025-04-16T02:00:00.000Z',
        onTime: false,
        overdue: false,
        round: 2,
      }),
      row({ seq: 3, status: 'withdrawn', withdrawnReason: '误报', overdue: false, noticeNo: 'X卫健监整〔2025〕3号' }),
    ];
    const sheet = await sheetOf(await ledgerXlsx(rows, { ...TITLE, qualifier: '暗访 2025-03-03' }));
    expect(sheet.getCell(1, 1).value).toBe('市第一人民医院整改台账（暗访 2025-03-03，截至2025年4月20日）');
    expect(values(sheet, 2)).toEqual(HEADERS);
    expect(LEDGER_HEADERS).toEqual(HEADERS);
    const found = sheet.getCell(3, 3).value as Date;
    expect(found).toBeInstanceOf(Date);
    expect(found.toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect((sheet.getCell(3, 10).value as Date).toISOString().slice(0, 10)).toBe('2025-03-24');
    expect((sheet.getCell(4, 13).value as Date).toISOString().slice(0, 10)).toBe('2025-04-16');
    expect(sheet.getCell(4, 11).value).toBe('逾期完成');
    expect(sheet.getCell(4, 16).value).toBe('第2轮整改；严重程度：严重');
    expect(sheet.getCell(5, 12).value).toBe('已撤销');
    expect(sheet.getCell(5, 15).value).toBe('X卫健监整〔2025〕3号');
    expect(values(sheet, 6)).toEqual(
      expect.arrayContaining(['合计', '共2项（另撤销1项）', '已销号1项（逾期完成1项），未销号1项（逾期1项）', '1/2']),
    );
    expect([...new Set(values(sheet, 8).filter((v) => typeof v === 'string'))]).toEqual([
      '填报人：',
      '审核人：',
      '单位（盖章）：',
      '填报日期：2025年4月20日',
    ]);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '2:2',
    });
    expect(sheet.getCell(3, 4).font.name).toBe('宋体');
  });

  it('keeps every character of a 5,000-row ledger (𠮷, 😀, long Chinese text) in XLSX and CSV', async () => {
    const long = '医务人员收受患者及其亲属红包礼金，未按规定退还并上交医院纪检部门'.repeat(3);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row({
        seq: i + 1,
        description: `${'x'.repeat(i % 2)}第${i + 1}项𠮷😀${'𠮷😀'.repeat(i % 5)}${long}`,
        measures: `😀${long}${'𠮷'.repeat(1 + (i % 3))}`,
        responsiblePerson: `𠮷${i % 7}`,
      }),
    );
    const sheet = await sheetOf(await ledgerXlsx(rows, TITLE));
    const differing = rows.filter((r, i) => {
      const cells = values(sheet, i + 3);
      return cells[3] !== r.description || cells[6] !== r.measures || cells[8] !== r.responsiblePerson;
    });
    expect(differing.map((r) => r.seq)).toEqual([]);
    const csv = ledgerCsv(rows).toString('utf8');
    expect(csv).not.toContain('\uFFFD');
    expect(rows.every((r) => csv.includes(r.description))).toBe(true);
  }, 120_000);
});
