import { blobStoreContract } from '../../testing/blob-store.contract';
import { MemoryBlobStore } from './memory-blob-store.adapter';

blobStoreContract('memory', async () => {
  const store = new MemoryBlobStore();
  return { store, teardown: () => store.close() };
});
