import { officeRowHeight, wrappedLines } from './office-row-height';

describe('office row height', () => {
  it('counts a Chinese character (and full-width punctuation) two wide, a Latin one one wide', () => {
    expect(wrappedLines('一二三四五', 11)).toBe(1); // 10 wide in 10 of room
    expect(wrappedLines('一二三四五六', 11)).toBe(2);
    expect(wrappedLines('abcdefghij', 11)).toBe(1);
    expect(wrappedLines('，，，，，，', 11)).toBe(2);
  });

  it('wraps each line of a text on its own: an empty line still takes one', () => {
    expect(wrappedLines('甲\n\n乙', 20)).toBe(3);
  });

  it('sizes a row by its tallest wrapping cell and leaves cells that do not wrap out', () => {
    expect(
      officeRowHeight([
        { text: '短', width: 10 },
        { text: null, width: 2 },
      ]),
    ).toBe(15);
    expect(
      officeRowHeight([
        { text: '一二三四五六', width: 11 },
        { text: '短', width: 10 },
      ]),
    ).toBe(33);
  });

  it('stops at the tallest row Excel accepts', () => {
    expect(officeRowHeight([{ text: '长'.repeat(10_000), width: 10 }])).toBe(409);
  });
});
