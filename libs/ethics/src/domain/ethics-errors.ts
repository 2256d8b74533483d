import { domainErrorBuilder, DomainErrorKind } from '@bihuan/core';

/**
 * Stable error codes of the ethics context (`ETHICS.<NAME>`), with the kind the API maps to HTTP.
 * Catalogued in docs/events/ethics.md.
 */
export const ETHICS_ERRORS = {
  FIELD_REQUIRED: 'validation',
  DATE_INVALID: 'validation',
  YEAR_INVALID: 'validation',
  SOURCE_UNKNOWN: 'validation',
  VETO_ITEM_UNKNOWN: 'validation',
  GRADE_UNKNOWN: 'validation',
  POINTS_OUT_OF_RANGE: 'validation',
  LIST_UNKNOWN: 'validation',
  EXPIRY_IN_PAST: 'validation',
  SCORE_OUT_OF_RANGE: 'validation',
  ARCHIVE_SUMMARY_MISMATCH: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
  INSTITUTION_FORBIDDEN: 'forbidden',
  ARCHIVE_INSTITUTION_MISMATCH: 'forbidden',
  ARCHIVE_NOT_FOUND: 'not_found',
  RECORD_NOT_FOUND: 'not_found',
  LIST_ENTRY_NOT_FOUND: 'not_found',
  EVALUATION_NOT_FOUND: 'not_found',
  ARCHIVE_ALREADY_EXISTS: 'conflict',
  EVALUATION_ALREADY_EXISTS: 'conflict',
  EVALUATION_FINALISED: 'conflict',
  STEP_OUT_OF_ORDER: 'rule',
  POSTING_REQUIRED: 'rule',
  GRADE_MISMATCH: 'rule',
  EVIDENCE_NOT_ATTACHED: 'rule',
  INVALID_EVIDENCE: 'validation',
} as const satisfies Record<string, DomainErrorKind>;

export type EthicsErrorName = keyof typeof ETHICS_ERRORS;

export const ethicsError = domainErrorBuilder<EthicsErrorName>('ETHICS', ETHICS_ERRORS);
