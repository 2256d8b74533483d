import { IdempotencyStore, Reservation, ReserveRequest, SealedResponse } from './idempotency-store.port';

interface Entry {
  readonly fingerprintHash: string;
  reservedAt: number;
  expiresAt: number;
  response: SealedResponse | null;
}

/** In one process (tests, a single-process host): a Map; JavaScript's single thread makes `reserve` atomic. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async reserve(r: ReserveRequest): Promise<Reservation> {
    const entry = this.entries.get(r.keyHash);
    const live = entry && entry.expiresAt > r.now && (entry.response !== null || entry.reservedAt >= r.staleBefore);
    if (!entry || !live) {
      this.entries.set(r.keyHash, { fingerprintHash: r.fingerprintHash, reservedAt: r.now, expiresAt: r.expiresAt, response: null });
      return { kind: 'new' };
    }
    if (entry.fingerprintHash !== r.fingerprintHash) return { kind: 'mismatch' };
    return entry.response ? { kind: 'replay', response: { ...entry.response } } : { kind: 'in-progress' };
  }

  async complete(keyHash: string, fingerprintHash: string, response: SealedResponse, expiresAt: number): Promise<void> {
    const entry = this.entries.get(keyHash);
    if (!entry || entry.response || entry.fingerprintHash !== fingerprintHash) return;
    entry.response = { ...response };
    entry.expiresAt = expiresAt;
  }

  async renew(keyHash: string, fingerprintHash: string, now: number): Promise<boolean> {
    const entry = this.entries.get(keyHash);
    if (!entry || entry.response || entry.fingerprintHash !== fingerprintHash) return false;
    entry.reservedAt = now;
    return true;
  }

  async release(keyHash: string, fingerprintHash: string): Promise<void> {
    const entry = this.entries.get(keyHash);
    if (entry && !entry.response && entry.fingerprintHash === fingerprintHash) this.entries.delete(keyHash);
  }

  async purgeExpired(now: number): Promise<number> {
    let purged = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        purged += 1;
      }
    }
    return purged;
  }
}
