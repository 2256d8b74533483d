import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { NoticeFieldValues } from '../templates/notice-fields';

/**
 * Every entry of a generated DOCX carries this modification time, built from local fields because
 * the ZIP format stores local wall-clock time: the same bytes come out on any server and time zone.
 */
const ZIP_ENTRY_DATE = new Date(2026, 0, 1, 0, 0, 0);

/**
 * Fills a template and returns the DOCX bytes — deterministically: the same template bytes and
 * field values give the same bytes (fixed entry times, entries stored uncompressed so no
 * compressor version can change them), which is what lets a download be regenerated from the log
 * and checked against the SM3 digest recorded when the notice was issued.
 */
export function renderNotice(template: Uint8Array, fields: NoticeFieldValues): Buffer {
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    nullGetter: () => '',
  });
  doc.render({ ...fields });
  return packDeterministic(doc.getZip() as PizZip);
}

/** The ZIP's bytes with fixed entry times and no compression (see renderNotice). */
export function packDeterministic(zip: PizZip): Buffer {
  for (const entry of Object.values(zip.files)) entry.date = ZIP_ENTRY_DATE;
  return zip.generate({ type: 'nodebuffer', compression: 'STORE' });
}

/** The fixed instant written into a generated document's properties, so its bytes never depend on when it was made. */
const BUILT_AT = '2026-01-01T00:00:00Z';

/**
 * A DOCX the `docx` package generated, made deterministic: fixed creation times in the document
 * properties (the package writes the current time there) and fixed ZIP entry times, stored
 * uncompressed (packDeterministic). The built-in templates and the public notices are made this way.
 */
export function normaliseGeneratedDocx(bytes: Buffer): Buffer {
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
