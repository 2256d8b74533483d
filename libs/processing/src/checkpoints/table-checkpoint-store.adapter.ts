import { Kysely } from 'kysely';
import { reusableQuery, SqlDatabase } from '@bihuan/database';
import { CheckpointStore } from './checkpoint-store.port';

/** The `checkpoints` table (processing migrations), as Kysely sees it (a type, not an interface: Kysely wants an index signature). */
export type CheckpointTables = {
  checkpoints: { name: string; position: number };
};

/** Stored for "nothing handled yet" while a batch holds the row: positions start at 0. */
const NONE = -1;

/**
 * Locks the projection's checkpoint row for the caller's transaction and answers its position. A
 * write first, so that on SQLite the transaction takes the write lock before it reads (a deferred
 * transaction that reads and then writes after another process committed fails with
 * SQLITE_BUSY, which the busy timeout does not cure), and on PostgreSQL a second worker running
 * the same projection waits here until the first commits, then sees its checkpoint: the rows of
 * an event are never written twice.
 */
export async function lockCheckpoint(trx: Kysely<CheckpointTables>, name: string): Promise<number | null> {
  const [row] = await lockCheckpointRow(trx, name);
  if (!row) throw new Error(`The checkpoint of ${name} answered no row`);
  return row.position === NONE ? null : row.position;
}

// Built once (reusableQuery): every batch of every projection runs both.
const lockCheckpointRow = reusableQuery((trx: Kysely<CheckpointTables>, name: string) =>
  trx
    .insertInto('checkpoints')
    .values({ name, position: NONE })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: (eb) => eb.ref('checkpoints.position') }))
    .returning('position'),
);

const saveCheckpointRow = reusableQuery((trx: Kysely<CheckpointTables>, name: string, position: number) =>
  trx.updateTable('checkpoints').set({ position }).where('name', '=', name),
);

const advanceCheckpointRow = reusableQuery((db: Kysely<CheckpointTables>, name: string, position: number) =>
  db
    .insertInto('checkpoints')
    .values({ name, position })
    .onConflict((oc) => oc.column('name').doUpdateSet({ position }).where('checkpoints.position', '<', position)),
);

/** Saves inside the caller's transaction (after lockCheckpoint). */
export async function saveCheckpoint(trx: Kysely<CheckpointTables>, name: string, position: number): Promise<void> {
  await saveCheckpointRow(trx, name, position);
}

/**
 * Moves the checkpoint forward to `position` in one statement, outside any transaction: for a
 * batch whose events write no rows, where there is nothing for the checkpoint to agree with, so
 * neither a transaction nor the row lock is needed. Never moves it back (another worker, or a
 * rebuild swapped in, may be further on).
 */
export async function advanceCheckpoint(db: Kysely<CheckpointTables>, name: string, position: number): Promise<void> {
  await advanceCheckpointRow(db, name, position);
}

/**
 * Checkpoints in the `checkpoints` table of a read-model database (SQLite or PostgreSQL). A
 * TableProjection saves its checkpoint in the same transaction as its rows, so the two can never
 * disagree after a crash; runners whose work lives elsewhere save through `save`.
 */
export class TableCheckpointStore implements CheckpointStore {
  private readonly db: Kysely<CheckpointTables>;

  constructor(readonly database: SqlDatabase) {
    this.db = database.db.withTables<CheckpointTables>();
  }

  async load(name: string): Promise<number | null> {
    const row = await this.db.selectFrom('checkpoints').select('position').where('name', '=', name).executeTakeFirst();
    return row === undefined || row.position === NONE ? null : row.position;
  }

  /** Every checkpoint by name (admin views, lag gauges). */
  async all(): Promise<Map<string, number>> {
    const rows = await this.db.selectFrom('checkpoints').select(['name', 'position']).where('position', '>', NONE).execute();
    return new Map(rows.map((r) => [r.name, r.position]));
  }

  async save(name: string, position: number): Promise<void> {
    await this.db
      .insertInto('checkpoints')
      .values({ name, position })
      .onConflict((oc) => oc.column('name').doUpdateSet({ position }))
      .execute();
  }

  async delete(name: string): Promise<void> {
    await this.db.deleteFrom('checkpoints').where('name', '=', name).execute();
  }
}
