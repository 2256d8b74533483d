import { DomainError, DomainErrorDetails, domainErrorBuilder, DomainErrorKind, inputRules } from '@bihuan/core';

/**
 * Stable error codes of the campaigns context (`CAMPAIGN.<NAME>`), with the kind the API maps to
 * HTTP (validation 400, forbidden 403, not_found 404, conflict 409, rule 422); catalogued in
 * docs/campaigns.md.
 */
export const CAMPAIGN_ERRORS = {
  FIELD_REQUIRED: 'validation',
  TEXT_TOO_LONG: 'validation',
  DATE_INVALID: 'validation',
  YEAR_INVALID: 'validation',
  PHASE_DATES_INVALID: 'validation',
  PHASE_OUTSIDE_YEAR: 'validation',
  PHASES_OVERLAP: 'validation',
  PHASE_NAME_DUPLICATE: 'validation',
  REPORT_KIND_UNKNOWN: 'validation',
  REPORT_SCHEDULE_INVALID: 'validation',
  REPORT_DUE_OUTSIDE_PHASE: 'validation',
  ISSUING_UNIT_INVALID: 'validation',
  INSTITUTION_OUTSIDE_ISSUER: 'validation',
  COMMISSION_UNIT_INVALID: 'validation',
  UNKNOWN_CAMPAIGN: 'validation',
  INSTITUTION_NOT_IN_SCOPE: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  ALREADY_EXISTS: 'conflict',
  CLOSED: 'conflict',
  OPEN_ROWS: 'conflict',
  SCOPE_IN_USE: 'conflict',
  SCOPE_EMPTY: 'rule',
  // Reporting duties (报送任务, stream reportDuty-<id>).
  DUTY_NOT_FOUND: 'not_found',
  DUTY_INSTITUTION_FORBIDDEN: 'forbidden',
  DUTY_NOT_OPEN: 'conflict',
  DUTY_WITHDRAWN: 'conflict',
  DUTY_ALREADY_SUBMITTED: 'conflict',
  DUTY_ALREADY_ACCEPTED: 'conflict',
  DUTY_NOT_SUBMITTED: 'conflict',
  DUTY_EVIDENCE_UNKNOWN: 'rule',
  DUTY_DEADLINE_INVALID: 'validation',
  DUTY_DEADLINE_REQUIRED: 'validation',
} as const satisfies Record<string, DomainErrorKind>;

export type CampaignErrorName = keyof typeof CAMPAIGN_ERRORS;

const buildCampaignError = domainErrorBuilder<CampaignErrorName>('CAMPAIGN', CAMPAIGN_ERRORS);

/** The DomainError of a named rule; `field` names the input at fault, `details` the variable parts the zh-CN template says. */
export function campaignError(
  name: CampaignErrorName,
  message: string,
  field?: string,
  details: Omit<DomainErrorDetails, 'field'> = {},
): DomainError {
  return buildCampaignError(name, message, field === undefined ? details : { ...details, field });
}

/** Role and text rules the decider checks itself (the API's scope checks come first). */
export const { requireRole, requireText, optionalText, requireTextList } = inputRules({ prefix: 'CAMPAIGN', maxLength: 2000 });
