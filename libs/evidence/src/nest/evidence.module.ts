import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { AppConfig, CONFIG, filesDirOf } from '@bihuan/platform';
import { SUBJECT_KEY_STORE, SubjectKeyStore } from '@bihuan/privacy';
import { FsBlobStore } from '../blob-store/adapters/fs-blob-store.adapter';
import { MemoryBlobStore } from '../blob-store/adapters/memory-blob-store.adapter';
import { S3BlobStore } from '../blob-store/adapters/s3-blob-store.adapter';
import { BLOB_STORE, BlobStore } from '../blob-store/blob-store.port';
import { BlobEvidenceVault } from '../vault/blob-evidence-vault';
import { EVIDENCE_VAULT } from '../vault/evidence-vault.port';

/**
 * Where evidence bytes live (docs/operations.md, *Evidence files*): S3 when S3_BUCKET is set (the
 * bucket checked at start, so a wrong name stops the process instead of every file reading as
 * missing); in memory beside an in-memory log (tests, demo), like the privacy keys; else under
 * `<DATA_DIR>/files`.
 */
export async function blobStoreFor(config: AppConfig, store: Pick<EventStore, 'kind'>): Promise<BlobStore> {
  if (config.s3) {
    const s3 = new S3BlobStore(config.s3);
    await s3.assertBucket().catch(async (error: unknown) => {
      await s3.close();
      throw error;
    });
    return s3;
  }
  return store.kind === 'memory' ? new MemoryBlobStore() : new FsBlobStore(filesDirOf(config));
}

/** Closes the blob store (the S3 client's sockets) once requests are done. */
@Injectable()
export class EvidenceLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Evidence');
  constructor(@Inject(BLOB_STORE) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.blobs.close();
    } catch (error) {
      this.logger.error(`Closing the ${this.blobs.kind} blob store failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Global providers BLOB_STORE and EVIDENCE_VAULT. Needs CONFIG and EVENT_STORE (PlatformModule) and
 * SUBJECT_KEY_STORE (PrivacyModule, global, brought by the complaints context) for sealed files.
 */
@Global()
@Module({
  providers: [
    { provide: BLOB_STORE, useFactory: blobStoreFor, inject: [CONFIG, EVENT_STORE] },
    {
      provide: EVIDENCE_VAULT,
      useFactory: (blobs: BlobStore, keys: SubjectKeyStore) => new BlobEvidenceVault(blobs, keys),
      inject: [BLOB_STORE, SUBJECT_KEY_STORE],
    },
    EvidenceLifecycle,
  ],
  exports: [BLOB_STORE, EVIDENCE_VAULT],
})
export class EvidenceModule {}
