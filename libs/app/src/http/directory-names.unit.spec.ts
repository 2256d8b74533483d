import { isPlainObject, namesIn } from './directory-names';

const DIRECTORY: Record<string, string> = { 'hosp-a1-1': '甲市第一人民医院', 'inspector-a1': '赵监督员', 'leader-city-a': '李局长' };
const nameOf = (id: string): string | undefined => DIRECTORY[id];

describe('namesIn', () => {
  it('names the directory ids among string values, nested in objects and arrays, and nothing else', () => {
    const body = { id: 'f-1', finding: { institutionId: 'hosp-a1-1', note: '赵监督员' }, items: [{ by: 'inspector-a1' }, 3, null] };
    expect(namesIn(body, nameOf)).toEqual({ 'hosp-a1-1': '甲市第一人民医院', 'inspector-a1': '赵监督员' });
  });

  it('never names an id the body does not mention (keys are not values)', () => {
    expect(namesIn({ 'leader-city-a': 1, other: 'x' }, nameOf)).toEqual({});
  });

  it('stops after the value limit', () => {
    const items = [...Array.from({ length: 10 }, () => 'filler'), 'hosp-a1-1'];
    expect(namesIn({ items }, nameOf, 10)).toEqual({});
    expect(namesIn({ items }, nameOf, 11)).toEqual({ 'hosp-a1-1': '甲市第一人民医院' });
  });

  it('reads only plain JSON objects (not buffers, dates or class instances)', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(Buffer.from('hosp-a1-1'))).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
    expect(namesIn({ file: Buffer.from('hosp-a1-1') }, nameOf)).toEqual({});
  });

  it("reads an object's own values only, with or without a prototype", () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { by: 'inspector-a1' });
    const child = Object.assign(Object.create({ inherited: 'leader-city-a' }) as Record<string, unknown>, { at: 'hosp-a1-1' });
    expect(namesIn({ bare }, nameOf)).toEqual({ 'inspector-a1': '赵监督员' });
    expect(namesIn(child, nameOf)).toEqual({}); // not a plain object: its prototype is not Object's
  });
});
