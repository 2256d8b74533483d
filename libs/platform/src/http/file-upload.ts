import {
  applyDecorators,
  BadRequestException,
  CanActivate,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  SetMetadata,
  Type,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { of } from 'rxjs';
import { SniffedKind, sniffFileKind } from '../files/file-sniff';

/** Metadata key of @FileUpload; body-parsing (libs/app) admits multipart only on routes carrying it. */
export const FILE_UPLOAD_METADATA = 'bihuan:file-upload';
/** The one form field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** A route's upload: how large, what kind (by content), and the text fields its DTO validates. */
export interface FileUploadSpec {
  readonly maxBytes: number;
  readonly kinds: readonly Exclude<SniffedKind, 'other'>[];
  /** Words for people: what the file must be (in the 400 when it is not). */
  readonly kindLabel: string;
  /** OpenAPI schemas of the text fields (the DTO validates them). */
  readonly fields: Readonly<Record<string, { type: 'string'; enum?: readonly string[]; maxLength?: number; description?: string }>>;
  readonly required?: readonly string[];
}

/** What multer's memory storage puts on `req.file`. */
export interface UploadedFileData {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
  readonly buffer: Buffer;
}

interface UploadRequest {
  file?: UploadedFileData;
  body?: unknown;
}

/** `5 MB`, `2 MB`, `512 KB`: the limit as the 413 states it. */
export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)}MB` : `${Math.floor(bytes / 1024)}KB`;
}

function refusal(field: string, rule: string, message: string): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'VALIDATION',
    message,
    fields: [{ field, rule, message }],
  });
}

/** multer's errors (already Nest exceptions) in our words: the 413 states the limit, the 400 names the field. */
function translate(error: unknown, spec: FileUploadSpec): unknown {
  if (error instanceof PayloadTooLargeException) {
    const limit = formatBytes(spec.maxBytes);
    return new PayloadTooLargeException({
      code: 'PAYLOAD_TOO_LARGE',
      field: UPLOAD_FIELD,
      limit,
      message: `File is larger than the limit of ${limit}`,
    });
  }
  if (!(error instanceof HttpException)) return error;
  const text = error.message;
  if (/file/i.test(text))
    return refusal(UPLOAD_FIELD, 'singleFile', `Send exactly one file, in the form field "${UPLOAD_FIELD}" (${text})`);
  return refusal('body', 'multipartForm', `Malformed or oversized multipart form (${text})`);
}

/** The part of FileInterceptor's instance the guard calls. */
type MulterRunner = Type<{ intercept(context: ExecutionContext, next: { handle: () => unknown }): Promise<unknown> }>;
const MULTER_BY_SPEC = new WeakMap<FileUploadSpec, MulterRunner>();

function multerFor(spec: FileUploadSpec): MulterRunner {
  let interceptor = MULTER_BY_SPEC.get(spec);
  if (!interceptor) {
    const fieldCount = Object.keys(spec.fields).length;
    interceptor = FileInterceptor(UPLOAD_FIELD, {
      // Memory: admin files of a few MB, checked and parsed at once; nothing touches the disk.
      limits: { fileSize: spec.maxBytes, files: 1, fields: fieldCount, fieldSize: 4096, parts: fieldCount + 1 },
    }) as unknown as MulterRunner;
    MULTER_BY_SPEC.set(spec, interceptor);
  }
  return interceptor;
}

/**
 * Reads the multipart body with multer (FileInterceptor, memory storage, the route's limits). A
 * guard rather than an interceptor: guards run after authentication (no anonymous caller makes us
 * buffer a file) and before every interceptor, so the idempotency fingerprint sees the file.
 * Refuses, before the handler writes anything: no file (400 `file`), a file that is not of the
 * route's kinds by its content (400 `file`), text fields that are not flat strings (400).
 */
@Injectable()
export class FileUploadGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<FileUploadSpec | undefined>(FILE_UPLOAD_METADATA, context.getHandler());
    if (!spec) return true;
    const Multer = multerFor(spec);
    try {
      await new Multer().intercept(context, { handle: () => of(true) });
    } catch (error) {
      throw translate(error, spec);
    }
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(body)) {
      if (typeof value !== 'string') throw refusal(field, 'isString', `${field} must be a plain text field`);
    }
    request.body = { ...body }; // a plain object (multer's has no prototype) for the validation pipe
    const file = request.file;
    if (!file || file.size === 0) throw refusal(UPLOAD_FIELD, 'fileRequired', `A file is required in the form field "${UPLOAD_FIELD}"`);
    const kind = sniffFileKind(file.buffer);
    if (kind === 'other' || !spec.kinds.includes(kind)) {
      // "following values:" is where the zh rule sentence finds the kinds (messages/error-messages.ts).
      const kinds = spec.kinds.map((k) => k.toUpperCase()).join(', ');
      throw refusal(
        UPLOAD_FIELD,
        'fileType',
        `${UPLOAD_FIELD} (${spec.kindLabel}, judged by its content) must be one of the following values: ${kinds}`,
      );
    }
    return true;
  }
}

/**
 * Declares a route that takes one file as `multipart/form-data` (field `file`) plus the text
 * fields its @Body DTO validates. The one declaration: body-parsing admits multipart only for
 * routes carrying it, the guard reads the file, OpenAPI documents the form.
 */
export function FileUpload(spec: FileUploadSpec): MethodDecorator {
  return applyDecorators(
    SetMetadata(FILE_UPLOAD_METADATA, spec),
    UseGuards(FileUploadGuard),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [UPLOAD_FIELD, ...(spec.required ?? [])],
        properties: {
          [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `${spec.kindLabel}, at most ${formatBytes(spec.maxBytes)}` },
          ...Object.fromEntries(
            Object.entries(spec.fields).map(([name, schema]) => [name, { ...schema, enum: schema.enum ? [...schema.enum] : undefined }]),
          ),
        },
      },
    }),
  );
}
