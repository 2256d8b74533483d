import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainErrorKind, isDomainError } from '@bihuan/core';

/** One input at fault: which field, which rule, and what to tell people. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * Every error the API answers with has this shape, so clients branch on the stable `code`
 * (`VALIDATION`, `COMPLAINT.ALREADY_CLOSED`, …) rather than on messages.
 */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
  readonly [extra: string]: unknown;
}

/** The architecture's mapping of DomainError kinds to HTTP (domain-error.ts). */
export const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

export function codeOfStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? `HTTP_${status}`;
}

/** Builds the answer for anything thrown while handling a request. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (isDomainError(exception)) {
    const statusCode = STATUS_OF_KIND[exception.kind];
    const { field, ...details } = exception.details;
    return {
      statusCode,
      error: statusText(statusCode),
      code: exception.code,
      message: exception.message,
      ...(field ? { fields: [{ field, rule: exception.code, message: exception.message }] } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const extra = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const raw = typeof response === 'string' ? response : extra['message'];
    const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
    return {
      ...extra,
      statusCode,
      error: typeof extra['error'] === 'string' ? extra['error'] : statusText(statusCode),
      code: typeof extra['code'] === 'string' ? extra['code'] : codeOfStatus(statusCode),
      message,
    };
  }
  return { statusCode: 500, error: statusText(500), code: 'INTERNAL', message: 'Internal server error' };
}
