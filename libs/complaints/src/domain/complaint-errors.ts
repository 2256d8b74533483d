import { domainErrorBuilder, DomainErrorKind, inputRules } from '@bihuan/core';

/**
 * Every stable error code the complaints domain throws, with its kind (→ HTTP status in the API's
 * filter: validation 400, forbidden 403, not_found 404, conflict 409, rule 422). Clients branch on
 * the code, so codes are never renamed; the catalogue in docs/events/complaints.md lists them.
 */
export const COMPLAINT_ERRORS = {
  NOT_FOUND: 'not_found',
  ALREADY_RECEIVED: 'conflict',
  DUPLICATE_REFERENCE: 'conflict',
  ALREADY_CLOSED: 'conflict',
  INVALID_TRANSITION: 'conflict',
  FORBIDDEN_ROLE: 'forbidden',
  NOT_ASSIGNED_INSTITUTION: 'forbidden',
  NOT_TICKET_OWNER: 'forbidden',
  NOT_OWN_INSTITUTION: 'forbidden',
  SELF_DISPATCH_ONLY: 'forbidden',
  SYSTEM_ONLY: 'forbidden',
  PUBLIC_WEB_ONLY: 'forbidden',
  AGENCY_TRANSFER_ONLY: 'forbidden',
  INVALID_CHANNEL: 'validation',
  HOSPITAL_CHANNEL: 'validation',
  INVALID_CATEGORY: 'validation',
  INVALID_COMPLEXITY: 'validation',
  INVALID_DECISION: 'validation',
  INVALID_RATING: 'validation',
  INVALID_DECLINE_GROUND: 'validation',
  FIELD_REQUIRED: 'validation',
  TEXT_TOO_LONG: 'validation',
  IDENTITY_REQUIRED: 'validation',
  ANONYMOUS_WITH_IDENTITY: 'validation',
  COMPLEXITY_MISMATCH: 'validation',
  INVALID_POLICY: 'validation',
  INVALID_TERMS: 'validation',
  TERMS_POLICY_MISMATCH: 'validation',
  NEXT_TERMS_REQUIRED: 'validation',
  PAUSE_TERMS_MISSING: 'validation',
  RESUME_TERMS_MISSING: 'validation',
  STAFF_WITHOUT_SUBSTANCE: 'validation',
  STAFF_WITHOUT_INSTITUTION: 'validation',
  CLOSE_REASON_REQUIRED: 'validation',
  NOT_ON_THE_SPOT: 'rule',
  NOT_ESCALATABLE: 'rule',
  EXTENSION_ALREADY_PENDING: 'conflict',
  NO_EXTENSION_PENDING: 'conflict',
  DEADLINE_NOT_RUNNING: 'rule',
  ALREADY_SUPERVISED: 'conflict',
  ALREADY_WAITING: 'conflict',
  NOT_WAITING: 'conflict',
  WAITING_ON_COMPLAINANT: 'rule',
  REOPEN_REQUIRES_DISSATISFACTION: 'rule',
  EVIDENCE_LIMIT_REACHED: 'rule',
  EVIDENCE_NOT_SEALED: 'validation',
  INVALID_EVIDENCE: 'validation',
} as const satisfies Record<string, DomainErrorKind>;

export type ComplaintErrorName = keyof typeof COMPLAINT_ERRORS;
/** `COMPLAINT.<NAME>`, e.g. `COMPLAINT.ALREADY_CLOSED`. */
export type ComplaintErrorCode = `COMPLAINT.${ComplaintErrorName}`;

export function complaintErrorCode(name: ComplaintErrorName): ComplaintErrorCode {
  return `COMPLAINT.${name}`;
}

/** Builds the DomainError for a code with the kind the table gives it. */
export const complaintError = domainErrorBuilder<ComplaintErrorName>('COMPLAINT', COMPLAINT_ERRORS);

/** The input checks are core's, with our codes; texts are limited to 5000 characters unless a call says otherwise. */
export const { requireRole, requireText, optionalText } = inputRules({
  prefix: 'COMPLAINT',
  codes: { ROLE_FORBIDDEN: 'FORBIDDEN_ROLE' },
  maxLength: 5000,
});
