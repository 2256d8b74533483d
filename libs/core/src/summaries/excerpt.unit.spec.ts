import { excerpt } from './excerpt';

describe('excerpt', () => {
  it('keeps a short line as it is', () => {
    expect(excerpt('病历书写不规范', 40)).toBe('病历书写不规范');
  });

  it('makes one line of several: a line break next to Chinese joins the two sides, other runs of whitespace become one space', () => {
    expect(excerpt('  院感防控：\n\n手卫生依从性低\t（抽查 30 人次）  ', 40)).toBe('院感防控：手卫生依从性低 （抽查 30 人次）');
    expect(excerpt('Hand hygiene\r\nbelow target', 40)).toBe('Hand hygiene below target');
  });

  it('cuts a long text after max characters and says so', () => {
    expect(excerpt('一二三四五六七八九十', 4)).toBe('一二三四…');
  });

  it('counts a character outside the BMP once and never halves it', () => {
    expect(excerpt('𠮷𠮷𠮷', 3)).toBe('𠮷𠮷𠮷');
    expect(excerpt('𠮷𠮷𠮷𠮷', 2)).toBe('𠮷𠮷…');
  });
});
