import { DomainError, DomainErrorDetails, domainErrorBuilder, DomainErrorKind, inputRules } from '@bihuan/core';

/**
 * Stable error codes of public notices (`NOTICE.<NAME>`), with the kind the API maps to HTTP
 * (validation 400, forbidden 403, not_found 404, conflict 409, rule 422); catalogued in docs/notices.md.
 */
export const NOTICE_ERRORS = {
  FIELD_REQUIRED: 'validation',
  TEXT_TOO_LONG: 'validation',
  DATE_INVALID: 'validation',
  KIND_UNKNOWN: 'validation',
  PERIOD_INVALID: 'validation',
  PERIOD_NOT_ALLOWED: 'validation',
  CAMPAIGN_NOT_ALLOWED: 'validation',
  WITHDRAW_WITHOUT_CORRECTION: 'validation',
  ISSUING_UNIT_INVALID: 'validation',
  CAMPAIGN_UNKNOWN: 'validation',
  ROLE_FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  PUBLICITY_ENDED: 'not_found',
  ALREADY_EXISTS: 'conflict',
  ALREADY_PUBLISHED: 'conflict',
  DRAFT_CHANGED: 'conflict',
  NOT_PUBLISHED: 'conflict',
  ALREADY_CORRECTED: 'conflict',
  DIGEST_MISMATCH: 'conflict',
  PERIOD_NOT_OVER: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type NoticeErrorName = keyof typeof NOTICE_ERRORS;

const build = domainErrorBuilder<NoticeErrorName>('NOTICE', NOTICE_ERRORS);

/** The DomainError of a named rule; `field` names the input at fault, `details` the variable parts the zh-CN template says. */
export function noticeError(
  name: NoticeErrorName,
  message: string,
  field?: string,
  details: Omit<DomainErrorDetails, 'field'> = {},
): DomainError {
  return build(name, message, field === undefined ? details : { ...details, field });
}

/** Role and text rules the decider checks itself (the API's scope checks come first). */
export const { requireRole, requireText } = inputRules({ prefix: 'NOTICE', maxLength: 5000 });
