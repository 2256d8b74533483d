import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainErrorKind, isDomainError } from '@bihuan/core';
import { MessageLanguage } from './messages/accept-language';
import { zhErrorMessage, zhRuleMessage } from './messages/error-messages';
import { HTTP_ERROR_MESSAGES } from './messages/platform-error-messages';

/** One input at fault: which field, which rule, and what to tell people. */
export interface FieldProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * Every error the API answers with has this shape, so clients branch on the stable `code`
 * (`VALIDATION`, `COMPLAINT.ALREADY_CLOSED`, …) rather than on messages, which are zh-CN unless
 * the request's Accept-Language prefers English.
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

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { field, rule, message } = value as Record<string, unknown>;
  return typeof field === 'string' && typeof rule === 'string' && typeof message === 'string';
}

/**
 * Text already written in Chinese (the directory import's row messages): more specific than any
 * template. Judged by how it begins, not by holding a Chinese character: an English message that
 * quotes a Chinese name (phase "宣传动员" overlaps …, agency 甲市公安局 is not competent …) is English
 * and gets its code's Chinese template.
 */
const CHINESE = /^[\s\d"'“‘(（《〔【「]*[\u3400-\u9fff]/;

/** Field problems in the asked language: zh-CN sentences by rule (a DTO constraint or an error code), or as thrown. */
function localFields(fields: readonly FieldProblem[], language: MessageLanguage): FieldProblem[] {
  if (language === 'en') return [...fields];
  return fields.map((f) =>
    CHINESE.test(f.message)
      ? f
      : { ...f, message: zhErrorMessage(f.rule, { field: f.field }) ?? zhRuleMessage(f.field, f.rule, f.message) },
  );
}

/** An HttpException's answer: its code, and in zh-CN the catalogue's words for it (or for its status). */
function httpExceptionBody(exception: HttpException, language: MessageLanguage): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const extra = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const raw = typeof response === 'string' ? response : extra['message'];
  const english = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  const code = typeof extra['code'] === 'string' ? extra['code'] : codeOfStatus(statusCode);
  const given = Array.isArray(extra['fields']) ? extra['fields'].filter(isFieldProblem) : undefined;
  const fields = given ? localFields(given, language) : undefined;
  const zh = fields?.length
    ? fields.map((f) => f.message).join('；')
    : (zhErrorMessage(code, extra) ?? zhErrorMessage(codeOfStatus(statusCode), extra) ?? HTTP_ERROR_MESSAGES['BAD_REQUEST']!);
  return {
    ...extra,
    statusCode,
    error: typeof extra['error'] === 'string' ? extra['error'] : statusText(statusCode),
    code,
    message: language === 'en' ? english : zh,
    ...(fields ? { fields } : {}),
  };
}

/**
 * Builds the answer for anything thrown while handling a request, `message` (and each
 * `fields[].message`) in the asked language: zh-CN from the message catalogue of error codes
 * (messages/error-messages.ts) by default, English — the text the error was thrown with — when
 * the request prefers it. The `code` is the same in both.
 */
export function toErrorBody(exception: unknown, language: MessageLanguage = 'zh'): ErrorBody {
  if (isDomainError(exception)) {
    const statusCode = STATUS_OF_KIND[exception.kind];
    const { field, ...details } = exception.details;
    const zh = CHINESE.test(exception.message)
      ? exception.message
      : (zhErrorMessage(exception.code, exception.details) ?? zhErrorMessage(codeOfStatus(statusCode), {}));
    const message = language === 'en' ? exception.message : (zh ?? exception.message);
    return {
      statusCode,
      error: statusText(statusCode),
      code: exception.code,
      message,
      ...(field ? { fields: [{ field, rule: exception.code, message }] } : {}),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    };
  }
  if (exception instanceof HttpException) return httpExceptionBody(exception, language);
  const message = language === 'en' ? 'Internal server error' : HTTP_ERROR_MESSAGES['INTERNAL']!;
  return { statusCode: 500, error: statusText(500), code: 'INTERNAL', message };
}
