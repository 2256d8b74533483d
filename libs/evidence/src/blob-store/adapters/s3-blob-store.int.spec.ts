import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from '../../testing/blob-store.contract';
import { LocalS3, startLocalS3 } from '../../testing/local-s3';
import { S3BlobStore } from './s3-blob-store.adapter';

// One s3rver for the file (started by the spec itself, nothing to install), a fresh bucket per test.
let s3: LocalS3;
let buckets = 0;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3?.stop();
});

blobStoreContract('s3 (s3rver)', async () => {
  const store = new S3BlobStore(await s3.bucket(`bihuan-contract-${++buckets}`));
  return { store, teardown: () => store.close() };
});

describe('S3BlobStore', () => {
  it('accepts a bucket that exists and names one that does not', async () => {
    const options = await s3.bucket('bihuan-present');
    const present = new S3BlobStore(options);
    const absent = new S3BlobStore({ ...options, bucket: 'bihuan-absent' });
    try {
      await expect(present.assertBucket()).resolves.toBeUndefined();
      await expect(absent.assertBucket()).rejects.toThrow(/S3 bucket "bihuan-absent" is not usable \(HTTP 404\)/);
    } finally {
      await present.close();
      await absent.close();
    }
  });

  it('streams a put larger than one part as a multipart upload', async () => {
    const store = new S3BlobStore({ ...(await s3.bucket('bihuan-multipart')), partSize: 5 * 1024 * 1024 });
    const dir = mkdtempSync(join(tmpdir(), 's3-multipart-'));
    try {
      writeFileSync(join(dir, 'big'), Buffer.alloc(11 * 1024 * 1024, 3));
      await store.putFile('big', join(dir, 'big'));
      expect(await store.stat('big')).toEqual({ size: 11 * 1024 * 1024 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await store.close();
    }
  });
});
