import { DomainErrorKind, domainErrorBuilder } from '@bihuan/core';

/**
 * Stable error codes of the privacy lib (`PRIVACY.<NAME>`) with their kind, which the API's
 * filter maps to HTTP (validation 400, forbidden 403, not_found 404, conflict 409, rule 422).
 * Clients branch on codes, so they are never renamed; docs/privacy.md lists them.
 */
export const PRIVACY_ERRORS = {
  /** The reader's role may not see personal data (hospital, partner, public, system). */
  NOT_ALLOWED: 'forbidden',
  /** The reader's role may, but the case lies outside the reader's jurisdiction. */
  OUT_OF_SCOPE: 'forbidden',
  INVALID_IDENTITY: 'validation',
  INVALID_SUBJECT: 'validation',
  PURPOSE_REQUIRED: 'validation',
  REASON_REQUIRED: 'validation',
  CIPHERTEXT_MALFORMED: 'validation',
  /** A scheme this build cannot read (e.g. a future `sm4gcm:v1`). */
  SCHEME_UNSUPPORTED: 'validation',
  /** The authentication tag does not match: the ciphertext was altered or belongs to another subject. */
  CIPHERTEXT_TAMPERED: 'rule',
  /** No key and no tombstone for the subject: a lost or wrongly restored key store, or a wrong id. */
  KEY_MISSING: 'not_found',
  SUBJECT_NOT_FOUND: 'not_found',
  /** Nothing new may be encrypted for an erased subject: its key is never re-created. */
  SUBJECT_ERASED: 'conflict',
  /** A lookup key (`lookup.<purpose>`) is no person's: erasing it would unlink every record found by it. */
  LOOKUP_KEY_PROTECTED: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type PrivacyErrorName = keyof typeof PRIVACY_ERRORS;
export type PrivacyErrorCode = `PRIVACY.${PrivacyErrorName}`;

export const privacyError = domainErrorBuilder<PrivacyErrorName>('PRIVACY', PRIVACY_ERRORS);
