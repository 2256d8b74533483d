import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CommandRouter } from '@bihuan/processing';
import { FAULT_CATEGORY, faultCaseDecider } from './fault-case.decider';

/** Opens `count` fault cases whose deadlines fall due at `firstDueMs` + i·`stepMs`, through handleCommand. */
export async function openCases(
  store: SqliteEventStore,
  count: number,
  firstDueMs: number,
  stepMs: number,
  prefix = 'c',
): Promise<string[]> {
  const router = new CommandRouter(store);
  router.register(FAULT_CATEGORY, faultCaseDecider);
  const streams = Array.from({ length: count }, (_, i) => `${FAULT_CATEGORY}-${prefix}${i}`);
  await Promise.all(
    streams.map((stream, i) =>
      router.send(stream, {
        type: 'OpenCase',
        data: { dueAt: new Date(firstDueMs + i * stepMs).toISOString() },
        metadata: {
          commandId: `open-${stream}`,
          correlationId: stream,
          causationId: null,
          actor: SYSTEM_ACTOR,
          now: new Date().toISOString(),
        },
      }),
    ),
  );
  return streams;
}

/** Reads the log file directly (another connection, as an auditor would). */
export class FaultLog {
  private readonly db: Database.Database;
  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** DeadlineExpired count per fault stream. */
  expiredPerStream(): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT stream, COUNT(*) AS n FROM events WHERE category = ? AND type = 'DeadlineExpired' GROUP BY stream`)
      .all(FAULT_CATEGORY) as { stream: string; n: number }[];
    return new Map(rows.map((r) => [r.stream, r.n]));
  }

  expiredCount(): number {
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE category = ? AND type = 'DeadlineExpired'`).get(FAULT_CATEGORY) as {
        n: number;
      }
    ).n;
  }

  /** Streams whose DeadlineExpired names a dueAt other than the one set (would be a wrong effect). */
  mismatchedDueAt(): number {
    return (
      this.db
        .prepare(
          `SELECT COUNT(*) AS n FROM events e JOIN events s ON s.stream = e.stream AND s.type = 'DeadlineSet'
           WHERE e.category = ? AND e.type = 'DeadlineExpired' AND json_extract(e.data, '$.dueAt') <> json_extract(s.data, '$.dueAt')`,
        )
        .get(FAULT_CATEGORY) as { n: number }
    ).n;
  }

  /**
   * The timers table at a glance, for a run that stalls: per state (free, leased by a live lease,
   * a lapsed lease, parked) how many rows, how many of them due, their most attempts and an error.
   */
  timersState(now = Date.now()): string {
    try {
      const rows = this.db
        .prepare(
          `SELECT CASE WHEN due_at IS NULL THEN 'parked' WHEN lease_owner IS NULL THEN 'free'
                       WHEN lease_until >= @now THEN 'leased by ' || lease_owner ELSE 'lapsed lease of ' || lease_owner END AS state,
                  COUNT(*) AS n, SUM(due_at <= @now) AS due, MAX(attempt) AS attempts, MAX(last_error) AS error
           FROM timers GROUP BY state`,
        )
        .all({ now }) as { state: string; n: number; due: number; attempts: number; error: string | null }[];
      return rows.map((r) => `${r.state}: ${r.n} (${r.due} due, up to ${r.attempts} attempts${r.error ? `, ${r.error}` : ''})`).join('; ');
    } catch (error) {
      return `timers unreadable: ${String(error)}`;
    }
  }

  count(sql: string): number {
    try {
      return (this.db.prepare(sql).get() as { n: number }).n;
    } catch {
      return -1; // table not created yet
    }
  }

  close(): void {
    this.db.close();
  }
}
