import { Role } from '@bihuan/core';
import { TargetKind } from './matrix-targets';

export type Body = (p: Readonly<Record<string, string>>) => object;

/** A multipart upload (routes declared with @FileUpload): the file in field `file`, and the text fields. */
export interface Upload {
  readonly file: Buffer;
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * The matrix's row for each route of the OpenAPI document, keyed by method + path. Who may call it
 * comes from its @Roles / @Public declaration; this table says only what its parameters point at,
 * how its answer is read (json, xlsx, csv, html) and, for writes, a valid body, so that a refusal
 * proves the scope check and not the validation pipe. A new route fails the matrix until it has a row.
 */
export interface Row {
  readonly target: TargetKind;
  readonly body?: Body;
  /** For an upload route instead of `body`: a valid multipart form. */
  readonly upload?: () => Upload;
  /** `docx`: a generated Word file, stored uncompressed, so its XML is scanned as text. `sse`: a text/event-stream that never ends by itself; only its status is read, then it is closed. */
  readonly format?: 'xlsx' | 'csv' | 'html' | 'sse' | 'docx';
  /** The same read once more in another format (an export's `?format=csv`). */
  readonly also?: { readonly query: string; readonly format: 'csv' };
  /** Query string a read needs to be valid (e.g. the purpose of an identity read). */
  readonly query?: string;
  /** A read whose in-scope answer may legitimately be a 4xx (e.g. nothing there yet). */
  readonly okStatuses?: readonly number[];
  /**
   * Query switches only some of the route's roles may use (e.g. a history's `?all=true`), with the
   * declaration the route enforces them by: the same read is checked once more with each switch,
   * refused to every other role.
   */
  readonly roleQueries?: readonly { readonly query: string; readonly roles: readonly Role[] }[];
  /** Values for path parameters the target does not give (an audit route's file digest). */
  readonly params?: Readonly<Record<string, string>>;
}
