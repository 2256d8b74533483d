import { sniffFileKind } from './file-sniff';

const zipWith = (entry: string): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry)]);

describe('sniffFileKind: what a file is by its bytes, whatever its name', () => {
  it('tells a workbook from a document by the zip entries', () => {
    expect(sniffFileKind(zipWith('xl/workbook.xml'))).toBe('xlsx');
    expect(sniffFileKind(zipWith('word/document.xml'))).toBe('docx');
    expect(sniffFileKind(zipWith('content.xml'))).toBe('other');
  });

  it('takes text as CSV (UTF-8 with BOM, GBK bytes) and refuses binaries', () => {
    expect(sniffFileKind(Buffer.from('\uFEFF单位编码,单位名称\r\nu-1,某单位\r\n'))).toBe('csv');
    expect(sniffFileKind(Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0x0d, 0x0a]))).toBe('csv');
    expect(sniffFileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0x41]))).toBe('other');
    expect(sniffFileKind(Buffer.from('%PDF-1.7'))).toBe('other');
    expect(sniffFileKind(Buffer.from([0x41, 0x00, 0x42]))).toBe('other');
    expect(sniffFileKind(Buffer.alloc(0))).toBe('other');
  });
});
