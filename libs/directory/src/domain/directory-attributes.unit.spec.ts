import { isValidPhone, matchesSelectors, selectsAttributes } from './directory-attributes';

describe('phone numbers', () => {
  it('accepts mobiles and landlines with area codes, refuses the rest', () => {
    expect(isValidPhone('13800138000')).toBe(true);
    expect(isValidPhone('010-12345678')).toBe(true);
    expect(isValidPhone('0571-8765432')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
    expect(isValidPhone('23800138000')).toBe(false);
  });
});

describe('institution selectors (campaign scopes, draws)', () => {
  const level2Public = { institutionType: 'tcm_hospital', ownership: 'public', level: 'level2' } as const;

  it('passes a profile with one of each named value: 二级以上公立医院', () => {
    const selectors = { ownerships: ['public'], levels: ['level2', 'level3'] };
    expect(selectsAttributes(selectors)).toBe(true);
    expect(matchesSelectors(level2Public, selectors)).toBe(true);
    expect(matchesSelectors({ ...level2Public, level: 'level1' }, selectors)).toBe(false);
    expect(matchesSelectors({ ...level2Public, ownership: 'private' }, selectors)).toBe(false);
  });

  it('asks nothing of empty lists, and passes an institution without a profile only then', () => {
    expect(selectsAttributes({ institutionTypes: [], levels: [] })).toBe(false);
    expect(matchesSelectors(level2Public, {})).toBe(true);
    expect(matchesSelectors(undefined, {})).toBe(true);
    expect(matchesSelectors(undefined, { ownerships: ['private'] })).toBe(false);
  });
});
