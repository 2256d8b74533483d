import { DUMMY_SECRET_HASH, generateSecret, generateTicketCode, hashSecret, normalizeTicketCode, verifySecret } from './public-secret';

describe('ticket code and secret', () => {
  it('makes short codes without look-alike characters, and reads them back however typed', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateTicketCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizeTicketCode(' k7q2m9xd ')).toBe('K7Q2-M9XD');
    expect(normalizeTicketCode('K7Q2-M9X0')).toBeNull(); // 0 is not in the alphabet
    expect(normalizeTicketCode('K7Q2')).toBeNull();
  });

  it('stores only a salted HMAC-SM3 and checks it in constant time', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const stored = hashSecret(secret);
    expect(stored).toMatch(/^hmac-sm3:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(secret);
    expect(hashSecret(secret)).not.toBe(stored); // fresh salt each time
    expect(verifySecret(secret, stored)).toBe(true);
    expect(verifySecret(`${secret}x`, stored)).toBe(false);
    expect(verifySecret(secret, 'sm3:abc')).toBe(false);
    expect(verifySecret(secret, DUMMY_SECRET_HASH)).toBe(false);
  });
});
