import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { IdempotencyStore, Reservation, ReserveRequest, SealedResponse } from './idempotency-store.port';

/** The `idempotency_keys` table (platform migrations): only hashes and sealed answers. */
export type IdempotencyTables = {
  idempotency_keys: {
    key_hash: string;
    fingerprint_hash: string;
    reserved_at: number;
    expires_at: number;
    status: number | null;
    response: string | null;
  };
};

/** A key that keeps vanishing between the steps (released, purged) is retried this often, then reported in progress. */
const ATTEMPTS = 5;

/**
 * Idempotency records in the read-model database (SQLite or PostgreSQL), so several API processes
 * share them. `reserve` never reads before it writes: each step is one statement the engine makes
 * atomic — insert the key unless it exists (unique key), else take over an expired or abandoned
 * entry with an UPDATE whose WHERE says so (on PostgreSQL a concurrent taker waits for the row and
 * re-checks the WHERE; on SQLite statements run one at a time) — and only the loser reads the row
 * to tell replay, in-progress and mismatch apart.
 */
export class TableIdempotencyStore implements IdempotencyStore {
  private readonly db: Kysely<IdempotencyTables>;

  constructor(database: SqlDatabase) {
    this.db = database.db.withTables<IdempotencyTables>();
  }

  async reserve(r: ReserveRequest): Promise<Reservation> {
    const entry = {
      fingerprint_hash: r.fingerprintHash,
      reserved_at: r.now,
      expires_at: r.expiresAt,
      status: null,
      response: null,
    };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const inserted = await this.db
        .insertInto('idempotency_keys')
        .values({ key_hash: r.keyHash, ...entry })
        .onConflict((oc) => oc.column('key_hash').doNothing())
        .returning('key_hash')
        .executeTakeFirst();
      if (inserted) return { kind: 'new' };
      const taken = await this.db
        .updateTable('idempotency_keys')
        .set(entry)
        .where('key_hash', '=', r.keyHash)
        .where((eb) => eb.or([eb('expires_at', '<=', r.now), eb.and([eb('response', 'is', null), eb('reserved_at', '<', r.staleBefore)])]))
        .returning('key_hash')
        .executeTakeFirst();
      if (taken) return { kind: 'new' };
      const row = await this.db
        .selectFrom('idempotency_keys')
        .select(['fingerprint_hash', 'status', 'response'])
        .where('key_hash', '=', r.keyHash)
        .executeTakeFirst();
      if (!row) continue; // released or purged in between: try to take it again
      if (row.fingerprint_hash !== r.fingerprintHash) return { kind: 'mismatch' };
      if (row.response === null || row.status === null) return { kind: 'in-progress' };
      return { kind: 'replay', response: { status: row.status, sealed: row.response } };
    }
    return { kind: 'in-progress' };
  }

  async complete(keyHash: string, fingerprintHash: string, response: SealedResponse, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status: response.status, response: response.sealed, expires_at: expiresAt })
      .where('key_hash', '=', keyHash)
      .where('fingerprint_hash', '=', fingerprintHash)
      .where('response', 'is', null)
      .execute();
  }

  async renew(keyHash: string, fingerprintHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_keys')
      .set({ reserved_at: now })
      .where('key_hash', '=', keyHash)
      .where('fingerprint_hash', '=', fingerprintHash)
      .where('response', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async release(keyHash: string, fingerprintHash: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('key_hash', '=', keyHash)
      .where('fingerprint_hash', '=', fingerprintHash)
      .where('response', 'is', null)
      .execute();
  }

  async purgeExpired(now: number): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
