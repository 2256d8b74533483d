import { creditCodeCheckCharacter, isValidCreditCode } from './credit-code';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character is right', () => {
    // Published codes of two companies (their check characters computed by GB 32100-2015).
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    // A demo directory institution's code.
    expect(isValidCreditCode('12990000MB0000001J')).toBe(true);
  });

  it('refuses a wrong check character, a forbidden letter, lower case and a wrong length', () => {
    expect(isValidCreditCode('91330100799655058C')).toBe(false);
    expect(isValidCreditCode('9133010079965505IB')).toBe(false);
    expect(isValidCreditCode('91330100799655058b')).toBe(false);
    expect(isValidCreditCode('91330100799655058')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('computes the check character of 17 symbols, and none of anything else', () => {
    expect(creditCodeCheckCharacter('91330100799655058')).toBe('B');
    expect(creditCodeCheckCharacter('short')).toBeNull();
    expect(creditCodeCheckCharacter('9133010079965505I')).toBeNull();
  });
});
