import { Actor } from '@bihuan/core';
import { MemorySubjectKeyStore } from '../key-store/memory-subject-key-store.adapter';
import { PersonalIdentity } from '../personal-identity';
import { PersonalDataCipher } from './personal-data-cipher';
import { sm4Available } from './sm4-envelope';

const identity: PersonalIdentity = {
  name: '张三丰',
  phone: '13812345678',
  idNumber: '110101199003071234',
  address: '北京市东城区东华门街道 1 号',
  email: 'zsf@example.cn',
};
const admin: Actor = { id: 'admin-1', role: 'admin', unit: 'root' };

/** Flips one bit in the base64 part at `index` (2 = iv, 3 = tag, 4 = ciphertext). */
function flip(ciphertext: string, index: number): string {
  const parts = ciphertext.split(':');
  const bytes = Buffer.from(parts[index]!, 'base64');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[index] = bytes.toString('base64');
  return parts.join(':');
}

describe('PersonalDataCipher', () => {
  let keys: MemorySubjectKeyStore;
  let cipher: PersonalDataCipher;
  beforeEach(() => {
    keys = new MemorySubjectKeyStore();
    cipher = new PersonalDataCipher(keys);
  });

  it('runs on an OpenSSL with sm4-cbc (the scheme chosen because sm4-gcm is absent)', () => {
    expect(sm4Available().cbc).toBe(true);
  });

  it('round-trips a Chinese identity and creates the subject key on first use', async () => {
    expect(await keys.get('subj-1')).toBeNull();
    const ct = await cipher.encrypt('subj-1', identity);
    expect(ct).toMatch(/^sm4cbc-hmacsm3:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(Buffer.isBuffer(await keys.get('subj-1'))).toBe(true);
    expect(await cipher.decrypt('subj-1', ct)).toEqual(identity);
  });

  it('does not carry the plaintext, in any encoding, in the ciphertext', async () => {
    const ct = await cipher.encrypt('subj-1', identity);
    for (const value of Object.values(identity) as string[]) {
      expect(ct).not.toContain(value);
      expect(ct).not.toContain(Buffer.from(value, 'utf8').toString('base64').slice(0, 8));
    }
    expect(ct).not.toContain('138');
  });

  it('uses a fresh IV: the same identity encrypts differently each time', async () => {
    const a = await cipher.encrypt('subj-1', identity);
    const b = await cipher.encrypt('subj-1', identity);
    expect(a).not.toBe(b);
    expect(await cipher.decrypt('subj-1', b)).toEqual(identity);
  });

  it('gives different subjects different keys: one subject cannot read the other', async () => {
    const ct = await cipher.encrypt('subj-1', identity);
    await cipher.encrypt('subj-2', { name: '李四' });
    expect(((await keys.get('subj-1')) as Buffer).equals((await keys.get('subj-2')) as Buffer)).toBe(false);
    await expect(cipher.decrypt('subj-2', ct)).rejects.toMatchObject({ code: 'PRIVACY.CIPHERTEXT_TAMPERED' });
  });

  it.each([
    [2, 'iv'],
    [3, 'tag'],
    [4, 'ciphertext'],
  ])('detects a flipped bit in the %s part (%s)', async (index) => {
    const ct = await cipher.encrypt('subj-1', identity);
    await expect(cipher.decrypt('subj-1', flip(ct, index as number))).rejects.toMatchObject({
      code: 'PRIVACY.CIPHERTEXT_TAMPERED',
      kind: 'rule',
    });
  });

  it('refuses garbled text and names an unknown scheme', async () => {
    await cipher.encrypt('subj-1', identity);
    await expect(cipher.decrypt('subj-1', 'sm4:ZZZ')).rejects.toMatchObject({ code: 'PRIVACY.CIPHERTEXT_MALFORMED' });
    await expect(cipher.decrypt('subj-1', 'sm4gcm:v1:AAAA:AAAA:AAAA')).rejects.toMatchObject({ code: 'PRIVACY.SCHEME_UNSUPPORTED' });
    const ct = await cipher.encrypt('subj-1', identity);
    await expect(cipher.decrypt('subj-1', ct.slice(0, -8))).rejects.toMatchObject({ code: /PRIVACY\.CIPHERTEXT_(MALFORMED|TAMPERED)/ });
  });

  it('answers { erased: true } once the key is erased, and encrypts nothing new for that subject', async () => {
    const ct = await cipher.encrypt('subj-1', identity);
    await keys.erase('subj-1', { erasedBy: admin, reason: 'request', at: '2025-03-04T00:00:00.000Z' });
    expect(await cipher.decrypt('subj-1', ct)).toEqual({ erased: true });
    await expect(cipher.encrypt('subj-1', identity)).rejects.toMatchObject({ code: 'PRIVACY.SUBJECT_ERASED' });
  });

  it('tells a missing key (lost key store) apart from an erasure', async () => {
    const ct = await cipher.encrypt('subj-1', identity);
    const elsewhere = new PersonalDataCipher(new MemorySubjectKeyStore());
    await expect(elsewhere.decrypt('subj-1', ct)).rejects.toMatchObject({ code: 'PRIVACY.KEY_MISSING', kind: 'not_found' });
  });

  it('normalizes and validates the identity before encrypting', async () => {
    const ct = await cipher.encrypt('subj-1', { name: '  王五 ', phone: '' });
    expect(await cipher.decrypt('subj-1', ct)).toEqual({ name: '王五' });
    await expect(cipher.encrypt('subj-1', {})).rejects.toMatchObject({ code: 'PRIVACY.INVALID_IDENTITY' });
    await expect(cipher.encrypt('subj-1', { nickname: 'x' } as PersonalIdentity)).rejects.toMatchObject({
      code: 'PRIVACY.INVALID_IDENTITY',
      details: { field: 'identity.nickname' },
    });
    await expect(cipher.encrypt('subj-1', { phone: 13812345678 } as unknown as PersonalIdentity)).rejects.toMatchObject({
      code: 'PRIVACY.INVALID_IDENTITY',
    });
    await expect(cipher.encrypt('bad id!', identity)).rejects.toMatchObject({ code: 'PRIVACY.INVALID_SUBJECT' });
  });
});
