import type { Paragraph as DocxParagraph, TextRun as DocxTextRun } from 'docx';
import { NOTICE_KIND_LABELS, NoticeKind } from '@bihuan/inspection';
import { normaliseGeneratedDocx } from '../rendering/docx-render';
import {
  OFFICIAL_BODY_FONT,
  OFFICIAL_BODY_SIZE,
  OFFICIAL_LINE,
  OFFICIAL_PAGE_MM as PAGE,
  OFFICIAL_TITLE_FONT,
  OFFICIAL_TITLE_SIZE,
} from '../rendering/official-layout';
import { DEFAULT_NOTICE_BODIES } from './default-template-texts';

/**
 * Builds the built-in template of a notice with the `docx` package: title, 文号 line, addressee,
 * body, issuing unit, date and 盖章 line, in CJK fonts. Deterministic bytes (fixed properties and
 * entry times: normaliseGeneratedDocx); they are recorded as the kind's template version 1 on
 * first use, so documents issued from them stay reproducible even if this code or the library changes later.
 */
export async function buildDefaultTemplate(kind: NoticeKind): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip: mm } = docx;
  const run = (text: string, extra: { bold?: boolean } = {}) =>
    new TextRun({ text, font: OFFICIAL_BODY_FONT, size: OFFICIAL_BODY_SIZE, ...extra });
  const para = (children: DocxTextRun[], options: { center?: boolean; right?: boolean; indent?: boolean; before?: number } = {}) =>
    new Paragraph({
      children,
      spacing: { ...OFFICIAL_LINE, before: options.before ?? 0 },
      ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
      ...(options.right ? { alignment: AlignmentType.RIGHT, indent: { right: mm(14) } } : {}),
      ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    });
  const children: DocxParagraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: '{title}', font: OFFICIAL_TITLE_FONT, size: OFFICIAL_TITLE_SIZE })],
    }),
    para([run('{documentNo}')], { center: true, before: 280 }),
    para([run('{institutionName}：')], { before: 560 }),
    ...DEFAULT_NOTICE_BODIES[kind].map((text) => para([run(text)], { indent: true })),
    para([run('{issuingUnitName}')], { right: true, before: 1120 }),
    para([run('（盖章）')], { right: true }),
    para([run('{issueDate}')], { right: true }),
  ];
  const document = new Document({
    creator: 'Bihuan',
    title: NOTICE_KIND_LABELS[kind],
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
