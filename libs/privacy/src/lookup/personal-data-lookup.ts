import { createHmac, hkdfSync } from 'node:crypto';
import { SubjectKeyStore } from '../key-store/subject-key-store.port';
import { privacyError } from '../privacy-errors';

/** Key-store subjects that hold a lookup key (not a person): `lookup.<purpose>`. */
export const LOOKUP_KEY_PREFIX = 'lookup.';

/** A lookup digest is this many hex characters (128 bits): short enough for a stream name, far beyond guessing. */
export const LOOKUP_DIGEST_LENGTH = 32;

const PURPOSE = /^[a-z][a-z0-9-]{0,62}$/;

export const isLookupKeySubject = (subjectId: string): boolean => subjectId.startsWith(LOOKUP_KEY_PREFIX);

/**
 * Finds a person again by a number they give without keeping the number in clear (docs/privacy.md,
 * *Lookup by a keyed hash*): the same value always gives the same digest, but only with the lookup
 * key, which lives in the privacy key store beside the subjects' keys — so a copy of the log (or of
 * the read models) cannot be searched by trying every possible ID number, as a plain hash could.
 *
 * `digest = hex(HMAC-SM3(HKDF-SM3(key, "bihuan/lookup/v1"), purpose ‖ 0x1f ‖ value))[0, 32)`, one key
 * per purpose (`lookup.<purpose>`), created on first use and never erased (ErasureService refuses
 * it: every digest of the purpose would stop matching).
 */
export class PersonalDataLookup {
  constructor(private readonly keys: SubjectKeyStore) {}

  async digest(purpose: string, value: string): Promise<string> {
    if (!PURPOSE.test(purpose)) throw new Error(`Invalid lookup purpose "${purpose}"`);
    const subjectId = `${LOOKUP_KEY_PREFIX}${purpose}`;
    await this.keys.create(subjectId);
    const key = await this.keys.get(subjectId);
    if (key === null || key === 'erased') throw privacyError('KEY_MISSING', `The lookup key ${subjectId} is missing`, { subjectId });
    const mac = Buffer.from(hkdfSync('sm3', key, Buffer.alloc(0), 'bihuan/lookup/v1', 32));
    key.fill(0);
    try {
      return createHmac('sm3', mac).update(`${purpose}\u001f${value}`, 'utf8').digest('hex').slice(0, LOOKUP_DIGEST_LENGTH);
    } finally {
      mac.fill(0);
    }
  }
}
