import { DEFAULT_IDENTITY_POLICY, passwordExpired, passwordViolation } from './identity-policy';

describe('password policy (等保 2.0 level 3 defaults)', () => {
  const rule = (password: string, userId = 'zhang') => passwordViolation(password, userId, DEFAULT_IDENTITY_POLICY)?.rule ?? null;

  it('asks for 8 characters of at least 3 of 4 classes, without the user name', () => {
    expect(rule('Ab1#')).toBe('minLength');
    expect(rule('abcdefgh1')).toBe('minCharacterClasses');
    expect(rule('abcdEFGH')).toBe('minCharacterClasses');
    expect(rule('abcdEFG1')).toBeNull();
    expect(rule('abcd#fg1')).toBeNull();
    expect(rule('Zhang#2026')).toBe('notUserId');
    expect(rule('密码Abc12345')).toBeNull();
    expect(rule(`Aa1#${'x'.repeat(130)}`)).toBe('maxLength');
  });

  it('lets passwords expire only when the policy sets days', () => {
    expect(passwordExpired('2026-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', DEFAULT_IDENTITY_POLICY)).toBe(false);
    const ninety = { ...DEFAULT_IDENTITY_POLICY, passwordExpiryDays: 90 };
    expect(passwordExpired('2026-01-01T00:00:00.000Z', '2026-03-31T23:59:59.000Z', ninety)).toBe(false);
    expect(passwordExpired('2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', ninety)).toBe(true);
  });
});
