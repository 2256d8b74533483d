import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import { Actor, Clock, SystemClock } from '@bihuan/core';
import { limitOf, SqlDatabase } from '@bihuan/database';
import { openPrivacyDatabase, PrivacyDatabaseOptions } from './privacy-database';
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

/** The `subject_keys` table (PRIVACY_MIGRATIONS), as Kysely sees it. */
export type SubjectKeyTables = {
  subject_keys: {
    subject_id: string;
    key: Buffer | null;
    created_at: string;
    erased_at: string | null;
    erased_by: string | null;
    erased_reason: string | null;
  };
};

type Row = Omit<SubjectKeyTables['subject_keys'], 'key'>;

/**
 * What it takes for an erased key to leave the disk, which only SQLite lets us do from here:
 * `secure_delete` zeroes freed cell space, and a WAL file is checkpointed and truncated after
 * each erase so the old page does not linger in it. PostgreSQL keeps the old row version until
 * VACUUM and its WAL until recycled (docs/privacy.md says what the operator does about it).
 */
const sqliteShredding = {
  enable(database: SqlDatabase): void {
    database.sqlite?.pragma('secure_delete = ON');
  },
  afterErase(database: SqlDatabase): void {
    const raw = database.sqlite;
    if (raw && String(raw.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') raw.pragma('wal_checkpoint(TRUNCATE)');
  },
};

/**
 * SubjectKeyStore on the privacy database (SqlDatabase): `keys.sqlite` in the data directory or
 * schema `privacy` on PostgreSQL (`open`), or a database the caller migrated with
 * PRIVACY_MIGRATIONS and closes itself (the constructor). Separate from the event log, because the
 * log is copied, exported and kept forever while keys must be destroyable. Copies elsewhere
 * (backups, disk snapshots) are the operator's concern: see docs/privacy.md, "Backups".
 */
export class SqlSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Kysely<SubjectKeyTables>;

  constructor(
    readonly database: SqlDatabase,
    private readonly clock: Clock = new SystemClock(),
    private readonly owned = false,
  ) {
    this.db = database.db.withTables<SubjectKeyTables>();
    sqliteShredding.enable(database);
  }

  /** Opens (and migrates) the privacy database for this store alone; `close()` closes it. */
  static async open(options: PrivacyDatabaseOptions & { readonly clock?: Clock }): Promise<SqlSubjectKeyStore> {
    return new SqlSubjectKeyStore(await openPrivacyDatabase(options), options.clock, true);
  }

  async create(subjectId: string): Promise<void> {
    assertSubject(subjectId);
    const key = randomBytes(SUBJECT_KEY_BYTES);
    try {
      const inserted = await this.db
        .insertInto('subject_keys')
        .values({ subject_id: subjectId, key, created_at: this.clock.now().toISOString() })
        .onConflict((oc) => oc.column('subject_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return;
    } finally {
      key.fill(0);
    }
    const row = await this.row(subjectId);
    if (row?.erased_at) throw noNewKeyAfterErasure(subjectId);
  }

  async get(subjectId: string): Promise<Buffer | 'erased' | null> {
    assertSubject(subjectId);
    const row = await this.db.selectFrom('subject_keys').select('key').where('subject_id', '=', subjectId).executeTakeFirst();
    if (!row) return null;
    return row.key ? Buffer.from(row.key) : 'erased';
  }

  async erase(subjectId: string, erasure: SubjectErasure): Promise<boolean> {
    assertSubject(subjectId);
    const result = await this.db
      .updateTable('subject_keys')
      .set({ key: null, erased_at: erasure.at, erased_by: JSON.stringify(erasure.erasedBy), erased_reason: erasure.reason })
      .where('subject_id', '=', subjectId)
      .where('key', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    sqliteShredding.afterErase(this.database);
    return true;
  }

  async info(subjectId: string): Promise<SubjectKeyInfo | null> {
    assertSubject(subjectId);
    const row = await this.row(subjectId);
    return row ? toInfo(row) : null;
  }

  async list(options: SubjectKeyListOptions = {}): Promise<SubjectKeyInfo[]> {
    let query = this.db.selectFrom('subject_keys').select(['subject_id', 'created_at', 'erased_at', 'erased_by', 'erased_reason']);
    if (options.status === 'active') query = query.where('erased_at', 'is', null);
    if (options.status === 'erased') query = query.where('erased_at', 'is not', null);
    const rows = await query
      .orderBy('subject_id')
      .limit(limitOf(clampLimit(options.limit)))
      .offset(Math.max(0, Math.floor(options.offset ?? 0)))
      .execute();
    return rows.map(toInfo);
  }

  async stats(): Promise<SubjectKeyStats> {
    const row = await this.db
      .selectFrom('subject_keys')
      .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('erased_at').as('erased')])
      .executeTakeFirstOrThrow();
    return { active: row.all - row.erased, erased: row.erased };
  }

  async close(): Promise<void> {
    if (this.owned) await this.database.close();
  }

  private row(subjectId: string): Promise<Row | undefined> {
    return this.db
      .selectFrom('subject_keys')
      .select(['subject_id', 'created_at', 'erased_at', 'erased_by', 'erased_reason'])
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
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
