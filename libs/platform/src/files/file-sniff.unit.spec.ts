import { Document, Packer, Paragraph } from 'docx';
import { Workbook } from 'exceljs';
import { testZip } from '../testing/test-zip';
import { sniffFile, sniffFileKind } from './file-sniff';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** An ISO base media file's start: the `ftyp` box with its brands, then some `mdat`. */
const ftyp = (major: string, ...compatible: string[]): Buffer => {
  const box = bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible);
  return Buffer.concat([box, bytes([0, 0, 0, 8], 'mdat')]);
};
/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames. */
const mp3Frame = (): Buffer => Buffer.concat([bytes([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413, 0x55)]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('sniffFile: what a file is by its bytes, whatever its name', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]), 'image/jpeg'],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['gif', bytes('GIF89a', [1, 0, 1, 0, 0]), 'image/gif'],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['heic', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['heic', ftyp('mif1', 'heic'), 'image/heif'],
    ['mp4', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
    ['mp4', ftyp('XAVC', 'XAVC', 'mp42', 'iso2'), 'video/mp4'],
    ['mov', ftyp('qt  ', 'qt  '), 'video/quicktime'],
    ['3gp', ftyp('3gp4', '3gp4', 'isom'), 'video/3gpp'],
    ['m4a', ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4'],
    ['mp3', bytes('ID3', [3, 0, 0, 0, 0, 0, 0x21]), 'audio/mpeg'],
    ['mp3', Buffer.concat([mp3Frame(), mp3Frame(), mp3Frame()]), 'audio/mpeg'],
    ['amr', bytes('#!AMR\n', [0x3c, 0x48, 0xf5]), 'audio/amr'],
    ['amr', bytes('#!AMR-WB\n', [0x04]), 'audio/amr-wb'],
    ['wav', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ', [16, 0, 0, 0]), 'audio/wav'],
    ['pdf', bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'), 'application/pdf'],
    [
      'ole',
      bytes(
        OLE,
        Array.from({ length: 504 }, () => 0),
      ),
      'application/x-ole-storage',
    ],
    [
      'pptx',
      testZip(['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml']),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['ofd', testZip(['OFD.xml', 'Doc_0/Document.xml']), 'application/ofd'],
  ])('knows %s by its magic bytes (%#)', (kind, content, mediaType) => {
    expect(sniffFile(content)).toEqual({ kind, mediaType });
  });

  it('knows a Word document and an Excel workbook as their libraries write them', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改报告')] }] }));
    const workbook = new Workbook();
    workbook.addWorksheet('units').addRow(['单位编码', '单位名称']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniffFile(docx).kind).toBe('docx');
    expect(sniffFile(xlsx).kind).toBe('xlsx');
  });

  it('tells a workbook from a document by the zip entries, and refuses any other zip and macro packages', () => {
    expect(sniffFileKind(testZip(['xl/workbook.xml']))).toBe('xlsx');
    expect(sniffFileKind(testZip(['word/document.xml']))).toBe('docx');
    expect(sniffFileKind(testZip(['content.xml', 'mimetype']))).toBe('other'); // an OpenDocument file
    expect(sniffFileKind(testZip(['photo.jpg', 'payload.exe']))).toBe('other');
    expect(sniffFileKind(testZip(['word/document.xml', 'word/vbaProject.bin']))).toBe('other'); // .docm
    expect(sniffFileKind(bytes([0x50, 0x4b, 0x03, 0x04], 'xl/workbook.xml'))).toBe('other'); // no real header
  });

  it.each([
    ['an exe renamed .jpg', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a shell script', bytes('#!/bin/sh\nrm -rf /\n')],
    ['an HTML page', bytes('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['an SVG image (it can carry script)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an SVG with an XML declaration, BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?><svg/>')],
    ['an empty file', Buffer.alloc(0)],
    ['an AVI video', bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST')],
    ['an ISO media file of an unknown brand', ftyp('crx ', 'crx ')],
    ['two bytes of frame sync and noise', Buffer.concat([bytes([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(600, 0x01)])],
    ['a truncated OLE signature', bytes([0xd0, 0xcf, 0x11, 0xe0, 0x41])],
    ['an AAC stream (frame sync, layer 0)', Buffer.concat([bytes([0xff, 0xf1, 0x50, 0x80]), Buffer.alloc(300, 0x01)])],
    [
      'an empty zip',
      bytes(
        [0x50, 0x4b, 0x05, 0x06],
        Array.from({ length: 18 }, () => 0),
      ),
    ],
    ['gzip', bytes([0x1f, 0x8b, 0x08, 0])],
  ])('refuses %s', (_label, content) => {
    expect(sniffFile(content).kind).toBe('other');
  });

  it('takes text as CSV (UTF-8 with BOM, GBK bytes) and refuses binaries and PDFs', () => {
    expect(sniffFileKind(Buffer.from('\uFEFF单位编码,单位名称\r\nu-1,某单位\r\n'))).toBe('csv');
    expect(sniffFileKind(Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0x0d, 0x0a]))).toBe('csv');
    expect(sniffFileKind(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffFileKind(Buffer.from('%PDF'))).toBe('other');
    expect(sniffFileKind(Buffer.from([0x41, 0x00, 0x42]))).toBe('other');
  });
});
