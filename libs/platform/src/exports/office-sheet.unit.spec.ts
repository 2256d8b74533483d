import ExcelJS from 'exceljs';
import { clipCodePoints, codePointLength } from './code-points';
import { shanghaiDateCell, shanghaiDateTimeCell, shanghaiInstantWords } from './office-dates';
import { officeCsv } from './office-csv';
import { OFFICE_FONT, officeXlsx } from './office-sheet';
import { OfficeColumn } from './office-sheet.types';

interface Item {
  readonly n: number;
  readonly text: string;
  readonly at: string;
  readonly rate: number;
}
const COLUMNS: readonly OfficeColumn<Item>[] = [
  { header: '序号', width: 6, kind: 'number', value: (r) => r.n },
  { header: '内容', width: 40, value: (r) => r.text },
  { header: '日期', width: 12, kind: 'date', value: (r) => shanghaiDateCell(r.at) },
  { header: '比率', width: 10, kind: 'percent', value: (r) => r.rate },
];
const GENERATED = '2025-03-24T15:59:59.999Z';

async function load(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook.worksheets[0]!;
}

/** Texts whose surrogate pairs land everywhere, chunk boundaries included. */
function bigTexts(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `第${i + 1}项${'x'.repeat(i % 2)}${'𠮷😀'.repeat(8)}${'医德医风问题整改'.repeat(1 + (i % 9))}😀${'𠮷'.repeat(i % 4)}末`,
  );
}

describe('office sheet', () => {
  it('lays out title, repeated header, rows, totals and signature lines for A4 landscape', async () => {
    const rows: Item[] = [{ n: 1, text: '门诊推诿患者', at: '2025-03-24T16:00:00.000Z', rate: 0.5 }];
    const sheet = await load(
      await officeXlsx({
        sheetName: '台账',
        title: '某医院整改台账',
        columns: COLUMNS,
        rows,
        totals: ['合计', '共1项', null, 0.5],
        generatedAt: GENERATED,
      }),
    );
    expect(sheet.name).toBe('台账');
    expect(sheet.getCell(1, 1).value).toBe('某医院整改台账');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '内容', '日期', '比率']);
    const date = sheet.getCell(3, 3).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2025-03-25T00:00:00.000Z'); // 16:00Z is the next day in Shanghai
    expect(sheet.getCell(3, 3).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(3, 4).numFmt).toBe('0.0%');
    expect(sheet.getCell(4, 1).value).toBe('合计');
    expect(sheet.getCell(6, 1).value).toBe('填报人：');
    expect(sheet.getCell(6, 4).value).toBe('填报日期：2025年3月24日');
    expect(sheet.getCell(3, 2).font.name).toBe(OFFICE_FONT);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '2:2',
    });
  });

  it('makes each row tall enough for its wrapped text, as printed: one line stays at the default height', async () => {
    // 内容 is 40 wide: 39 characters of room, a Chinese character taking two.
    const long = '外科病房医生收受患者红包，经查共三次，科室主任知情未报，医院未开展警示谈话'; // 37 characters: 74 wide, 2 lines
    const rows: Item[] = [
      { n: 1, text: '门诊推诿患者', at: GENERATED, rate: 0 },
      { n: 2, text: long, at: GENERATED, rate: 0 },
      { n: 3, text: `${long}\n整改：已约谈当事医生`, at: GENERATED, rate: 0 },
    ];
    const sheet = await load(
      await officeXlsx({
        sheetName: '台账',
        title: '台账',
        columns: COLUMNS,
        rows,
        totals: ['合计', '共3项', null, 0],
        generatedAt: GENERATED,
      }),
    );
    expect([3, 4, 5, 6].map((row) => sheet.getRow(row).height)).toEqual([15, 33, 47, 15]);
  });

  it('keeps every character of a large workbook (5,000 rows with 𠮷, 😀 and long Chinese text)', async () => {
    const texts = bigTexts(5000);
    const rows = texts.map((text, i) => ({ n: i + 1, text, at: GENERATED, rate: 1 }));
    const sheet = await load(await officeXlsx({ sheetName: '大表', title: '𠮷😀', columns: COLUMNS, rows, generatedAt: GENERATED }));
    const back = texts.map((_, i) => sheet.getCell(i + 3, 2).value);
    expect(back.filter((v, i) => v !== texts[i])).toEqual([]);
    expect(sheet.getCell(1, 1).value).toBe('𠮷😀');
  }, 120_000);

  it('writes the same columns as CSV with a BOM, dates as Shanghai days', () => {
    const text = officeCsv(COLUMNS, [{ n: 1, text: '𠮷,😀', at: '2025-03-24T16:00:00.000Z', rate: 0.25 }]).toString('utf8');
    expect(text).toBe('\uFEFF序号,内容,日期,比率\r\n1,"𠮷,😀",2025-03-25,25.0%\r\n');
  });

  it('counts and clips by code points, never splitting a surrogate pair', () => {
    expect(codePointLength('𠮷😀a')).toBe(3);
    expect(clipCodePoints('𠮷😀a', 2)).toBe('𠮷😀');
    expect(clipCodePoints('a𠮷', 1)).toBe('a');
    expect(clipCodePoints('短', 5)).toBe('短');
  });

  it('shows instants on the Beijing wall clock', () => {
    expect(shanghaiDateTimeCell('2025-03-24T06:05:00.000Z')?.toISOString()).toBe('2025-03-24T14:05:00.000Z');
    expect(shanghaiInstantWords('2025-03-24T06:05:00.000Z')).toBe('2025年3月24日 14:05');
    expect(shanghaiDateCell(null)).toBeNull();
  });
});
