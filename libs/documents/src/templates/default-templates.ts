import PizZip from 'pizzip';
import type { Paragraph as DocxParagraph, TextRun as DocxTextRun } from 'docx';
import { NOTICE_KIND_LABELS, NoticeKind } from '@bihuan/inspection';
import { packDeterministic } from '../rendering/docx-render';
import { DEFAULT_NOTICE_BODIES } from './default-template-texts';

/** GB/T 9704 (党政机关公文格式): 仿宋_GB2312 三号 body, 小标宋 二号 title, 37/35/28/26 mm margins. */
const BODY_FONT = { ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312', eastAsia: '仿宋_GB2312', cs: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', hAnsi: '方正小标宋简体', eastAsia: '方正小标宋简体', cs: '方正小标宋简体' };
const BODY_SIZE = 32; // half-points: 16 pt, 三号
const TITLE_SIZE = 44; // 22 pt, 二号
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 pt lines, as a 22-line page gives

/** The fixed instant written into a built-in template's properties, so the bytes never depend on when they were built. */
const BUILT_AT = '2026-01-01T00:00:00Z';

/**
 * Builds the built-in template of a notice with the `docx` package: title, 文号 line, addressee,
 * body, issuing unit, date and 盖章 line, in CJK fonts. Deterministic bytes (fixed properties and
 * entry times); they are recorded as the kind's template version 1 on first use, so documents
 * issued from them stay reproducible even if this code or the library changes later.
 */
export async function buildDefaultTemplate(kind: NoticeKind): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, Document, Packer, Paragraph, TextRun, convertMillimetersToTwip: mm } = docx;
  const run = (text: string, extra: { bold?: boolean } = {}) => new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, ...extra });
  const para = (children: DocxTextRun[], options: { center?: boolean; right?: boolean; indent?: boolean; before?: number } = {}) =>
    new Paragraph({
      children,
      spacing: { ...LINE, before: options.before ?? 0 },
      ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
      ...(options.right ? { alignment: AlignmentType.RIGHT, indent: { right: mm(14) } } : {}),
      ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    });
  const children: DocxParagraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: '{title}', font: TITLE_FONT, size: TITLE_SIZE })],
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
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children,
      },
    ],
  });
  return normalise(await Packer.toBuffer(document));
}

/** Fixed creation times in the document properties and fixed ZIP entry times (see BUILT_AT). */
function normalise(bytes: Buffer): Buffer {
  const zip = new PizZip(bytes);
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = core
      .asText()
      .replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_all, open: string, _name: string, close: string) => `${open}${BUILT_AT}${close}`,
      );
    zip.file('docProps/core.xml', xml);
  }
  return packDeterministic(zip);
}
