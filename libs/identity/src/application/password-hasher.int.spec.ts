import { hashPassword, oneTimePassword, verifyPassword } from './password-hasher';
import { passwordViolation, DEFAULT_IDENTITY_POLICY } from '../domain/identity-policy';

describe('scrypt password hashes', () => {
  it('verifies the password and nothing else; salts each hash; keeps the parameters with it', async () => {
    const a = await hashPassword('Good#Pass2026');
    const b = await hashPassword('Good#Pass2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('Good#Pass2026');
    expect(await verifyPassword('Good#Pass2026', a)).toBe(true);
    expect(await verifyPassword('Good#Pass2027', a)).toBe(false);
    expect(await verifyPassword('Good#Pass2026', 'scrypt$1$1$1$x$y')).toBe(false);
    expect(await verifyPassword('Good#Pass2026', 'md5$abc')).toBe(false);
  });

  it('makes one-time passwords that meet the default policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordViolation(oneTimePassword(), 'admin', DEFAULT_IDENTITY_POLICY)).toBeNull();
  });
});
