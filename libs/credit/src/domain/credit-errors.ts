import { domainErrorBuilder, DomainErrorKind } from '@bihuan/core';

/** Stable error codes of the credit context (`CREDIT.<NAME>`); catalogued in docs/events/credit.md. */
export const CREDIT_ERRORS = {
  FIELD_REQUIRED: 'validation',
  DATE_INVALID: 'validation',
  BEHAVIOUR_UNKNOWN: 'validation',
  POINTS_INVALID: 'validation',
  CLASS_UNKNOWN: 'validation',
  CLASS_MISMATCH: 'validation',
  LIST_UNKNOWN: 'validation',
  COMMITMENT_KIND_UNKNOWN: 'validation',
  SUPPLIER_REQUIRED: 'validation',
  SUPPLIER_NOT_ALLOWED: 'validation',
  CREDIT_CODE_INVALID: 'validation',
  TERM_INVALID: 'validation',
  INVALID_EVIDENCE: 'validation',
  EXPIRY_IN_PAST: 'validation',
  INSTITUTION_MISMATCH: 'validation',
  DRAW_INPUT_INVALID: 'validation',
  IDENTIFIER_INVALID: 'validation',
  SUBJECT_MISMATCH: 'validation',
  PURPOSE_UNKNOWN: 'validation',
  DRAW_NOT_ENOUGH_INSTITUTIONS: 'rule',
  DRAW_NOT_ENOUGH_INSPECTORS: 'rule',
  ROLE_FORBIDDEN: 'forbidden',
  INSTITUTION_FORBIDDEN: 'forbidden',
  ARCHIVE_NOT_FOUND: 'not_found',
  POINTS_NOT_FOUND: 'not_found',
  CYCLE_NOT_FOUND: 'not_found',
  COMMITMENT_NOT_FOUND: 'not_found',
  LIST_ENTRY_NOT_FOUND: 'not_found',
  DRAW_NOT_FOUND: 'not_found',
  ARCHIVE_ALREADY_EXISTS: 'conflict',
  DRAW_ALREADY_EXISTS: 'conflict',
  DRAW_CANCELLED: 'conflict',
  DRAW_ALREADY_PUBLISHED: 'conflict',
  DRAW_ALREADY_MADE: 'conflict',
  DRAW_NOT_COMMITTED: 'conflict',
  DRAW_VISITS_PENDING: 'conflict',
  DRAW_COMMITMENT_MISMATCH: 'conflict',
  EVIDENCE_NOT_ATTACHED: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type CreditErrorName = keyof typeof CREDIT_ERRORS;

export const creditError = domainErrorBuilder<CreditErrorName>('CREDIT', CREDIT_ERRORS);
