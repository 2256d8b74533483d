import Database from 'better-sqlite3';
import { Role } from '@bihuan/core';
import { chainEntry, verifyAccessChain } from './access-log-chain';
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
import { buildOnNewConnection } from '../sqlite-connection';

export interface SqliteAccessLogOptions {
  /** A path, or an open connection the caller owns (e.g. the main data file's). */
  readonly database: string | Database.Database;
  readonly busyTimeoutMs?: number;
}

/**
 * `access_log` is append-only: triggers abort any UPDATE or DELETE, so application code cannot
 * rewrite history by mistake. Someone with the file can drop the triggers; the SM3 chain and
 * the head row (`access_log_head`) are what make that visible to `verify()`.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS access_log (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  reader_id   TEXT NOT NULL,
  reader_role TEXT NOT NULL,
  reader_unit TEXT NOT NULL,
  action      TEXT NOT NULL,
  subject_id  TEXT,
  case_stream TEXT,
  purpose     TEXT NOT NULL,
  outcome     TEXT NOT NULL,
  prev_hash   TEXT,
  hash        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_log_subject ON access_log (subject_id, seq);
CREATE INDEX IF NOT EXISTS access_log_reader ON access_log (reader_id, seq);
CREATE INDEX IF NOT EXISTS access_log_at ON access_log (at);
CREATE TABLE IF NOT EXISTS access_log_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log
  BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log
  BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END;
`;

interface Row {
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
}

/**
 * AccessLog on SQLite, by default in the main data file beside the read models. Appends run in
 * an IMMEDIATE transaction (read head → chain → insert → move head), so several processes
 * sharing the file still produce one gap-free chain.
 */
export class SqliteAccessLog implements AccessLog {
  private readonly append: (entry: AccessRecord) => AccessLogEntry;

  private constructor(
    private readonly db: Database.Database,
    private readonly owned: boolean,
  ) {
    const head = db.prepare('SELECT seq, hash FROM access_log_head WHERE id = 1');
    const insert = db.prepare(
      `INSERT INTO access_log (seq, at, reader_id, reader_role, reader_unit, action, subject_id, case_stream, purpose, outcome, prev_hash, hash)
       VALUES (@seq, @at, @readerId, @readerRole, @readerUnit, @action, @subjectId, @caseStream, @purpose, @outcome, @prevHash, @hash)`,
    );
    const moveHead = db.prepare(
      'INSERT INTO access_log_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    );
    const tx = db.transaction((record: AccessRecord) => {
      const entry = chainEntry(record, (head.get() as { seq: number; hash: string } | undefined) ?? null);
      insert.run({ ...entry, readerId: entry.reader.id, readerRole: entry.reader.role, readerUnit: entry.reader.unit });
      moveHead.run(entry.seq, entry.hash);
      return entry;
    });
    this.append = (record) => tx.immediate(record);
  }

  static open(options: SqliteAccessLogOptions): SqliteAccessLog {
    if (typeof options.database !== 'string') {
      options.database.exec(SCHEMA_SQL);
      return new SqliteAccessLog(options.database, false);
    }
    return buildOnNewConnection(options.database, options.busyTimeoutMs, (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(SCHEMA_SQL);
      return new SqliteAccessLog(db, true);
    });
  }

  get database(): Database.Database {
    return this.db;
  }

  async record(record: AccessRecord): Promise<AccessLogEntry> {
    assertAccessRecord(record);
    return this.append(record);
  }

  async list(query: AccessLogQuery = {}): Promise<AccessLogEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, value: string | undefined): void => {
      if (value !== undefined) {
        where.push(sql);
        params.push(value);
      }
    };
    add('subject_id = ?', query.subjectId);
    add('reader_id = ?', query.readerId);
    add('action = ?', query.action);
    add('at >= ?', query.from);
    add('at < ?', query.to);
    const { limit, offset } = queryLimit(query);
    const sql = `SELECT * FROM access_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...params, limit, offset) as Row[]).map(toEntry);
  }

  async verify(): Promise<AccessLogVerification> {
    const read = this.db.transaction(() => {
      const head =
        (this.db.prepare('SELECT seq, hash FROM access_log_head WHERE id = 1').get() as { seq: number; hash: string } | undefined) ?? null;
      const rows = this.db.prepare('SELECT * FROM access_log ORDER BY seq').iterate() as IterableIterator<Row>;
      return verifyAccessChain(mapIter(rows, toEntry), head);
    });
    return read();
  }

  async close(): Promise<void> {
    if (this.owned && this.db.open) this.db.close();
  }
}

function* mapIter<A, B>(items: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const item of items) yield f(item);
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
