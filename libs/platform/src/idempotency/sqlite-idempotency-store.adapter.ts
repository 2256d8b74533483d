import Database from 'better-sqlite3';
import { IdempotencyStore, Reservation, ReserveRequest, SealedResponse } from './idempotency-store.port';

interface Row {
  readonly fingerprint_hash: string;
  readonly reserved_at: number;
  readonly expires_at: number;
  readonly status: number | null;
  readonly response: string | null;
}

/**
 * On the read-model connection (READ_MODEL_DB). `reserve` runs in a BEGIN IMMEDIATE transaction,
 * so it is atomic also between processes sharing the file. Only hashes and sealed answers are kept.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly reserveTx: (r: ReserveRequest) => Reservation;

  private constructor(private readonly db: Database.Database) {
    const find = db.prepare<[string], Row>(
      'SELECT fingerprint_hash, reserved_at, expires_at, status, response FROM idempotency_keys WHERE key_hash = ?',
    );
    const put = db.prepare(
      'INSERT OR REPLACE INTO idempotency_keys (key_hash, fingerprint_hash, reserved_at, expires_at, status, response) VALUES (?, ?, ?, ?, NULL, NULL)',
    );
    this.reserveTx = db.transaction((r: ReserveRequest): Reservation => {
      const row = find.get(r.keyHash);
      const live = row && row.expires_at > r.now && (row.response !== null || row.reserved_at >= r.staleBefore);
      if (!row || !live) {
        put.run(r.keyHash, r.fingerprintHash, r.now, r.expiresAt);
        return { kind: 'new' };
      }
      if (row.fingerprint_hash !== r.fingerprintHash) return { kind: 'mismatch' };
      if (row.response === null || row.status === null) return { kind: 'in-progress' };
      return { kind: 'replay', response: { status: row.status, sealed: row.response } };
    }).immediate as (r: ReserveRequest) => Reservation;
  }

  /** Creates the table if needed on a connection the caller owns and closes. */
  static open(db: Database.Database): SqliteIdempotencyStore {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      key_hash TEXT PRIMARY KEY,
      fingerprint_hash TEXT NOT NULL,
      reserved_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      status INTEGER,
      response TEXT
    )`);
    db.exec('CREATE INDEX IF NOT EXISTS idempotency_keys_expiry ON idempotency_keys (expires_at)');
    return new SqliteIdempotencyStore(db);
  }

  async reserve(request: ReserveRequest): Promise<Reservation> {
    return this.reserveTx(request);
  }

  async complete(keyHash: string, fingerprintHash: string, response: SealedResponse, expiresAt: number): Promise<void> {
    this.db
      .prepare(
        'UPDATE idempotency_keys SET status = ?, response = ?, expires_at = ? WHERE key_hash = ? AND fingerprint_hash = ? AND response IS NULL',
      )
      .run(response.status, response.sealed, expiresAt, keyHash, fingerprintHash);
  }

  async release(keyHash: string, fingerprintHash: string): Promise<void> {
    this.db
      .prepare('DELETE FROM idempotency_keys WHERE key_hash = ? AND fingerprint_hash = ? AND response IS NULL')
      .run(keyHash, fingerprintHash);
  }

  async purgeExpired(now: number): Promise<number> {
    return this.db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes;
  }
}
