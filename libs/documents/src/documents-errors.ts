import { DomainError, DomainErrorDetails, DomainErrorKind, domainErrorBuilder } from '@bihuan/core';

/**
 * Stable error codes of the documents context (validation 400, not_found 404, conflict 409,
 * rule 422). Messages are thrown in English; the API answers zh-CN by default from the message
 * catalogue (DOCUMENTS in app's context-error-messages.ts). Clients branch on the code.
 * The rules of which notice may be issued when are the finding's (INSPECTION.NOTICE_DOCUMENT_*).
 */
export const DOCUMENTS_ERRORS = {
  NOTICE_KIND_UNKNOWN: 'validation',
  TEMPLATE_INVALID: 'validation',
  TEMPLATE_UNKNOWN_FIELD: 'validation',
  TEMPLATE_FIELD_REQUIRED: 'validation',
  NOTICE_NOT_FOUND: 'not_found',
  DIGEST_MISMATCH: 'conflict',
  NUMBER_FORMAT_INVALID: 'rule',
  ISSUING_UNIT_UNKNOWN: 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type DocumentsErrorName = keyof typeof DOCUMENTS_ERRORS;

const build = domainErrorBuilder<DocumentsErrorName>('DOCUMENTS', DOCUMENTS_ERRORS);

/**
 * English message for clients that ask for it; `details` name the field at fault and carry the
 * variable parts (kind, documentNo, …) that the zh-CN template (app's context-error-messages.ts) says.
 */
export function documentsError(name: DocumentsErrorName, message: string, details: DomainErrorDetails = {}): DomainError {
  return build(name, message, details);
}
