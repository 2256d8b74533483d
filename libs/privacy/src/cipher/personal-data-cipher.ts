import { normalizeIdentity, PersonalIdentity } from '../personal-identity';
import { privacyError } from '../privacy-errors';
import { assertSubject, SubjectKeyStore } from '../key-store/subject-key-store.port';
import { openSm4, sealSm4 } from './sm4-envelope';

/** What decrypting yields once the subject's key is gone. */
export interface ErasedIdentity {
  readonly erased: true;
}

export function isErased(value: PersonalIdentity | ErasedIdentity): value is ErasedIdentity {
  return (value as ErasedIdentity).erased === true;
}

/**
 * Encrypts a person's identity under their own key (crypto-shredding): the application layer
 * calls `encrypt` before a command carries `identityCiphertext`, so the log never holds the
 * plaintext. It does no access checks: reads for people go through PersonalDataAccess, which
 * checks the role and records the read.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: SubjectKeyStore) {}

  /**
   * Creates the subject's key when it has none, then seals the normalized identity.
   * Throws `PRIVACY.SUBJECT_ERASED` for an erased subject and `PRIVACY.INVALID_IDENTITY` for bad input.
   */
  async encrypt(subjectId: string, identity: PersonalIdentity): Promise<string> {
    assertSubject(subjectId);
    const clean = normalizeIdentity(identity);
    await this.keys.create(subjectId);
    const key = await this.keys.get(subjectId);
    if (key === 'erased') throw privacyError('SUBJECT_ERASED', `Subject ${subjectId} was erased`, { subjectId });
    if (key === null) throw privacyError('KEY_MISSING', `No key for subject ${subjectId} after creating it`, { subjectId });
    try {
      return sealSm4(key, subjectId, JSON.stringify(clean));
    } finally {
      key.fill(0);
    }
  }

  /**
   * The identity, or `{ erased: true }` when the key was erased. Throws `PRIVACY.KEY_MISSING`
   * when the subject never had a key here (a lost key store is an incident, not an erasure),
   * `PRIVACY.CIPHERTEXT_TAMPERED` / `CIPHERTEXT_MALFORMED` for altered or garbled text.
   */
  async decrypt(subjectId: string, ciphertext: string): Promise<PersonalIdentity | ErasedIdentity> {
    assertSubject(subjectId);
    const key = await this.keys.get(subjectId);
    if (key === 'erased') return { erased: true };
    if (key === null)
      throw privacyError('KEY_MISSING', `No key for subject ${subjectId}: was the key store restored from the right backup?`, {
        subjectId,
      });
    let plaintext: string;
    try {
      plaintext = openSm4(key, subjectId, ciphertext);
    } finally {
      key.fill(0);
    }
    return normalizeIdentity(JSON.parse(plaintext));
  }
}
