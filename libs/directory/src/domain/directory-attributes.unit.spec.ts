import { creditCodeCheckCharacter, isValidCreditCode, isValidPhone, matchesSelectors, selectsAttributes } from './directory-attributes';

describe('统一社会信用代码', () => {
  it('accepts codes whose check character is right', () => {
    // Published codes of two companies (their check characters computed by GB 32100-2015).
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
  });

  it('refuses a wrong check character, a forbidden letter and a wrong length', () => {
    expect(isValidCreditCode('91330100799655058C')).toBe(false);
    expect(isValidCreditCode('9133010079965505IB')).toBe(false);
    expect(isValidCreditCode('91330100799655058')).toBe(false);
    expect(creditCodeCheckCharacter('short')).toBeNull();
  });
});

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
