import type { Paragraph as DocxParagraph, Table as DocxTable } from 'docx';
import { chineseDate } from '@bihuan/core';
import {
  normaliseGeneratedDocx,
  OFFICIAL_BODY_FONT,
  OFFICIAL_BODY_SIZE,
  OFFICIAL_HEADING_FONT,
  OFFICIAL_LINE,
  OFFICIAL_PAGE_MM as PAGE,
  OFFICIAL_TABLE_FONT,
  OFFICIAL_TABLE_SIZE,
  OFFICIAL_TITLE_FONT,
  OFFICIAL_TITLE_SIZE,
} from '@bihuan/documents';
import { NoticeContent, NoticeTable } from '../domain/public-notice.messages';

/**
 * The layout of a printed public notice. A published notice records the version it was printed
 * with, and its download is re-rendered from the recorded content and checked against the recorded
 * SM3 (ADR 0021): a change to this file is a new version, never a silent change to old notices.
 */
export const PUBLIC_NOTICE_LAYOUT_VERSION = 1;

const HEADING_SIZE = 28; // 14 pt, 四号: a table's title
const SMALL_SIZE = 21; // 10.5 pt, 五号: a table's subtitle, the digest line

/** How wide a column is printed, by the longest text it holds (a CJK character about two Latin ones). */
function columnWeights(table: NoticeTable): number[] {
  const width = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const rows = [table.columns, ...table.rows, ...(table.totals ? [table.totals] : [])];
  return table.columns.map((_, i) => Math.min(24, Math.max(5, ...rows.map((r) => width(r[i] ?? '')))));
}

/**
 * The notice as DOCX (GB/T 9704, the layout the printed notices share): title, 文号, the correction it
 * makes, the leader's text, each table with its title and repeated header row, the notes, the issuing
 * unit and date, and the SM3 of the content so a paper copy can be checked against the public page.
 * Deterministic (normaliseGeneratedDocx): the same content renders the same bytes.
 */
export async function renderPublicNotice(content: NoticeContent, digest: string): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlignTable } =
    docx;
  const { WidthType, convertMillimetersToTwip: mm } = docx;
  type Options = { center?: boolean; right?: boolean; indent?: boolean; before?: number; size?: number; font?: typeof OFFICIAL_BODY_FONT };
  const para = (text: string, o: Options = {}) =>
    new Paragraph({
      children: [new TextRun({ text, font: o.font ?? OFFICIAL_BODY_FONT, size: o.size ?? OFFICIAL_BODY_SIZE })],
      spacing: o.size ? { before: o.before ?? 0, after: 60 } : { ...OFFICIAL_LINE, before: o.before ?? 0 },
      ...(o.center ? { alignment: AlignmentType.CENTER } : {}),
      ...(o.right ? { alignment: AlignmentType.RIGHT, indent: { right: mm(14) } } : {}),
      ...(o.indent ? { indent: { firstLine: 640 } } : {}),
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const textWidth = mm(PAGE.width - PAGE.left - PAGE.right);
  const cell = (text: string, header: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 40, bottom: 40 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } } : {}),
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ text, font: header ? OFFICIAL_HEADING_FONT : OFFICIAL_TABLE_FONT, size: OFFICIAL_TABLE_SIZE, bold: header }),
          ],
        }),
      ],
    });
  const table = (t: NoticeTable): (DocxParagraph | DocxTable)[] => {
    const weights = columnWeights(t);
    const sum = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => Math.floor((textWidth * w) / sum));
    const row = (cells: readonly string[], header: boolean) =>
      new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((text, i) => cell(text, header, widths[i]!)) });
    return [
      para(t.title, { center: true, before: 240, size: HEADING_SIZE, font: OFFICIAL_HEADING_FONT }),
      ...(t.subtitle ? [para(t.subtitle, { center: true, size: SMALL_SIZE })] : []),
      new Table({
        width: { size: textWidth, type: WidthType.DXA },
        columnWidths: widths,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [
          row(t.columns, true),
          ...(t.rows.length > 0
            ? t.rows.map((r) => row(r, false))
            : [
                row(
                  t.columns.map((_, i) => (i === 1 ? '（无）' : '')),
                  false,
                ),
              ]),
          ...(t.totals ? [row(t.totals, false)] : []),
        ],
      }),
    ];
  };
  const correction = content.corrects
    ? [
        para(
          content.corrects.withdraw
            ? `现撤销《${content.corrects.title}》（${content.corrects.documentNo}），该通报内容不再有效。`
            : `本通报系对《${content.corrects.title}》（${content.corrects.documentNo}）的更正，以本通报为准。`,
          { indent: true },
        ),
      ]
    : [];
  const notes =
    content.notes.length > 0
      ? [para('说明：', { before: 280 }), ...content.notes.map((n, i) => para(`${i + 1}. ${n}`, { indent: true }))]
      : [];
  const children: (DocxParagraph | DocxTable)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: content.title, font: OFFICIAL_TITLE_FONT, size: OFFICIAL_TITLE_SIZE })],
    }),
    para(content.documentNo, { center: true, before: 280 }),
    ...correction,
    ...content.preface.map((text, i) => para(text, { indent: true, before: i === 0 && correction.length === 0 ? 560 : 0 })),
    ...content.tables.flatMap(table),
    ...notes,
    para(content.issuingUnitName, { right: true, before: 1120 }),
    para(chineseDate(content.issuedOn), { right: true }),
    para(`本通报内容摘要（SM3）：${digest}`, { before: 560, size: SMALL_SIZE }),
  ];
  const document = new Document({
    creator: 'Bihuan',
    title: content.title,
    styles: { default: { document: { run: { font: OFFICIAL_BODY_FONT, size: OFFICIAL_BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.width), height: mm(PAGE.height) },
            margin: { top: mm(PAGE.top), bottom: mm(PAGE.bottom), left: mm(PAGE.left), right: mm(PAGE.right) },
          },
        },
        children,
      },
    ],
  });
  return normaliseGeneratedDocx(await Packer.toBuffer(document));
}
