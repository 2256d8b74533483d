import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { assertSafeInput, inputRefusal, MAX_INPUT_DEPTH } from './input-inspection';
import { isUploadRoute, UploadRoute, uploadRoutes } from './upload-routes';

/** Largest request body accepted; uploads of evidence go elsewhere. */
export const BODY_LIMIT = '256kb';

interface BodyParserError {
  readonly type: string;
  readonly status?: number;
  readonly message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && 'message' in error;
}

/** Turns body-parser's errors into HttpExceptions with a stable code and a message naming the problem. */
export function translateBodyError(error: unknown): unknown {
  if (!isBodyParserError(error)) return error;
  switch (error.type) {
    case 'entity.too.large':
      return new PayloadTooLargeException({
        code: 'PAYLOAD_TOO_LARGE',
        limit: BODY_LIMIT,
        message: `Request body is larger than the limit of ${BODY_LIMIT}`,
      });
    case 'entity.parse.failed':
      return new BadRequestException({ code: 'MALFORMED_JSON', message: `Malformed JSON in request body: ${error.message}` });
    case 'querystring.parse.rangeError':
      return inputRefusal([{ field: 'body', rule: 'maxDepth', message: `Form body is nested deeper than ${MAX_INPUT_DEPTH} levels` }]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpException({ code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message }, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    default:
      return new HttpException({ code: 'BAD_REQUEST', message: error.message }, error.status ?? HttpStatus.BAD_REQUEST);
  }
}

/** Media types a body may have; anything else would reach the handler as an empty body. */
const BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'];
/** Read by multer (FileUploadGuard), and only on routes declared with @FileUpload. */
const MULTIPART = 'multipart/form-data';

/** What Express adds to the request that checkInput reads (no @types/express here). */
interface ParsedRequest extends IncomingMessage {
  readonly body?: unknown;
  readonly query?: unknown;
  is(types: string[]): string | false | null;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function unsupported(req: ParsedRequest, types: readonly string[]): HttpException {
  return new HttpException(
    {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      expected: [...types],
      message: `Request body must be ${types.join(' or ')} (got ${req.headers['content-type'] ?? 'no Content-Type'})`,
    },
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );
}

/**
 * Runs before routing, guards and handlers (so for public routes and unauthenticated callers too):
 * a body no parser read is refused rather than treated as empty, and parsed bodies and queries
 * must pass inspectInput (reserved keys, depth, well-formed Unicode) before any validator sees them.
 * `multipart/form-data` passes (unread) only to a route in `uploads`, and such a route takes nothing else.
 */
export function inputChecker(
  uploads: readonly UploadRoute[],
): (req: ParsedRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  return function checkInput(req: ParsedRequest, _res: ServerResponse, next: (error?: unknown) => void): void {
    try {
      if (isUploadRoute(uploads, req.method, req.url)) {
        if (hasBody(req) && !req.is([MULTIPART])) throw unsupported(req, [MULTIPART]);
      } else if (hasBody(req) && !req.is(BODY_TYPES)) {
        throw unsupported(req, BODY_TYPES);
      }
      assertSafeInput(req.body);
      assertSafeInput(req.query);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * JSON and form bodies up to BODY_LIMIT. An error middleware right after the parsers rewrites
 * their errors, which Nest's exception layer then answers through the global filter; checkInput
 * (inputChecker) then refuses what no DTO may see; DeclaredInputInterceptor (in createApp's chain) refuses a body
 * or query sent to a route that takes none (docs/api/input-limits.md).
 */
export function useBodyParsing(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: true, depth: MAX_INPUT_DEPTH });
  app.use((error: unknown, _req: IncomingMessage, _res: ServerResponse, next: (error?: unknown) => void) => {
    next(translateBodyError(error));
  });
  app.use(inputChecker(uploadRoutes(app)));
}
