/**
 * What a file is, judged from its bytes (a name or a client's Content-Type says nothing: a renamed
 * .exe would pass both). Only the kinds an upload route accepts are told apart.
 */
export type SniffedKind = 'xlsx' | 'docx' | 'csv' | 'other';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Binary formats that are text-free enough to pass the CSV check by accident. */
const BINARY_MAGICS = [
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), // OLE: .xls / .doc
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]), // PNG
  Buffer.from([0xff, 0xd8, 0xff]), // JPEG
  Buffer.from('GIF8'),
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]), // ELF
  Buffer.from('MZ'),
];
/** A CSV is judged by its head: enough to tell text from binary without reading 5 MB. */
const TEXT_PROBE_BYTES = 8192;

/** Control characters a text file does not hold (tab, LF, FF and CR are allowed). */
function isTextByte(byte: number): boolean {
  return byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
}

/**
 * An Office Open XML package is a zip whose entry names (stored uncompressed in each local
 * header) say what it is: `xl/workbook.xml` for a workbook, `word/document.xml` for a document.
 */
export function sniffFileKind(content: Buffer): SniffedKind {
  if (content.length === 0) return 'other';
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (content.includes('xl/workbook.xml')) return 'xlsx';
    if (content.includes('word/document.xml')) return 'docx';
    return 'other';
  }
  if (BINARY_MAGICS.some((magic) => content.subarray(0, magic.length).equals(magic))) return 'other';
  return content.subarray(0, TEXT_PROBE_BYTES).every(isTextByte) ? 'csv' : 'other';
}
