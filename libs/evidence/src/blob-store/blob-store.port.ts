import { Readable } from 'node:stream';

/** What the store says about a blob it holds. */
export interface BlobStat {
  readonly size: number;
}

/**
 * Where evidence bytes live: the file system under the data directory (embedded default) or
 * S3-compatible object storage. Keys are content addresses chosen by the caller (an SM3 digest,
 * or a derived `thumbnail/<digest>`), so a put is idempotent and a blob never changes under its key.
 * Every adapter passes the same contract suite (libs/evidence/src/testing/blob-store.contract.ts).
 */
export interface BlobStore {
  /** `fs`, `s3` or `memory`: named in health and the integrity report. */
  readonly kind: string;
  /**
   * Stores the file at `path` (a staged upload on local disk) under `key`, streamed, never whole in
   * memory. A key already held is left as it is. The file at `path` is left for the caller to remove.
   */
  putFile(key: string, path: string): Promise<void>;
  /** Stores small derived bytes (a thumbnail) under `key`. */
  putBytes(key: string, bytes: Buffer): Promise<void>;
  /** The blob's bytes as a stream, or null when the store does not hold the key. */
  open(key: string): Promise<Readable | null>;
  stat(key: string): Promise<BlobStat | null>;
  /** Removes the blob; removing an absent key is not an error. */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*){0,3}$/;

/** Keys are ours, never a client's text: lowercase, at most four segments, no `..`. Throws otherwise. */
export function assertBlobKey(key: string): string {
  if (key.length > 200 || !KEY.test(key) || key.includes('..')) throw new Error(`Not a blob key: ${JSON.stringify(key)}`);
  return key;
}
