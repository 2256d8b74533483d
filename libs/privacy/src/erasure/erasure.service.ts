import { Actor, Clock } from '@bihuan/core';
import { AccessLog } from '../access-log/access-log.port';
import { ERASER_ROLES } from '../access/identity-display.policy';
import { assertSubject, SubjectErasure, SubjectKeyStore } from '../key-store/subject-key-store.port';
import { isLookupKeySubject } from '../lookup/personal-data-lookup';
import { privacyError } from '../privacy-errors';

/** What an erasure did; `already-erased` makes the CLI and API safe to retry. */
export interface ErasureReceipt {
  readonly subjectId: string;
  readonly outcome: 'erased' | 'already-erased';
  /** The tombstone: who erased the subject, when and why (the first erasure, on a retry). */
  readonly erasure: SubjectErasure;
}

/**
 * Erases a person by destroying their key (crypto-shredding). Every ciphertext of theirs — in
 * the log, projections, exports, backups of the log — becomes unreadable; the log itself is not
 * touched and still verifies. The key store keeps a tombstone (who / when / why) and the
 * AccessLog records the act, so the erasure is itself on the record.
 */
export class ErasureService {
  constructor(
    private readonly keys: SubjectKeyStore,
    private readonly log: AccessLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Throws `PRIVACY.NOT_ALLOWED` unless `by` is `admin` (or `system`), `PRIVACY.REASON_REQUIRED`
   * without a reason, `PRIVACY.SUBJECT_NOT_FOUND` for a subject that never had a key. Refusals
   * and unknown subjects are recorded too. A lookup key (`lookup.<purpose>`) is refused with
   * `PRIVACY.LOOKUP_KEY_PROTECTED`: it is no person's, and every digest made with it would stop matching.
   */
  async eraseSubject(subjectId: string, by: Actor, reason: string): Promise<ErasureReceipt> {
    assertSubject(subjectId);
    if (typeof reason !== 'string' || reason.trim().length === 0) {
      throw privacyError('REASON_REQUIRED', 'An erasure states its reason (e.g. the request it answers)', { field: 'reason' });
    }
    const at = this.clock.now().toISOString();
    const note = (outcome: 'granted' | 'denied' | 'erased' | 'failed') =>
      this.log.record({ at, reader: by, action: 'erase', subjectId, caseStream: null, purpose: reason.trim(), outcome });
    if (!ERASER_ROLES.includes(by.role)) {
      await note('denied');
      throw privacyError('NOT_ALLOWED', `Role ${by.role} may not erase personal data`, { subjectId });
    }
    if (isLookupKeySubject(subjectId)) {
      await note('denied');
      throw privacyError('LOOKUP_KEY_PROTECTED', `${subjectId} is a lookup key, not a person: it is never erased`, { subjectId });
    }
    const erasure: SubjectErasure = { erasedBy: { id: by.id, role: by.role, unit: by.unit }, reason: reason.trim(), at };
    if (await this.keys.erase(subjectId, erasure)) {
      await note('granted');
      return { subjectId, outcome: 'erased', erasure };
    }
    const info = await this.keys.info(subjectId);
    if (info?.erasure) {
      await note('erased');
      return { subjectId, outcome: 'already-erased', erasure: info.erasure };
    }
    await note('failed');
    throw privacyError('SUBJECT_NOT_FOUND', `No key was ever created for subject ${subjectId}`, { subjectId });
  }
}
