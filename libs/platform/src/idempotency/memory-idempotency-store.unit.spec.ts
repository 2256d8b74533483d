import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { MemoryIdempotencyStore } from './memory-idempotency-store.adapter';

idempotencyStoreContract('memory', async () => ({ store: new MemoryIdempotencyStore(), teardown: async () => undefined }));

describe('MemoryIdempotencyStore (what only the memory adapter promises)', () => {
  const T0 = Date.parse('2025-03-03T01:00:00.000Z');
  const request = { keyHash: 'k1', fingerprintHash: 'f1', now: T0, expiresAt: T0 + 60_000, staleBefore: T0 - 60_000 };

  it('keeps keys per instance: a second process (another instance) does not see the first one’s keys', async () => {
    const first = new MemoryIdempotencyStore();
    const second = new MemoryIdempotencyStore();
    await first.reserve(request);
    await first.complete('k1', 'f1', { status: 201, sealed: 'YQ==' }, T0 + 60_000);
    expect(await second.reserve(request)).toEqual({ kind: 'new' });
    expect(await first.reserve(request)).toEqual({ kind: 'replay', response: { status: 201, sealed: 'YQ==' } });
  });

  it('hands out copies of a stored answer, so a caller changing one cannot change the next replay', async () => {
    const store = new MemoryIdempotencyStore();
    await store.reserve(request);
    await store.complete('k1', 'f1', { status: 201, sealed: 'YQ==' }, T0 + 60_000);
    const replay = await store.reserve(request);
    if (replay.kind !== 'replay') throw new Error(`expected a replay, got ${replay.kind}`);
    (replay.response as { status: number }).status = 500;
    expect(await store.reserve(request)).toEqual({ kind: 'replay', response: { status: 201, sealed: 'YQ==' } });
  });
});
