import { FileChecker } from '@bihuan/audit';
import { EventStore } from '@bihuan/event-store';
import { BlobEvidenceVault, blobStoreFor } from '@bihuan/evidence';
import { AppConfig } from '@bihuan/platform';
import { SubjectKeyStore } from '@bihuan/privacy';

const refuse = (): Promise<never> => Promise.reject(new Error('verify reads no plaintext: it has no personal-data keys'));

/**
 * `verify` only hashes what the blob store holds (a sealed file by its stored, encrypted bytes), so
 * it opens no key store: the vault gets one that refuses every use, and reading plaintext cannot
 * happen by mistake.
 */
const NO_KEYS: SubjectKeyStore = {
  create: refuse,
  get: refuse,
  erase: refuse,
  info: refuse,
  list: refuse,
  stats: refuse,
  close: async () => {},
};

/** The configured blob store (S3 with S3_BUCKET, else `<DATA_DIR>/files`) as `vault.check`, and how to close it. */
export async function openFileChecker(config: AppConfig, store: EventStore): Promise<{ check: FileChecker; close(): Promise<void> }> {
  const blobs = await blobStoreFor(config, store);
  const vault = new BlobEvidenceVault(blobs, NO_KEYS);
  return { check: (file) => vault.check(file), close: () => blobs.close() };
}
