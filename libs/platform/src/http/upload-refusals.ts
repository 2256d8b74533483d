import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';
import { UploadBrokenOff } from '../files/staging-storage';

/** The one form field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** `5MB`, `512KB`, `100B`: the limit as the 413 states it. */
export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}MB`;
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)}KB` : `${bytes}B`;
}

export function refusal(field: string, rule: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION',
    message,
    fields: [{ field, rule, message }],
  });
}

/** 413 naming the field and the limit. */
export function tooLarge(maxBytes: number): PayloadTooLargeException {
  const limit = formatBytes(maxBytes);
  return new PayloadTooLargeException({
    code: 'PAYLOAD_TOO_LARGE',
    field: UPLOAD_FIELD,
    limit,
    message: `File is larger than the limit of ${limit}`,
  });
}

/**
 * 400 naming the field and the kinds admitted; "following values:" is where the zh rule sentence
 * finds them. English only: a message holding Chinese would be passed through as if already
 * translated, so the route's Chinese `kindLabel` stays in its OpenAPI description.
 */
export function wrongKind(kinds: readonly string[]): BadRequestException {
  const listed = kinds.map((k) => k.toUpperCase()).join(', ');
  return refusal(
    UPLOAD_FIELD,
    'fileType',
    `${UPLOAD_FIELD} (judged by its content, not its name) must be one of the following values: ${listed}`,
  );
}

export function fileRequired(): BadRequestException {
  return refusal(UPLOAD_FIELD, 'fileRequired', `A file is required in the form field "${UPLOAD_FIELD}"`);
}

/** Ours already (a `code` in the body): the storage engine's refusals pass through unchanged. */
function isOurs(error: HttpException): boolean {
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'code' in body;
}

/** multer's errors (already Nest exceptions) in our words: the 413 states the limit, the 400 names the field. */
export function translateUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof UploadBrokenOff) return refusal('body', 'multipartForm', `Malformed multipart form (${error.message})`);
  if (!(error instanceof HttpException) || isOurs(error)) return error;
  if (error instanceof PayloadTooLargeException) return tooLarge(maxBytes);
  const text = error.message;
  if (/file/i.test(text))
    return refusal(UPLOAD_FIELD, 'singleFile', `Send exactly one file, in the form field "${UPLOAD_FIELD}" (${text})`);
  return refusal('body', 'multipartForm', `Malformed or oversized multipart form (${text})`);
}
