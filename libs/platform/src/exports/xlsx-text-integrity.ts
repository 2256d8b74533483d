import { createRequire } from 'node:module';

/** The part of exceljs's internal zip writer (lib/utils/zip-stream.js) this module corrects. */
interface ZipWriterPrototype {
  append(data: unknown, options: { readonly name: string; readonly base64?: boolean }): void;
  __bihuanUtf8?: true;
}

/**
 * Makes exceljs hand every part of an XLSX to its zip library as UTF-8 bytes, never as a JS string.
 *
 * Why (issue 17, item 6): `workbook.xlsx.writeBuffer()` / `write()` render each part (sharedStrings.xml,
 * sheetN.xml …) to one JS string and pass it to JSZip 3, whose DataWorker cuts strings into blocks
 * of 16 384 UTF-16 code units and UTF-8-encodes each block on its own. A character outside the BMP
 * (𠮷, 😀) is a surrogate pair; when a block boundary falls between its two halves, each half is
 * encoded alone as U+FFFD. Small files rarely put a pair on a boundary; large ones almost always do.
 * Encoding the whole string once (Buffer.from) before JSZip sees it removes the cut at its root: JSZip
 * then slices bytes, which it stores verbatim. The CSV path never went through JSZip, hence intact.
 *
 * Applied once per process, the first time `writeOfficeWorkbook` runs (not on import: loading the
 * zip writer costs a start-up every process would pay). Any other code that writes XLSX with exceljs
 * should write through `writeOfficeWorkbook`, or call this first.
 */
export function ensureXlsxTextIntegrity(): void {
  const load = createRequire(require.resolve('exceljs'));
  const { ZipWriter } = load('./lib/utils/zip-stream') as { ZipWriter: { prototype: ZipWriterPrototype } };
  const proto = ZipWriter.prototype;
  if (proto.__bihuanUtf8) return;
  const append = proto.append;
  proto.append = function appendUtf8(this: ZipWriterPrototype, data, options) {
    const bytes = typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data;
    append.call(this, bytes, options);
  };
  proto.__bihuanUtf8 = true;
}
