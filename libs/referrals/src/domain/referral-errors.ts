import { domainErrorBuilder, DomainErrorKind, inputRules } from '@bihuan/core';

/**
 * Stable error codes of the referrals context (`REFERRAL.<NAME>`), with the kind the API maps to
 * HTTP (validation 400, forbidden 403, not_found 404, conflict 409, rule 422). Catalogued in
 * docs/events/referrals.md.
 */
export const REFERRAL_ERRORS = {
  FIELD_REQUIRED: 'validation',
  TEXT_TOO_LONG: 'validation',
  DATE_INVALID: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
  SOURCE_NOT_REFERABLE: 'validation',
  NOT_AN_AGENCY: 'validation',
  OUTCOME_UNKNOWN: 'validation',
  INVALID_EVIDENCE: 'validation',
  INVALID_TERMS: 'validation',
  NOT_FOUND: 'not_found',
  SOURCE_NOT_FOUND: 'not_found',
  LEAD_NOT_FOUND: 'not_found',
  FILE_NOT_FOUND: 'not_found',
  NOT_THE_AGENCY: 'forbidden',
  ALREADY_EXISTS: 'conflict',
  ALREADY_ACKNOWLEDGED: 'conflict',
  ALREADY_ANSWERED: 'conflict',
  ALREADY_CLOSED: 'conflict',
  LEAD_ALREADY_REGISTERED: 'conflict',
  AGENCY_NOT_COMPETENT: 'rule',
  NOT_ACKNOWLEDGED: 'rule',
  NOT_ANSWERED: 'rule',
  EVIDENCE_NOT_ATTACHED: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type ReferralErrorName = keyof typeof REFERRAL_ERRORS;

export const referralError = domainErrorBuilder<ReferralErrorName>('REFERRAL', REFERRAL_ERRORS);

/** Input checks with the context's codes (`REFERRAL.FIELD_REQUIRED` …). */
export const { requireRole, requireText, optionalText, requireTextList, requireIsoDate } = inputRules({ prefix: 'REFERRAL' });
