import { Actor, Clock, isDomainError } from '@bihuan/core';
import { AccessAction, AccessLog, AccessOutcome } from '../access-log/access-log.port';
import { ErasedIdentity, isErased, PersonalDataCipher } from '../cipher/personal-data-cipher';
import { maskIdentity } from '../masking';
import { PersonalIdentity } from '../personal-identity';
import { privacyError } from '../privacy-errors';
import { identityDisplayFor, IdentityDisplay, ScopePolicy } from './identity-display.policy';

/** One read of one subject's identity in one case. */
export interface PersonalDataRequest {
  readonly subjectId: string;
  readonly ciphertext: string;
  /** Why the reader needs it; recorded. Required. */
  readonly purpose: string;
  /** The case the identity belongs to (`complaintTicket-…`), recorded. */
  readonly caseStream: string | null;
  /** The jurisdiction unit owning the case; checked against the ScopePolicy when both are given. */
  readonly caseUnit?: string;
}

export interface RevealRequest extends PersonalDataRequest {
  readonly reader: Actor;
}

/** What a case screen or dossier shows in place of a person. */
export type RedactedIdentity =
  | { readonly visible: false }
  | { readonly visible: true; readonly erased: true }
  | { readonly visible: true; readonly erased: false; readonly masked: boolean; readonly identity: PersonalIdentity };

/**
 * The only door to decrypted personal data for people. Checks role (and scope), records the
 * access in the AccessLog — refusals too — and only then hands out the identity. If recording
 * fails nothing is handed out.
 */
export class PersonalDataAccess {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly log: AccessLog,
    private readonly clock: Clock,
    private readonly scope?: ScopePolicy,
  ) {}

  /**
   * The full identity, or `{ erased: true }` once the subject was erased. Throws
   * `PRIVACY.NOT_ALLOWED` (403) for roles that may not see identities and `PRIVACY.OUT_OF_SCOPE`
   * (403) outside the reader's jurisdiction — both recorded as `denied`.
   */
  async reveal(request: RevealRequest): Promise<PersonalIdentity | ErasedIdentity> {
    const { reader } = request;
    assertPurpose(request.purpose);
    if (identityDisplayFor(reader) === 'hidden') {
      await this.note(reader, request, 'reveal', 'denied');
      throw privacyError('NOT_ALLOWED', `Role ${reader.role} may not see personal data`, { subjectId: request.subjectId });
    }
    if (!this.inScope(reader, request)) {
      await this.note(reader, request, 'reveal', 'denied');
      throw privacyError('OUT_OF_SCOPE', `${reader.id} may not see personal data of unit ${request.caseUnit}`, {
        subjectId: request.subjectId,
      });
    }
    const identity = await this.decrypt(reader, request, 'reveal');
    await this.note(reader, request, 'reveal', isErased(identity) ? 'erased' : 'granted');
    return identity;
  }

  /**
   * The identity as `reader` may see it in a case view or dossier (IDENTITY_DISPLAY): hidden
   * roles and out-of-scope readers get `{ visible: false }` and nothing is recorded (nothing was
   * read); otherwise the decryption is recorded as a `view` (`granted`, `masked` or `erased`).
   * Call it once per subject per screen or export, not once per event.
   */
  async redactFor(reader: Actor, request: PersonalDataRequest): Promise<RedactedIdentity> {
    const display: IdentityDisplay = identityDisplayFor(reader);
    if (display === 'hidden' || !this.inScope(reader, request)) return { visible: false };
    assertPurpose(request.purpose);
    const identity = await this.decrypt(reader, request, 'view');
    if (isErased(identity)) {
      await this.note(reader, request, 'view', 'erased');
      return { visible: true, erased: true };
    }
    const masked = display === 'masked';
    await this.note(reader, request, 'view', masked ? 'masked' : 'granted');
    return { visible: true, erased: false, masked, identity: masked ? maskIdentity(identity) : identity };
  }

  /** Records that a dossier of `caseStream` left the system (issue 7: exports are audited). */
  async recordExport(reader: Actor, caseStream: string, purpose: string, subjectId: string | null = null): Promise<void> {
    assertPurpose(purpose);
    await this.log.record({ at: this.now(), reader, action: 'export', subjectId, caseStream, purpose, outcome: 'granted' });
  }

  private async decrypt(reader: Actor, request: PersonalDataRequest, action: AccessAction): Promise<PersonalIdentity | ErasedIdentity> {
    try {
      return await this.cipher.decrypt(request.subjectId, request.ciphertext);
    } catch (error) {
      if (isDomainError(error) && error.code !== 'PRIVACY.INVALID_SUBJECT') await this.note(reader, request, action, 'failed');
      throw error;
    }
  }

  private inScope(reader: Actor, request: PersonalDataRequest): boolean {
    return !this.scope || request.caseUnit === undefined || this.scope.inScope(reader, request.caseUnit);
  }

  private async note(reader: Actor, request: PersonalDataRequest, action: AccessAction, outcome: AccessOutcome): Promise<void> {
    await this.log.record({
      at: this.now(),
      reader,
      action,
      subjectId: request.subjectId,
      caseStream: request.caseStream ?? null,
      purpose: request.purpose,
      outcome,
    });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function assertPurpose(purpose: unknown): void {
  if (typeof purpose !== 'string' || purpose.trim().length === 0) {
    throw privacyError('PURPOSE_REQUIRED', 'Reading personal data requires a stated purpose', { field: 'purpose' });
  }
}
