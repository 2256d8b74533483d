import { fileTooLarge, unreadableFile } from './sheet-source';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
/** An XLSX holds a few dozen parts; thousands mean something else. */
const MAX_ENTRIES = 2000;

/**
 * What the zip's own directory says it unpacks to, checked before exceljs unpacks anything: a
 * workbook of 5 MB that claims gigabytes (a "zip bomb") is refused here. A zip that lies in its
 * directory is caught by JSZip only after inflating, so the byte cap on the upload stays the bound.
 */
export function assertZipUnpacksWithin(content: Buffer, maxUnpackedBytes: number): void {
  const from = Math.max(0, content.length - END_SEARCH);
  let end = -1;
  for (let i = content.length - 22; i >= from; i--) {
    if (content.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadableFile('xlsxIncomplete', 'The XLSX workbook cannot be read; the file may be incomplete');
  const entries = content.readUInt16LE(end + 10);
  let offset = content.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES || entries === 0xffff || offset === 0xffffffff) {
    throw unreadableFile('notPlainXlsx', 'The file is not a plain XLSX workbook');
  }
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw unreadableFile('xlsxBroken', 'The XLSX workbook cannot be read; the file may be damaged');
    }
    const size = content.readUInt32LE(offset + 24);
    if (size === 0xffffffff) throw fileTooLarge('unpacked', 'The workbook is too large unpacked');
    total += size;
    offset += 46 + content.readUInt16LE(offset + 28) + content.readUInt16LE(offset + 30) + content.readUInt16LE(offset + 32);
  }
  if (total > maxUnpackedBytes) {
    const maxMb = Math.floor(maxUnpackedBytes / 1024 / 1024);
    throw fileTooLarge('unpackedMb', `The workbook unpacks to more than ${maxMb} MB; import it in parts`, { maxMb });
  }
}
