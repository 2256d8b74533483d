import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { S3BlobStoreOptions } from '../blob-store/adapters/s3-blob-store.adapter';

/** A real S3-compatible server for specs: s3rver on a free port, keeping its objects in a temporary directory. */
export interface LocalS3 {
  readonly endpoint: string;
  /** Options for an S3BlobStore on a fresh bucket (created here). */
  bucket(name: string): Promise<S3BlobStoreOptions>;
  stop(): Promise<void>;
}

/** s3rver accepts any signature; these are what its docs use. */
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startLocalS3(): Promise<LocalS3> {
  // The SDK warns once per process that its 2027 releases need Node 22 (docs/adr/0010); said there, not in every test run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  return {
    endpoint,
    async bucket(name) {
      await admin.send(new CreateBucketCommand({ Bucket: name }));
      return { bucket: name, region: 'us-east-1', endpoint, credentials };
    },
    async stop() {
      admin.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
