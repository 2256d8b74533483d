import { Pool } from 'pg';

/** The PostgreSQL schema that holds the log, apart from read models so it can be granted and backed up on its own. */
export const EVENTLOG_SCHEMA = 'eventlog';

/**
 * Advisory lock keys (two-int form, class 0x627568 = "buh"): one for creating the schema, one for
 * handing out positions. Any other process using the same keys would serialize with the log.
 */
export const SCHEMA_LOCK = 'pg_advisory_xact_lock(6452584, 0)';
export const APPEND_LOCK_KEY = '6452584, 1';

/** Channel on which a committing append notifies other processes' subscriptions (LISTEN/NOTIFY). */
export const NOTIFY_CHANNEL = 'bihuan_eventlog';

/**
 * `position` is an identity column: a sequence, so positions are unique and increasing in the order
 * they were *handed out*, but not dense (a rolled-back transaction consumes its values) and not in
 * commit order by themselves. `transaction_id` (the writing transaction's xid8, assigned while it
 * holds the append lock: see postgres-group-commit.ts) is what makes readAll gapless: a reader only
 * takes events whose transaction is older than every transaction still in flight.
 *
 * `data` and `metadata` are `json`, not `jsonb`: json keeps the text exactly as written, so the
 * stored metadata is byte for byte the canonical form that was hashed plus `hash` (as on sqlite),
 * and a `\u0000` in a string, which jsonb refuses, is kept like everywhere else.
 * Text columns compare bytewise (`COLLATE "C"`), as on sqlite: `recorded_at` holds ISO-8601 UTC
 * instants, which sort as text exactly when compared byte by byte.
 * (`schema` other than `eventlog` only for the bench's raw reference tables.)
 * Indexes as on sqlite: `(stream, revision)` UNIQUE for streams and as-of reads, `event_id` UNIQUE
 * for idempotency, `(category, position)` and `(type, position)` for filtered readAll.
 */
export const eventlogSchemaSql = (schema: string = EVENTLOG_SCHEMA): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.events (
  position       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8    NOT NULL DEFAULT pg_current_xact_id(),
  stream         text    COLLATE "C" NOT NULL,
  revision       integer NOT NULL,
  category       text    COLLATE "C" NOT NULL,
  event_id       text    COLLATE "C" NOT NULL,
  type           text    COLLATE "C" NOT NULL,
  data           json    NOT NULL,
  metadata       json    NOT NULL,
  recorded_at    text    COLLATE "C" NOT NULL,
  CONSTRAINT events_event_id UNIQUE (event_id),
  CONSTRAINT events_stream_revision UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_category ON ${schema}.events (category, position);
CREATE INDEX IF NOT EXISTS events_type ON ${schema}.events (type, position);
`;

/**
 * Creates the schema when missing. Several processes starting together would race on
 * `CREATE … IF NOT EXISTS` (the catalog's unique index fails the loser), so it runs in one
 * transaction under an advisory lock: the first creates, the others find it made.
 */
export async function ensureEventlogSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SELECT ${SCHEMA_LOCK}; ${eventlogSchemaSql()} COMMIT;`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
