import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MemoryIdempotencyStore } from './memory-idempotency-store.adapter';

idempotencyStoreContract('memory', async () => ({ store: new MemoryIdempotencyStore(), teardown: async () => undefined }));
