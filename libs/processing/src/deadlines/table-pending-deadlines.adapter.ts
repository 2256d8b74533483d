import { Kysely } from 'kysely';
import { limitOf, SqlDatabase } from '@bihuan/database';
import { byDue, PendingDeadline, PendingDeadlinesStore } from './pending-deadlines';

/** The `pending_deadlines` table (processing migrations); reminder lists as JSON text. */
export type PendingDeadlineTables = {
  pending_deadlines: {
    stream: string;
    deadline_id: string;
    purpose: string;
    status: 'pending' | 'paused';
    due_at: string;
    warn_at: string;
    warned: string;
    calendar_version: string;
    correlation_id: string;
    causation_id: string;
  };
};

type Row = PendingDeadlineTables['pending_deadlines'];

/**
 * The pending-deadlines read model in the read-model database (SQLite or PostgreSQL), on the
 * handle it is given: the projection's batch transaction when writing (`on(trx)`), the database
 * itself when the reconciler, the re-arm or the calendar outlook read it.
 */
export class TablePendingDeadlines implements PendingDeadlinesStore {
  private constructor(private readonly db: Kysely<PendingDeadlineTables>) {}

  /** On a transaction (or any Kysely handle) whose tables include `pending_deadlines`. */
  static on(db: Kysely<PendingDeadlineTables>): TablePendingDeadlines {
    return new TablePendingDeadlines(db);
  }

  static of(database: SqlDatabase): TablePendingDeadlines {
    return new TablePendingDeadlines(database.db.withTables<PendingDeadlineTables>());
  }

  async get(stream: string, deadlineId: string): Promise<PendingDeadline | null> {
    const row = await this.db
      .selectFrom('pending_deadlines')
      .selectAll()
      .where('stream', '=', stream)
      .where('deadline_id', '=', deadlineId)
      .executeTakeFirst();
    return row ? toPending(row) : null;
  }

  async put(p: PendingDeadline): Promise<void> {
    const row = toRow(p);
    await this.db
      .insertInto('pending_deadlines')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['stream', 'deadline_id']).doUpdateSet({
          purpose: row.purpose,
          status: row.status,
          due_at: row.due_at,
          warn_at: row.warn_at,
          warned: row.warned,
          calendar_version: row.calendar_version,
          correlation_id: row.correlation_id,
          causation_id: row.causation_id,
        }),
      )
      .execute();
  }

  async remove(stream: string, deadlineId: string): Promise<void> {
    await this.db.deleteFrom('pending_deadlines').where('stream', '=', stream).where('deadline_id', '=', deadlineId).execute();
  }

  async list(): Promise<PendingDeadline[]> {
    const rows = await this.db.selectFrom('pending_deadlines').selectAll().orderBy('due_at').execute();
    return rows.map(toPending).sort(byDue);
  }

  /**
   * The pending and paused rows whose due date was computed on a provisional calendar year (their
   * version carries `+provisional:`), soonest due first: the first `limit` and how many there are.
   * What an admin checks before importing next year's calendar (GET /admin/calendar/provisional-deadlines).
   */
  async provisional(limit: number): Promise<{ count: number; first: PendingDeadline[] }> {
    const marked = '%+provisional:%';
    const [rows, total] = await Promise.all([
      this.db
        .selectFrom('pending_deadlines')
        .selectAll()
        .where('calendar_version', 'like', marked)
        .orderBy('due_at')
        .orderBy('stream')
        .orderBy('deadline_id')
        .limit(limitOf(limit))
        .execute(),
      this.db
        .selectFrom('pending_deadlines')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('calendar_version', 'like', marked)
        .executeTakeFirstOrThrow(),
    ]);
    return { count: Number(total.count), first: rows.map(toPending).sort(byDue) };
  }

  /** Calendar versions of the pending and paused rows with their count (the calendar outlook). */
  async versionCounts(): Promise<{ calendarVersion: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('pending_deadlines')
      .select((eb) => ['calendar_version', eb.fn.countAll<number>().as('count')])
      .groupBy('calendar_version')
      .orderBy('calendar_version')
      .execute();
    return rows.map((r) => ({ calendarVersion: r.calendar_version, count: Number(r.count) }));
  }
}

function toRow(p: PendingDeadline): Row {
  return {
    stream: p.stream,
    deadline_id: p.deadlineId,
    purpose: p.purpose,
    status: p.status,
    due_at: p.dueAt,
    warn_at: JSON.stringify(p.warnAt),
    warned: JSON.stringify(p.warned),
    calendar_version: p.calendarVersion,
    correlation_id: p.correlationId,
    causation_id: p.causationId,
  };
}

function toPending(row: Row): PendingDeadline {
  return {
    stream: row.stream,
    deadlineId: row.deadline_id,
    purpose: row.purpose,
    status: row.status,
    dueAt: row.due_at,
    warnAt: JSON.parse(row.warn_at) as string[],
    warned: JSON.parse(row.warned) as string[],
    calendarVersion: row.calendar_version,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  };
}
