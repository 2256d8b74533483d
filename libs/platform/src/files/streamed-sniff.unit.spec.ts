import { testZip, testZipNamedAtTheEndOnly } from '../testing/test-zip';
import { expandKinds, FileKind } from './file-kinds';
import { StreamedSniff } from './streamed-sniff';
import { cleanUploadName } from './upload-name';

/** Feeds `content` in `size`-byte chunks; the kind at the end, or the byte where it stopped. */
function stream(content: Buffer, kinds: readonly FileKind[], size = 16 * 1024): { kind?: string; stoppedAt?: number } {
  const sniff = new StreamedSniff(kinds);
  for (let at = 0; at < content.length; at += size) {
    if (!sniff.push(content.subarray(at, at + size))) return { stoppedAt: at + size };
  }
  return { kind: sniff.finish()?.kind };
}

const MB = 1024 * 1024;
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(MB, 0x33)]);
const html = Buffer.from(`<html>${'<p>x</p>'.repeat(40_000)}</html>`);

describe('StreamedSniff: a kind judged while the file streams past', () => {
  it('admits a file of an admitted kind, whatever the chunk size', () => {
    expect(stream(jpeg, expandKinds(['images']))).toEqual({ kind: 'jpeg' });
    expect(stream(jpeg, expandKinds(['images']), 7)).toEqual({ kind: 'jpeg' });
    expect(stream(jpeg.subarray(0, 100), ['jpeg'])).toEqual({ kind: 'jpeg' });
  });

  it('stops at the head (64 KB), not at the end, when the kind is not admitted', () => {
    expect(stream(jpeg, expandKinds(['pdf', 'video']))).toEqual({ stoppedAt: 64 * 1024 });
    expect(stream(html, expandKinds(['images', 'office']))).toEqual({ stoppedAt: 64 * 1024 });
  });

  it('refuses at the head a zip when no zip kind is admitted', () => {
    expect(stream(testZip(['word/document.xml'], MB), expandKinds(['images', 'pdf']))).toEqual({ stoppedAt: 64 * 1024 });
  });

  it('tells a zip by the central directory at its end when its head names nothing', () => {
    const docx = testZipNamedAtTheEndOnly(['[Content_Types].xml', 'word/media/big.png', 'word/document.xml'], 300 * 1024);
    expect(docx.subarray(0, 64 * 1024).includes('word/document.xml')).toBe(false);
    expect(stream(docx, expandKinds(['office']))).toEqual({ kind: 'docx' });
    expect(stream(docx, ['xlsx'])).toEqual({ kind: undefined });
    expect(stream(testZipNamedAtTheEndOnly(['a.txt', 'b.exe'], 300 * 1024), expandKinds(['office']))).toEqual({ kind: undefined });
  });
});

describe('cleanUploadName: the client’s file name, fit to show', () => {
  it.each([
    ['整改照片（一）.jpg', '整改照片（一）.jpg'],
    ['C:\\Users\\张三\\Desktop\\现场.jpg', '现场.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['evil\u0000name\r\n.pdf', 'evilname.pdf'],
    ['photo\u202Egpj.exe', 'photogpj.exe'],
    ['  ', 'file'],
    ['..', 'file'],
    [undefined, 'file'],
  ])('%j → %j', (given, expected) => {
    expect(cleanUploadName(given)).toBe(expected);
  });

  it('keeps at most 200 characters without splitting a character', () => {
    const name = cleanUploadName(`${'检'.repeat(150)}${'😀'.repeat(100)}.jpg`);
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('😀')).toBe(true);
  });
});
