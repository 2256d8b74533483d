import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata, Type, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Role } from '@bihuan/core';
import { of } from 'rxjs';
import { AppConfig, stagingDirOf } from '../config/app-config';
import { expandKinds, FileKind } from '../files/file-kinds';
import { sniffFileKind } from '../files/file-sniff';
import { StagedFile } from '../files/staged-file';
import { onResponseClose, openStagingSession, StagingRules } from '../files/staging-session';
import { StagingStorage } from '../files/staging-storage';
import {
  DEFAULT_UPLOAD_POLICY,
  MAX_UPLOAD_BYTES,
  UploadPolicy,
  uploadRuleOf,
  UPLOADS_POLICY_CONTEXT,
  UploadUseChoice,
  uploadUseFor,
  uploadUsesOf,
} from '../files/upload-policy';
import { CONFIG, POLICIES } from '../platform.tokens';
import { PolicyRegistry } from '../policy/policy-registry';
import { fileRequired, formatBytes, refusal, tooLarge, translateUploadError, UPLOAD_FIELD, wrongKind } from './upload-refusals';

export { formatBytes, UPLOAD_FIELD } from './upload-refusals';

/** Metadata key of @FileUpload; body-parsing (libs/app) admits multipart only on routes carrying it. */
export const FILE_UPLOAD_METADATA = 'bihuan:file-upload';

type TextFields = Readonly<Record<string, { type: 'string'; enum?: readonly string[]; maxLength?: number; description?: string }>>;

/** Admin files of a few MB, checked and parsed whole: read into memory (`req.file.buffer`). */
export interface MemoryUploadSpec {
  readonly mode?: 'memory';
  readonly maxBytes: number;
  readonly kinds: readonly FileKind[];
  /** Words for people: what the file must be (in the OpenAPI description of the form). */
  readonly kindLabel: string;
  /** OpenAPI schemas of the text fields (the DTO validates them). */
  readonly fields: TextFields;
  readonly required?: readonly string[];
}

/**
 * Evidence: streamed to a staging file (never whole in memory), kinds and limit read from the
 * `uploads` policy's `use` on every request; the handler gets a StagedFile (`@StagedUpload()`).
 */
export interface StreamedUploadSpec {
  readonly mode: 'streamed';
  /** One use, or one per role of the sender (`{ byRole: { inspector: 'inspection', hospital: 'rectification' } }`). */
  readonly use: UploadUseChoice;
  readonly kindLabel?: string;
  readonly fields: TextFields;
  readonly required?: readonly string[];
}

export type FileUploadSpec = MemoryUploadSpec | StreamedUploadSpec;

/** What multer's memory storage puts on `req.file`. */
export interface UploadedFileData {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
  readonly buffer: Buffer;
}

interface UploadRequest extends IncomingMessage {
  file?: UploadedFileData | (StagedFile & Record<string, unknown>);
  body?: unknown;
  /** Set by the authentication guard, which runs before this one. */
  actor?: { readonly role: Role };
}

/** The part of FileInterceptor's instance the guard calls. */
type MulterRunner = Type<{ intercept(context: ExecutionContext, next: { handle: () => unknown }): Promise<unknown> }>;
const MULTER_BY_SPEC = new WeakMap<FileUploadSpec, MulterRunner>();
const STAGING = new StagingStorage();

function multerFor(spec: FileUploadSpec): MulterRunner {
  let interceptor = MULTER_BY_SPEC.get(spec);
  if (!interceptor) {
    const fieldCount = Object.keys(spec.fields).length;
    const streamed = spec.mode === 'streamed';
    interceptor = FileInterceptor(UPLOAD_FIELD, {
      // Streamed: the staging engine holds the per-request limit (policy); multer's is the ceiling.
      ...(streamed ? { storage: STAGING } : {}),
      defParamCharset: 'utf8', // browsers send a file name's UTF-8 bytes as they are (Chinese names)
      limits: {
        fileSize: streamed ? MAX_UPLOAD_BYTES : spec.maxBytes,
        files: 1,
        fields: fieldCount,
        fieldSize: 4096,
        parts: fieldCount + 1,
      },
    }) as unknown as MulterRunner;
    MULTER_BY_SPEC.set(spec, interceptor);
  }
  return interceptor;
}

