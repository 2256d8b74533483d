import { DomainError, DomainErrorDetails, DomainErrorKind, domainErrorBuilder } from '@bihuan/core';

/**
 * Stable error codes of the inspection context, with the kind the API maps to HTTP
 * (validation 400, forbidden 403, not_found 404, conflict 409, rule 422). Clients may branch on
 * the code; the message is for people. Catalogued in docs/events/inspection.md.
 */
export const INSPECTION_ERRORS = {
  FIELD_REQUIRED: 'validation',
  DATE_INVALID: 'validation',
  VISIT_KIND_UNKNOWN: 'validation',
  INSPECTORS_REQUIRED: 'validation',
  CATEGORY_UNKNOWN: 'validation',
  SEVERITY_UNKNOWN: 'validation',
  REQUIRED_ACTION_UNKNOWN: 'validation',
  RECHECK_OUTCOME_UNKNOWN: 'validation',
  NOTICE_KIND_UNKNOWN: 'validation',
  EVIDENCE_REQUIRED: 'validation',
  DEADLINE_IN_PAST: 'validation',
  DEADLINE_INVALID: 'validation',
  NEXT_DEADLINE_REQUIRED: 'validation',
  RECHECK_DEADLINE_REQUIRED: 'validation',
  REOPEN_DEADLINE_REQUIRED: 'validation',
  EXTENSION_TOO_LONG: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
  INSTITUTION_FORBIDDEN: 'forbidden',
  VISIT_NOT_FOUND: 'not_found',
  FINDING_NOT_FOUND: 'not_found',
  EXTENSION_NOT_FOUND: 'not_found',
  VISIT_ALREADY_EXISTS: 'conflict',
  VISIT_ALREADY_CONDUCTED: 'conflict',
  VISIT_CLOSED: 'conflict',
  VISIT_NOT_CLOSED: 'conflict',
  VISIT_CANCELLED: 'conflict',
  FINDING_ALREADY_EXISTS: 'conflict',
  FINDING_SIGNED_OFF: 'conflict',
  FINDING_WITHDRAWN: 'conflict',
  NOTICE_ALREADY_ISSUED: 'conflict',
  SIGN_OFF_ALREADY_REQUESTED: 'conflict',
  EXTENSION_ALREADY_PENDING: 'conflict',
  NOTICE_DOCUMENT_ALREADY_ISSUED: 'conflict',
  VISIT_NOT_CONDUCTED: 'rule',
  FINDINGS_OUTSTANDING: 'rule',
  FINDING_NOT_IN_VISIT: 'rule',
  NOTICE_NOT_ISSUED: 'rule',
  PLAN_REQUIRED: 'rule',
  SIGN_OFF_NOT_REQUESTED: 'rule',
  NOT_SIGNED_OFF: 'rule',
  EXTENSION_LIMIT_REACHED: 'rule',
  NO_ACTIVE_DEADLINE: 'rule',
  NOTICE_DOCUMENT_NOT_ALLOWED: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type InspectionErrorName = keyof typeof INSPECTION_ERRORS;
/** The full code as thrown, e.g. `INSPECTION.FINDING_SIGNED_OFF`. */
export type InspectionErrorCode = `INSPECTION.${InspectionErrorName}`;

const buildInspectionError = domainErrorBuilder<InspectionErrorName>('INSPECTION', INSPECTION_ERRORS);

/**
 * Builds the DomainError for a named rule; `field` names the input at fault where there is one, and
 * `details` carry the variable parts the zh-CN template says (the message is English).
 */
export function inspectionError(
  name: InspectionErrorName,
  message: string,
  field?: string,
  details: Omit<DomainErrorDetails, 'field'> = {},
): DomainError {
  return buildInspectionError(name, message, field === undefined ? details : { ...details, field });
}
