import { SniffedKind } from './file-kinds';
import { OTHER, Sniffed, sniffAmr, sniffed, sniffFtyp, sniffMp3, sniffRiff } from './media-sniff';

/**
 * What a file is, judged from its bytes (a name or a client's Content-Type says nothing: a renamed
 * .exe would pass both). Written by hand: `file-type` is ESM-only and cannot load here.
 */

/** How much of a file's start the sniffer reads: a streamed upload buffers no more than this. */
export const SNIFF_HEAD_BYTES = 64 * 1024;
/** How much of a zip's end a streamed upload keeps: the central directory lists every entry there. */
export const ZIP_TAIL_BYTES = 64 * 1024;

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Starts that are never a CSV, though the bytes after them may all be text. */
const NOT_TEXT = [
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), // OLE, truncated
  Buffer.from('%PDF'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from('GIF8'),
  Buffer.from('PK'),
  Buffer.from([0x7f, 0x45, 0x4c, 0x46]), // ELF
  Buffer.from('MZ'), // Windows executables
  Buffer.from('#!'), // scripts
];
/** A CSV is judged by its head: enough to tell text from binary. */
const TEXT_PROBE_BYTES = 8192;

const startsWith = (head: Buffer, magic: Buffer): boolean => head.length >= magic.length && head.subarray(0, magic.length).equals(magic);

/** Control characters a text file does not hold (tab, LF, FF and CR are allowed). */
function isTextByte(byte: number): boolean {
  return byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
}

/**
 * Text is a CSV unless it is markup: HTML, XML and SVG open with `<` (after a BOM or blank space)
 * and can carry script, so they are never taken for a table — nor for an image.
 */
function sniffText(head: Buffer): Sniffed {
  if (NOT_TEXT.some((magic) => startsWith(head, magic))) return OTHER;
  const probe = head.subarray(0, TEXT_PROBE_BYTES);
  if (!probe.every(isTextByte)) return OTHER;
  const lead = probe
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return lead.startsWith('<') ? OTHER : sniffed('csv');
}

/** A zip to be told apart by its entries (zipKindOf), once the end of the file is known. */
export interface ZipPending {
  readonly zip: true;
}

/** What the first bytes say: a kind, or a zip whose kind its entries will tell. */
export function sniffHead(head: Buffer): Sniffed | ZipPending {
  if (head.length === 0) return OTHER;
  if (startsWith(head, ZIP_LOCAL)) return { zip: true };
  if (startsWith(head, Buffer.from([0xff, 0xd8, 0xff]))) return sniffed('jpeg');
  if (startsWith(head, PNG)) return sniffed('png');
  if (startsWith(head, Buffer.from('GIF87a')) || startsWith(head, Buffer.from('GIF89a'))) return sniffed('gif');
  if (startsWith(head, Buffer.from('%PDF-'))) return sniffed('pdf');
  if (startsWith(head, OLE)) return sniffed('ole');
  return sniffFtyp(head) ?? sniffRiff(head) ?? sniffAmr(head) ?? sniffMp3(head) ?? sniffText(head);
}

/** Entry names at every header of `signature` in `data` (local headers: name at 30; central: at 46). */
function namesAt(data: Buffer, signature: Buffer, lengthAt: number, nameAt: number, names: Set<string>): void {
  for (let at = data.indexOf(signature); at !== -1; at = data.indexOf(signature, at + 4)) {
    if (at + nameAt > data.length) break;
    const length = data.readUInt16LE(at + lengthAt);
    if (length > 0 && length <= 1024 && at + nameAt + length <= data.length) {
      names.add(data.toString('utf8', at + nameAt, at + nameAt + length));
    }
  }
}

/** The entry names a zip's bytes show: local headers in its head, the central directory in its tail. */
export function zipEntryNames(parts: readonly Buffer[]): Set<string> {
  const names = new Set<string>();
  for (const part of parts) {
    namesAt(part, ZIP_LOCAL, 26, 30, names);
    namesAt(part, ZIP_CENTRAL, 28, 46, names);
  }
  return names;
}

/**
 * An Office Open XML package names its main part (`word/document.xml`, `xl/workbook.xml`,
 * `ppt/presentation.xml`), an OFD its `OFD.xml`. A package with a VBA project (.docm, .xlsm …)
 * is refused: macros are code. Any other zip is `other`.
 */
export function zipKindOf(parts: readonly Buffer[]): Sniffed {
  const names = zipEntryNames(parts);
  if ([...names].some((name) => /vbaProject\.bin$/i.test(name))) return OTHER;
  if (names.has('OFD.xml')) return sniffed('ofd');
  if (names.has('word/document.xml')) return sniffed('docx');
  if (names.has('xl/workbook.xml')) return sniffed('xlsx');
  if (names.has('ppt/presentation.xml')) return sniffed('pptx');
  return OTHER;
}

/** A whole file in memory: its head, and for a zip every entry header in it. */
export function sniffFile(content: Buffer): Sniffed {
  const head = sniffHead(content.subarray(0, SNIFF_HEAD_BYTES));
  return 'zip' in head ? zipKindOf([content]) : head;
}

export function sniffFileKind(content: Buffer): SniffedKind {
  return sniffFile(content).kind;
}