/**
 * Reads the multipart body with multer (FileInterceptor, the route's limits). A guard rather than
 * an interceptor: guards run after authentication (no anonymous caller makes us read a file) and
 * before every interceptor, so the idempotency fingerprint sees the file. Refuses, before the
 * handler writes anything: no file (400 `file`), a file that is not of the route's kinds by its
 * content (400 `file`), too large (413), text fields that are not flat strings (400). A streamed
 * route's staging file is removed once the response is finished or the connection is gone.
 */
@Injectable()
export class FileUploadGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @Inject(CONFIG) private readonly config?: AppConfig,
    @Optional() @Inject(POLICIES) private readonly policies?: PolicyRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<FileUploadSpec | undefined>(FILE_UPLOAD_METADATA, context.getHandler());
    if (!spec) return true;
    const request = context.switchToHttp().getRequest<UploadRequest>();
    const maxBytes = spec.mode === 'streamed' ? await this.openStaging(spec, request, context.switchToHttp().getResponse()) : spec.maxBytes;
    const Multer = multerFor(spec);
    try {
      await new Multer().intercept(context, { handle: () => of(true) });
    } catch (error) {
      throw translateUploadError(error, maxBytes);
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const [field, value] of Object.entries(body)) {
      if (typeof value !== 'string') throw refusal(field, 'isString', `${field} must be a plain text field`);
    }
    request.body = { ...body }; // a plain object (multer's has no prototype) for the validation pipe
    const file = request.file;
    if (!file || file.size === 0) throw fileRequired();
    if (spec.mode === 'streamed') {
      // The engine checked kind and size while the file arrived; the handler sees the contract only.
      const staged = file as StagedFile;
      request.file = { path: staged.path, digest: staged.digest, size: staged.size, mediaType: staged.mediaType, name: staged.name };
      return true;
    }
    const kind = sniffFileKind((file as UploadedFileData).buffer);
    if (kind === 'other' || !spec.kinds.includes(kind)) throw wrongKind(spec.kinds);
    return true;
  }

  /** The use's rule in force, and the session whose files are removed when the response is done. */
  private async openStaging(spec: StreamedUploadSpec, request: UploadRequest, response: ServerResponse): Promise<number> {
    if (!this.config || !this.policies) throw new Error('A streamed @FileUpload needs CONFIG and POLICIES (PlatformModule)');
    const policy = await this.policies.current<UploadPolicy>(UPLOADS_POLICY_CONTEXT, DEFAULT_UPLOAD_POLICY);
    // Guards run after authentication: the sender's role picks the use where the route names one per role.
    const use = uploadUseFor(spec.use, request.actor?.role);
    const { kinds, maxBytes } = uploadRuleOf(policy, use);
    const rules: StagingRules = {
      dir: stagingDirOf(this.config),
      maxBytes,
      kinds,
      tooLarge: () => tooLarge(maxBytes),
      wrongKind: () => wrongKind(kinds),
    };
    const session = openStagingSession(request, rules);
    onResponseClose(request, response, () => void session.release());
    return maxBytes;
  }
}

function fileSchema(spec: FileUploadSpec): { type: 'string'; format: 'binary'; description: string } {
  if (spec.mode !== 'streamed') {
    return { type: 'string', format: 'binary', description: `${spec.kindLabel}, at most ${formatBytes(spec.maxBytes)}` };
  }
  const uses = uploadUsesOf(spec.use).map(({ use, roles }) => {
    const rule = DEFAULT_UPLOAD_POLICY.uses[use];
    const who = roles.length > 0 ? `${roles.join(', ')}: ` : '';
    return `${who}use "${use}" (by default ${expandKinds(rule.kinds).join(', ')}; at most ${formatBytes(rule.maxBytes)})`;
  });
  return {
    type: 'string',
    format: 'binary',
    description: `${spec.kindLabel ?? 'evidence'}: kinds and size from the uploads policy, ${uses.join('; ')}`,
  };
}

/**
 * Declares a route that takes one file as `multipart/form-data` (field `file`) plus the text
 * fields its @Body DTO validates. The one declaration: body-parsing admits multipart only for
 * routes carrying it, the guard reads the file (in memory, or streamed to staging for
 * `mode: 'streamed'`), OpenAPI documents the form.
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
          [UPLOAD_FIELD]: fileSchema(spec),
          ...Object.fromEntries(
            Object.entries(spec.fields).map(([name, schema]) => [name, { ...schema, enum: schema.enum ? [...schema.enum] : undefined }]),
          ),
        },
      },
    }),
  );
}
