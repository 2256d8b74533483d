import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { Actor, Clock, SystemClock } from '@bihuan/core';
import { buildOnNewConnection } from '../sqlite-connection';
import {
  assertSubject,
  clampLimit,
  noNewKeyAfterErasure,
  SUBJECT_KEY_BYTES,
  SubjectErasure,
  SubjectKeyInfo,
  SubjectKeyListOptions,
  SubjectKeyStats,
  SubjectKeyStore,
} from './subject-key-store.port';

/** The key file's default place: beside the log, never inside it (`${DATA_DIR}/keys.sqlite`). */
export function defaultKeyStoreFile(dataDir: string): string {
  return join(dataDir, 'keys.sqlite');
}

export interface SqliteSubjectKeyStoreOptions {
  /** A path (the file is created with mode 0600) or an open connection the caller owns. */
  readonly database: string | Database.Database;
  readonly clock?: Clock;
  /** Wait for another process's write lock (ms, default 5000); only used when opening a path. */
  readonly busyTimeoutMs?: number;
}

/**
 * `key` is NULL once erased; the row stays as the tombstone. No index or copy of `key` exists.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_id    TEXT PRIMARY KEY,
  key           BLOB,
  created_at    TEXT NOT NULL,
  erased_at     TEXT,
  erased_by     TEXT,
  erased_reason TEXT,
  CHECK ((key IS NULL) = (erased_at IS NOT NULL))
) WITHOUT ROWID;
`;

interface Row {
  subject_id: string;
  key: Buffer | null;
  created_at: string;
  erased_at: string | null;
  erased_by: string | null;
  erased_reason: string | null;
}

/**
 * SubjectKeyStore on SQLite. By default its own file (`keys.sqlite`), separate from the event
 * log, because the log is copied, exported and kept forever while keys must be destroyable.
 *
 * Erasure really removes the key bytes from disk: the connection runs with
 * `secure_delete = ON` (SQLite zeroes freed cell space instead of leaving it in the page), a
 * file opened by path uses the rollback journal (`journal_mode = DELETE`, no WAL keeping old
 * pages around), and a WAL connection handed in is checkpointed with TRUNCATE after each erase.
 * Copies elsewhere (backups of this file, disk snapshots) are the operator's concern: see
 * docs/privacy.md, "Backups".
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private constructor(
    private readonly db: Database.Database,
    private readonly owned: boolean,
    private readonly clock: Clock,
  ) {}

  static open(options: SqliteSubjectKeyStoreOptions): SqliteSubjectKeyStore {
    const clock = options.clock ?? new SystemClock();
    if (typeof options.database !== 'string') {
      options.database.pragma('secure_delete = ON');
      options.database.exec(SCHEMA_SQL);
      return new SqliteSubjectKeyStore(options.database, false, clock);
    }
    const file = options.database;
    const fresh = file !== ':memory:' && !existsSync(file);
    return buildOnNewConnection(file, options.busyTimeoutMs, (db) => {
      if (fresh) chmodSync(file, 0o600);
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
      db.exec(SCHEMA_SQL);
      return new SqliteSubjectKeyStore(db, true, clock);
    });
  }

  /** The connection, for tests and admin tooling. */
  get database(): Database.Database {
    return this.db;
  }

  async create(subjectId: string): Promise<void> {
    assertSubject(subjectId);
    const key = randomBytes(SUBJECT_KEY_BYTES);
    const inserted = this.db
      .prepare('INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING')
      .run(subjectId, key, this.clock.now().toISOString());
    key.fill(0);
    if (inserted.changes === 1) return;
    const row = this.row(subjectId);
    if (row?.erased_at) throw noNewKeyAfterErasure(subjectId);
  }

  async get(subjectId: string): Promise<Buffer | 'erased' | null> {
    assertSubject(subjectId);
    const row = this.row(subjectId);
    if (!row) return null;
    return row.key ? Buffer.from(row.key) : 'erased';
  }

  async erase(subjectId: string, erasure: SubjectErasure): Promise<boolean> {
    assertSubject(subjectId);
    const result = this.db
      .prepare(
        `UPDATE subject_keys SET key = NULL, erased_at = ?, erased_by = ?, erased_reason = ?
         WHERE subject_id = ? AND key IS NOT NULL`,
      )
      .run(erasure.at, JSON.stringify(erasure.erasedBy), erasure.reason, subjectId);
    if (result.changes === 0) return false;
    if (String(this.db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    return true;
  }

  async info(subjectId: string): Promise<SubjectKeyInfo | null> {
    assertSubject(subjectId);
    const row = this.row(subjectId);
    return row ? toInfo(row) : null;
  }

  async list(options: SubjectKeyListOptions = {}): Promise<SubjectKeyInfo[]> {
    const where =
      options.status === 'active' ? 'WHERE erased_at IS NULL' : options.status === 'erased' ? 'WHERE erased_at IS NOT NULL' : '';
    const rows = this.db
      .prepare(
        `SELECT subject_id, NULL AS key, created_at, erased_at, erased_by, erased_reason FROM subject_keys ${where} ORDER BY subject_id LIMIT ? OFFSET ?`,
      )
      .all(clampLimit(options.limit), Math.max(0, Math.floor(options.offset ?? 0))) as Row[];
    return rows.map(toInfo);
  }

  async stats(): Promise<SubjectKeyStats> {
    const row = this.db
      .prepare('SELECT SUM(erased_at IS NULL) AS active, SUM(erased_at IS NOT NULL) AS erased FROM subject_keys')
      .get() as { active: number | null; erased: number | null };
    return { active: row.active ?? 0, erased: row.erased ?? 0 };
  }

  async close(): Promise<void> {
    if (this.owned && this.db.open) this.db.close();
  }

  private row(subjectId: string): Row | undefined {
    return this.db.prepare('SELECT * FROM subject_keys WHERE subject_id = ?').get(subjectId) as Row | undefined;
  }
}

function toInfo(row: Row): SubjectKeyInfo {
  if (row.erased_at === null) return { subjectId: row.subject_id, status: 'active', createdAt: row.created_at };
  return {
    subjectId: row.subject_id,
    status: 'erased',
    createdAt: row.created_at,
    erasure: { erasedBy: JSON.parse(row.erased_by ?? 'null') as Actor, reason: row.erased_reason ?? '', at: row.erased_at },
  };
}
