import { creditCodeCheckCharacter, isValidCreditCode, isValidPhone } from './directory-attributes';

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
