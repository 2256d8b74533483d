import { DomainError, DomainErrorKind, domainErrorBuilder } from '@bihuan/core';

/**
 * Stable error codes of the documents context (validation 400, not_found 404, conflict 409,
 * rule 422). Messages are Chinese, for the people who read them; clients branch on the code.
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

export function documentsError(name: DocumentsErrorName, message: string, field?: string): DomainError {
  return build(name, message, field === undefined ? {} : { field });
}
