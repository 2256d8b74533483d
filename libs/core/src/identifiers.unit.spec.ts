import {
  creditCodeCheckCharacter,
  isValidCreditCode,
  isValidResidentId,
  normaliseIdentifier,
  residentIdCheckCharacter,
} from './identifiers';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes whose check character is right', () => {
    // Published codes of two companies (their check characters computed by GB 32100-2015).
    expect(isValidCreditCode('91330100799655058B')).toBe(true);
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    // A public institution's code (登记管理部门 1, 事业单位 2) as the demo directory writes them.
    expect(isValidCreditCode('12990000MB0000001J')).toBe(true);
  });

  it('refuses a wrong check character, a forbidden letter, lower case and a wrong length', () => {
    expect(isValidCreditCode('91330100799655058C')).toBe(false);
    expect(isValidCreditCode('9133010079965505IB')).toBe(false);
    expect(isValidCreditCode('91330100799655058b')).toBe(false);
    expect(isValidCreditCode('91330100799655058')).toBe(false);
    expect(creditCodeCheckCharacter('short')).toBeNull();
    expect(creditCodeCheckCharacter('9133010079965505I')).toBeNull();
  });
});

describe('居民身份证号 (GB 11643-1999)', () => {
  it('accepts numbers whose check character is right, X included', () => {
    // The standard's own example (北京市朝阳区, born 1949-12-31), whose check character is X.
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('330106199003071236')).toBe(true);
    expect(isValidResidentId('440304198511205615')).toBe(true);
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses a wrong check character, a lower-case x, letters, a wrong length and an impossible birth date', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('330106199003071237')).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(isValidResidentId('33010619900307123')).toBe(false);
    expect(isValidResidentId('3301061990030712A6')).toBe(false);
    // 1990-02-30 does not exist; its check character is computed right, so only the date refuses it.
    const feb30 = `33010619900230123`;
    expect(isValidResidentId(feb30 + residentIdCheckCharacter(feb30))).toBe(false);
    expect(residentIdCheckCharacter('3301061990030712')).toBeNull();
  });

  it('normalises what people type: spaces around, a lower-case x', () => {
    expect(normaliseIdentifier(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(isValidResidentId(normaliseIdentifier('11010519491231002x'))).toBe(true);
    expect(normaliseIdentifier('91330100799655058b')).toBe('91330100799655058B');
  });
});
