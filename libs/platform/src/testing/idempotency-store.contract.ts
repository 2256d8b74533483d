import { IdempotencyStore, ReserveRequest } from '../idempotency/idempotency-store.port';

/** What an adapter's spec hands the contract for each test. */
export interface IdempotencyStoreHarness {
  readonly store: IdempotencyStore;
  teardown(): Promise<void>;
}

const T0 = Date.parse('2025-03-03T01:00:00.000Z');
const HOUR = 3_600_000;
const req = (over: Partial<ReserveRequest> = {}): ReserveRequest => ({
  keyHash: 'k1',
  fingerprintHash: 'f1',
  now: T0,
  expiresAt: T0 + 24 * HOUR,
  staleBefore: T0 - 5 * 60_000,
  ...over,
});
const answer = { status: 201, sealed: 'c2VhbGVk' };

/**
 * The suite every IdempotencyStore adapter passes (architecture.md, rule 6). Not exported from
 * the lib's index: only spec files import it.
 */
export function idempotencyStoreContract(name: string, setup: () => Promise<IdempotencyStoreHarness>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let h: IdempotencyStoreHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h?.teardown();
    });

    it('gives a fresh key to the first caller; the same request meanwhile is in progress, another is a mismatch', async () => {
      expect(await h.store.reserve(req())).toEqual({ kind: 'new' });
      expect(await h.store.reserve(req())).toEqual({ kind: 'in-progress' });
      expect(await h.store.reserve(req({ fingerprintHash: 'f2' }))).toEqual({ kind: 'mismatch' });
      expect(await h.store.reserve(req({ keyHash: 'k2' }))).toEqual({ kind: 'new' });
    });

    it('replays a completed answer to the same request and refuses another', async () => {
      await h.store.reserve(req());
      await h.store.complete('k1', 'f1', answer, T0 + 24 * HOUR);
      expect(await h.store.reserve(req({ now: T0 + HOUR }))).toEqual({ kind: 'replay', response: answer });
      expect(await h.store.reserve(req({ now: T0 + HOUR, fingerprintHash: 'f2' }))).toEqual({ kind: 'mismatch' });
    });

    it('of concurrent reservations of one key exactly one is new', async () => {
      const results = await Promise.all(Array.from({ length: 25 }, () => h.store.reserve(req())));
      expect(results.filter((r) => r.kind === 'new')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'in-progress')).toHaveLength(24);
    });

    it('release frees an unfinished key for a corrected retry, but never forgets a finished answer', async () => {
      await h.store.reserve(req());
      await h.store.release('k1', 'f1');
      expect(await h.store.reserve(req({ fingerprintHash: 'f2' }))).toEqual({ kind: 'new' });
      await h.store.release('k1', 'f1'); // another fingerprint's release does nothing
      expect(await h.store.reserve(req({ fingerprintHash: 'f2' }))).toEqual({ kind: 'in-progress' });
      await h.store.complete('k1', 'f2', answer, T0 + HOUR);
      await h.store.release('k1', 'f2');
      expect(await h.store.reserve(req({ fingerprintHash: 'f2' }))).toEqual({ kind: 'replay', response: answer });
    });

    it('complete acts only on the matching unfinished reservation', async () => {
      await h.store.complete('k1', 'f1', answer, T0 + HOUR); // nothing reserved
      expect(await h.store.reserve(req())).toEqual({ kind: 'new' });
      await h.store.complete('k1', 'f2', answer, T0 + HOUR);
      expect(await h.store.reserve(req())).toEqual({ kind: 'in-progress' });
      await h.store.complete('k1', 'f1', answer, T0 + HOUR);
      await h.store.complete('k1', 'f1', { status: 500, sealed: 'b3RoZXI=' }, T0 + HOUR);
      expect(await h.store.reserve(req())).toEqual({ kind: 'replay', response: answer });
    });

    it('forgets a key when it expires, and purges expired entries', async () => {
      await h.store.reserve(req());
      await h.store.complete('k1', 'f1', answer, T0 + HOUR);
      await h.store.reserve(req({ keyHash: 'k2', expiresAt: T0 + 2 * HOUR }));
      expect(await h.store.reserve(req({ now: T0 + HOUR, fingerprintHash: 'f2', expiresAt: T0 + 3 * HOUR }))).toEqual({ kind: 'new' });
      expect(await h.store.purgeExpired(T0 + 2 * HOUR)).toBe(1); // k2 only: k1 was retaken
      expect(await h.store.reserve(req({ keyHash: 'k2', now: T0 + 2 * HOUR, staleBefore: T0 }))).toEqual({ kind: 'new' });
      expect(await h.store.purgeExpired(T0 + 100 * HOUR)).toBe(2);
    });

    it('renew moves the lease of the matching unfinished reservation only', async () => {
      await h.store.reserve(req());
      expect(await h.store.renew('k1', 'f1', T0 + 60_000)).toBe(true);
      // Stale before T0 + 1: abandoned had it not been renewed at T0 + 60 s.
      expect(await h.store.reserve(req({ now: T0 + 61_000, staleBefore: T0 + 1 }))).toEqual({ kind: 'in-progress' });
      expect(await h.store.reserve(req({ now: T0 + 61_000, staleBefore: T0 + 60_001, fingerprintHash: 'f2' }))).toEqual({ kind: 'new' });
      expect(await h.store.renew('k1', 'f1', T0 + 62_000)).toBe(false); // retaken by f2: not f1's any more
      expect(await h.store.renew('k2', 'f1', T0 + 62_000)).toBe(false); // never reserved
      await h.store.complete('k1', 'f2', answer, T0 + HOUR);
      expect(await h.store.renew('k1', 'f2', T0 + 63_000)).toBe(false); // finished
      expect(await h.store.reserve(req({ now: T0 + 63_000, fingerprintHash: 'f2' }))).toEqual({ kind: 'replay', response: answer });
    });

    it('renew after release does not bring the reservation back', async () => {
      await h.store.reserve(req());
      await h.store.release('k1', 'f1');
      expect(await h.store.renew('k1', 'f1', T0 + 1_000)).toBe(false);
      expect(await h.store.reserve(req({ now: T0 + 1_000, fingerprintHash: 'f2' }))).toEqual({ kind: 'new' });
    });

    it('lets an abandoned unfinished reservation be retaken after its lease', async () => {
      await h.store.reserve(req());
      expect(await h.store.reserve(req({ now: T0 + 60_000, staleBefore: T0 - 1 }))).toEqual({ kind: 'in-progress' });
      expect(await h.store.reserve(req({ now: T0 + 10 * 60_000, staleBefore: T0 + 1, fingerprintHash: 'f2' }))).toEqual({ kind: 'new' });
    });
  });
}
