import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertBlobKey, BlobStat, BlobStore } from '../blob-store.port';

export interface S3BlobStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** An S3-compatible server (MinIO, s3rver); omitted for AWS itself. */
  readonly endpoint?: string | null;
  /** Omitted: the SDK's default credential chain (instance role, AWS_* variables). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string } | null;
  /** Multipart part size in bytes (S3's minimum, 5 MiB, by default): what a put holds in memory per part. */
  readonly partSize?: number;
}

const MIB = 1024 * 1024;

/** S3's answer for a key it does not hold: GetObject says NoSuchKey, HeadObject (no body) a bare 404. */
function isMissingKey(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/**
 * Blobs as objects in one S3 bucket (or an S3-compatible server), keyed by the blob key itself.
 * Puts stream the staged file in multipart uploads (at most two parts in memory at a time), so a
 * 200 MB video costs ~10 MB of memory. Checksums are computed only when S3 requires them: the
 * default CRC32 trailers of recent SDKs are refused or mis-stored by some S3-compatible servers,
 * and integrity is ours anyway (every blob is addressed by its SM3, which `check` recomputes).
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly partSize: number;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.partSize = Math.max(5 * MIB, options.partSize ?? 5 * MIB);
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /**
   * Fails start-up with a clear message when the bucket is absent or unreachable: otherwise every
   * file would later read as "missing" (S3 answers a missing bucket with 404 too).
   */
  async assertBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = error instanceof S3ServiceException ? ` (HTTP ${error.$metadata.httpStatusCode ?? '?'})` : '';
      const reason = error instanceof Error ? error.message || error.name : String(error);
      throw new Error(`S3 bucket "${this.bucket}" is not usable${status}: ${reason}`);
    }
  }

  async putFile(key: string, path: string): Promise<void> {
    if (await this.stat(key)) return;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: createReadStream(path) },
      partSize: this.partSize,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async putBytes(key: string, bytes: Buffer): Promise<void> {
    if (await this.stat(key)) return;
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: assertBlobKey(key) }));
      if (!(Body instanceof Readable)) throw new Error(`S3 returned no stream for ${key}`);
      return Body;
    } catch (error) {
      if (isMissingKey(error)) return null;
      throw error;
    }
  }

  async stat(key: string): Promise<BlobStat | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: assertBlobKey(key) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissingKey(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 for an absent key too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertBlobKey(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
