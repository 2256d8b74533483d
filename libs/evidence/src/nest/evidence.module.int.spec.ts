import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE } from '@bihuan/event-store';
import { AppConfig, CONFIG, testConfig } from '@bihuan/platform';
import { MemorySubjectKeyStore, SUBJECT_KEY_STORE } from '@bihuan/privacy';
import { FakeClock } from '@bihuan/testing';
import { FsBlobStore } from '../blob-store/adapters/fs-blob-store.adapter';
import { S3BlobStore } from '../blob-store/adapters/s3-blob-store.adapter';
import { BLOB_STORE, BlobStore } from '../blob-store/blob-store.port';
import { LocalS3, startLocalS3 } from '../testing/local-s3';
import { BlobEvidenceVault } from '../vault/blob-evidence-vault';
import { EVIDENCE_VAULT } from '../vault/evidence-vault.port';
import { EvidenceModule } from './evidence.module';

function platformWith(config: AppConfig, storeKind: string) {
  @Global()
  @Module({
    providers: [
      { provide: CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: { kind: storeKind } },
      { provide: SUBJECT_KEY_STORE, useValue: new MemorySubjectKeyStore(new FakeClock('2026-12-01T01:00:00.000Z')) },
    ],
    exports: [CONFIG, EVENT_STORE, SUBJECT_KEY_STORE],
  })
  class FakePlatform {}
  return FakePlatform;
}

async function boot(config: AppConfig, storeKind = 'sqlite') {
  const app = await Test.createTestingModule({ imports: [platformWith(config, storeKind), EvidenceModule] }).compile();
  await app.init();
  return app;
}

describe('EvidenceModule', () => {
  let dir: string;
  let s3: LocalS3;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-module-'));
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps files under DATA_DIR/files by default and offers the vault over them', async () => {
    const app = await boot(testConfig({ dataDir: dir }));
    const blobs = app.get<BlobStore>(BLOB_STORE);
    expect(blobs).toBeInstanceOf(FsBlobStore);
    expect((blobs as FsBlobStore).root).toBe(join(dir, 'files'));
    expect(app.get(EVIDENCE_VAULT)).toBeInstanceOf(BlobEvidenceVault);
    await app.close();
  });

  it('keeps them in memory beside an in-memory log', async () => {
    const app = await boot(testConfig({ dataDir: dir }), 'memory');
    expect(app.get<BlobStore>(BLOB_STORE).kind).toBe('memory');
    await app.close();
  });

  it('uses S3 when S3_BUCKET is set, closes it on shutdown, and refuses to start on a missing bucket', async () => {
    const { bucket, region, endpoint, credentials } = await s3.bucket('bihuan-module');
    const s3Config = { bucket, region, endpoint: endpoint ?? null, credentials: credentials ?? null };
    const app = await boot(testConfig({ dataDir: dir, s3: s3Config }));
    const blobs = app.get<BlobStore>(BLOB_STORE);
    expect(blobs).toBeInstanceOf(S3BlobStore);
    const close = jest.spyOn(blobs, 'close');
    await app.close();
    expect(close).toHaveBeenCalled();
    await expect(boot(testConfig({ dataDir: dir, s3: { ...s3Config, bucket: 'bihuan-nowhere' } }))).rejects.toThrow(
      /S3 bucket "bihuan-nowhere" is not usable/,
    );
  });
});
