import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { ComplaintTicketQueries } from './complaint-tickets.query';
import { ComplaintsTables } from './complaints.tables';
import { overdueColumn, TicketFilter } from './ticket-conditions';
import { aggregate, ComplaintStats, StatRow, StepRow } from './complaint-statistics.aggregate';

export type { ComplaintStats, StepStats } from './complaint-statistics.aggregate';

export const STATISTICS_GROUPS = ['none', 'institution', 'category', 'month'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

export interface ComplaintStatistics {
  readonly groupBy: StatisticsGroup;
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly generatedAt: string;
  readonly totals: ComplaintStats;
  readonly groups: ComplaintStats[];
}

/** What a ticket's group key is made of. */
interface Keyed {
  readonly institution_id: string | null;
  readonly concerned_institution_id: string | null;
  readonly category: string;
  readonly received_at: string;
}

/** Months are counted in China Standard Time (UTC+8, no daylight saving). */
const CST_OFFSET_MS = 8 * 3600_000;

/**
 * The month of receipt in China time, `YYYY-MM`. Bucketed here rather than in SQL, where SQLite
 * and PostgreSQL spell date arithmetic differently: one computation, the same months on both.
 */
function monthOfReceipt(receivedAt: string): string {
  const ms = Date.parse(receivedAt);
  return Number.isNaN(ms) ? receivedAt.slice(0, 7) : new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 7);
}

const KEY_OF: Readonly<Record<StatisticsGroup, (t: Keyed) => string>> = {
  none: () => 'all',
  institution: (t) => t.institution_id ?? t.concerned_institution_id ?? '(unassigned)',
  category: (t) => t.category,
  month: (t) => monthOfReceipt(t.received_at),
};

/**
 * Statistics for leaders and the regular public notice (通报): counts, on-time rate per step
 * (acknowledge, answer — every round's clock counts; a step past due and not done counts late),
 * satisfaction (latest rating per ticket) and substantiated rate (latest decision; partly counts
 * as substantiated) — by institution, category or month of receipt, within the actor's scope.
 */
@Injectable()
export class ComplaintStatisticsQuery {
  constructor(
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    private readonly tickets: ComplaintTicketQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async statistics(actor: Actor, groupBy: StatisticsGroup, filter: Omit<TicketFilter, 'overdue' | 'status'>): Promise<ComplaintStatistics> {
    const now = this.clock.now().toISOString();
    const db = this.database.db.withTables<ComplaintsTables>();
    const where = this.tickets.where(actor, filter, now);
    const tickets = await db
      .selectFrom('complaints_tickets')
      .select([
        'ticket_id',
        'institution_id',
        'concerned_institution_id',
        'category',
        'received_at',
        'received_at_institution',
        'escalated_at',
        'status',
        'close_outcome',
        'supervised_at',
        'publicly_noticed_at',
        'returns',
        'reopens',
        'rating',
        'decision',
      ])
      .select(overdueColumn(now))
      .where(where)
      .execute();
    const keyOf = KEY_OF[groupBy];
    const ticketKeys = new Map(tickets.map((t) => [t.ticket_id, keyOf(t)]));
    const rows: StatRow[] = tickets.map((t) => ({ ...t, group_key: ticketKeys.get(t.ticket_id)! }));
    const steps: StepRow[] = (
      await db
        .selectFrom('complaints_steps')
        .select(['ticket_id', 'institution_id', 'step', 'done_at', 'on_time', 'expired', 'due_at'])
        .where('ticket_id', 'in', db.selectFrom('complaints_tickets').select('ticket_id').where(where))
        .execute()
    )
      // Steps count where they were due: by institution, the institution that held the step.
      .filter((s) => ticketKeys.has(s.ticket_id))
      .map((s) => ({ ...s, group_key: groupBy === 'institution' ? (s.institution_id ?? '(unassigned)') : ticketKeys.get(s.ticket_id)! }));
    const keys = [...new Set([...rows.map((r) => r.group_key), ...steps.map((s) => s.group_key)])].sort();
    return {
      groupBy,
      period: { from: filter.from ?? null, to: filter.to ?? null },
      generatedAt: now,
      totals: aggregate('total', rows, steps, now),
      groups:
        groupBy === 'none'
          ? []
          : keys.map((k) =>
              aggregate(
                k,
                rows.filter((r) => r.group_key === k),
                steps.filter((s) => s.group_key === k),
                now,
              ),
            ),
    };
  }
}
