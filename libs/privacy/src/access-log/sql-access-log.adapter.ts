import { Kysely } from 'kysely';
import { Role } from '@bihuan/core';
import { limitOf, SqlDatabase } from '@bihuan/database';
import { AccessChainWalk, chainEntry } from './access-log-chain';
import {
  AccessAction,
  AccessLog,
  AccessLogEntry,
  AccessLogQuery,
  AccessLogVerification,
  AccessOutcome,
  AccessRecord,
} from './access-log.port';
import { queryLimit } from './access-log-query';
import { assertAccessRecord } from './access-record.validation';

/** The access log's tables (ACCESS_LOG_MIGRATIONS), as Kysely sees them. */
export type AccessLogTables = {
  access_log: {
    seq: number;
    at: string;
    reader_id: string;
    reader_role: string;
    reader_unit: string;
    action: string;
    subject_id: string | null;
    case_stream: string | null;
    purpose: string;
    outcome: string;
    prev_hash: string | null;
    hash: string;
  };
  access_log_head: { id: number; seq: number; hash: string };
};

type Row = AccessLogTables['access_log'];

/** Head row of an empty log while an append holds it (seq 0: no entry yet). */
const EMPTY = { seq: 0, hash: '' };

/** Rows read per round trip by `verify`. */
const PAGE = 1000;

/**
 * Locks the head row for the append's transaction and answers it (null for an empty log). A write
 * first, as `lockCheckpoint` does: on SQLite the transaction takes the file's write lock before it
 * reads, so another process cannot slip an entry in between; on PostgreSQL a concurrent append
 * waits on the row until the first commits, then sees its head. Either way appends from several
 * processes form one gap-free chain.
 */
async function lockHead(trx: Kysely<AccessLogTables>): Promise<{ seq: number; hash: string } | null> {
  const head = await trx
    .insertInto('access_log_head')
    .values({ id: 1, ...EMPTY })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: (eb) => eb.ref('access_log_head.seq') }))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return head.seq === EMPTY.seq ? null : head;
}

function toRow(entry: AccessLogEntry): Row {
  return {
    seq: entry.seq,
    at: entry.at,
    reader_id: entry.reader.id,
    reader_role: entry.reader.role,
    reader_unit: entry.reader.unit,
    action: entry.action,
    subject_id: entry.subjectId,
    case_stream: entry.caseStream,
    purpose: entry.purpose,
    outcome: entry.outcome,
    prev_hash: entry.prevHash,
    hash: entry.hash,
  };
}

function toEntry(row: Row): AccessLogEntry {
  return {
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    at: row.at,
    reader: { id: row.reader_id, role: row.reader_role as Role, unit: row.reader_unit },
    action: row.action as AccessAction,
    subjectId: row.subject_id,
    caseStream: row.case_stream,
    purpose: row.purpose,
    outcome: row.outcome as AccessOutcome,
  };
}

/**
 * AccessLog in the read-model database (SQLite in the data directory, or PostgreSQL), whose owner
 * migrated it with ACCESS_LOG_MIGRATIONS and closes it: `close()` leaves it open. Each append is
 * one transaction: lock head → chain → insert → move head. The table is append-only (triggers).
 */
export class SqlAccessLog implements AccessLog {
  private readonly db: Kysely<AccessLogTables>;

  constructor(readonly database: SqlDatabase) {
    this.db = database.db.withTables<AccessLogTables>();
  }

  async record(record: AccessRecord): Promise<AccessLogEntry> {
    assertAccessRecord(record);
    return this.db.transaction().execute(async (trx) => {
      const entry = chainEntry(record, await lockHead(trx));
      await trx.insertInto('access_log').values(toRow(entry)).execute();
      await trx.updateTable('access_log_head').set({ seq: entry.seq, hash: entry.hash }).where('id', '=', 1).execute();
      return entry;
    });
  }

  async list(query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    let select = this.db.selectFrom('access_log').selectAll();
    if (query.subjectId !== undefined) select = select.where('subject_id', '=', query.subjectId);
    if (query.readerId !== undefined) select = select.where('reader_id', '=', query.readerId);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    if (query.from !== undefined) select = select.where('at', '>=', query.from);
    if (query.to !== undefined) select = select.where('at', '<', query.to);
    const { limit, offset } = queryLimit(query);
    return (await select.orderBy('seq').limit(limitOf(limit)).offset(offset).execute()).map(toEntry);
  }

  /**
   * Walks the whole chain page by page in one snapshot (REPEATABLE READ on PostgreSQL; a SQLite
   * read transaction is one already), so an append committed meanwhile cannot look like a cut tail.
   */
  async verify(): Promise<AccessLogVerification> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const row = await trx.selectFrom('access_log_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
        const head = row && row.seq !== EMPTY.seq ? row : null;
        const walk = new AccessChainWalk();
        for (let after = 0; ;) {
          const rows = await trx
            .selectFrom('access_log')
            .selectAll()
            .where('seq', '>', after)
            .orderBy('seq')
            .limit(limitOf(PAGE))
            .execute();
          for (const r of rows) {
            const broken = walk.next(toEntry(r));
            if (broken) return broken;
          }
          if (rows.length < PAGE) return walk.end(head);
          after = rows[rows.length - 1]!.seq;
        }
      });
  }

  /** The database is its owner's to close. */
  async close(): Promise<void> {
    // nothing of its own to release
  }
}
