import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Actor } from '@bihuan/core';
import { READ_MODEL_DB } from '@bihuan/platform';
import { ComplaintTicketQueries, OVERDUE_SQL, TicketListFilter } from './complaint-tickets.query';

export const STATISTICS_GROUPS = ['none', 'institution', 'category', 'month'] as const;
export type StatisticsGroup = (typeof STATISTICS_GROUPS)[number];

export interface StepStats {
  /** Steps done, plus steps past due and not done (they count as late). */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  /** onTime / due, null when nothing was due. */
  readonly onTimeRate: number | null;
}

export interface ComplaintStats {
  readonly key: string;
  readonly received: number;
  readonly open: number;
  readonly overdue: number;
  readonly closed: number;
  readonly resolvedOnTheSpot: number;
  readonly declined: number;
  readonly supervised: number;
  readonly publiclyNoticed: number;
  readonly returned: number;
  readonly reopened: number;
  readonly acknowledge: StepStats;
  readonly answer: StepStats;
  readonly satisfaction: {
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
    rated: number;
    satisfactionRate: number | null;
  };
  readonly decisions: {
    substantiated: number;
    partlySubstantiated: number;
    notSubstantiated: number;
    decided: number;
    substantiatedRate: number | null;
  };
}

export interface ComplaintStatistics {
  readonly groupBy: StatisticsGroup;
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly generatedAt: string;
  readonly totals: ComplaintStats;
  readonly groups: ComplaintStats[];
}

interface StatRow {
  ticket_id: string;
  group_key: string;
  status: string;
  overdue: number;
  close_outcome: string | null;
  supervised_at: string | null;
  publicly_noticed_at: string | null;
  returns: number;
  reopens: number;
  rating: string | null;
  decision: string | null;
}
interface StepRow {
  group_key: string;
  step: string;
  done_at: string | null;
  on_time: number | null;
  expired: number;
  due_at: string | null;
}

const KEY_SQL: Readonly<Record<StatisticsGroup, string>> = {
  none: `'all'`,
  institution: `COALESCE(t.institution_id, t.concerned_institution_id, '(unassigned)')`,
  category: 't.category',
  month: `substr(datetime(t.received_at, '+8 hours'), 1, 7)`,
};

const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function stepStats(steps: StepRow[], step: string, now: string): StepStats {
  const mine = steps.filter((s) => s.step === step);
  const onTime = mine.filter((s) => s.done_at !== null && s.on_time === 1).length;
  const late = mine.filter(
    (s) => (s.done_at !== null && s.on_time !== 1) || (s.done_at === null && (s.expired === 1 || (s.due_at !== null && s.due_at < now))),
  ).length;
  return { due: onTime + late, onTime, late, onTimeRate: rate(onTime, onTime + late) };
}

function aggregate(key: string, rows: StatRow[], steps: StepRow[], now: string): ComplaintStats {
  const count = (p: (r: StatRow) => boolean) => rows.filter(p).length;
  const satisfied = count((r) => r.rating === 'satisfied');
  const basically = count((r) => r.rating === 'basically-satisfied');
  const dissatisfied = count((r) => r.rating === 'dissatisfied');
  const sub = count((r) => r.decision === 'substantiated');
  const partly = count((r) => r.decision === 'partly-substantiated');
  const not = count((r) => r.decision === 'not-substantiated');
  return {
    key,
    received: rows.length,
    open: count((r) => r.status !== 'closed' && r.status !== 'declined'),
    overdue: count((r) => r.overdue === 1),
    closed: count((r) => r.status === 'closed'),
    resolvedOnTheSpot: count((r) => r.close_outcome === 'resolved-on-the-spot'),
    declined: count((r) => r.status === 'declined'),
    supervised: count((r) => r.supervised_at !== null),
    publiclyNoticed: count((r) => r.publicly_noticed_at !== null),
    returned: count((r) => r.returns > 0),
    reopened: count((r) => r.reopens > 0),
    acknowledge: stepStats(steps, 'acknowledge', now),
    answer: stepStats(steps, 'answer', now),
    satisfaction: {
      satisfied,
      basicallySatisfied: basically,
      dissatisfied,
      rated: satisfied + basically + dissatisfied,
      satisfactionRate: rate(satisfied + basically, satisfied + basically + dissatisfied),
    },
    decisions: {
      substantiated: sub,
      partlySubstantiated: partly,
      notSubstantiated: not,
      decided: sub + partly + not,
      substantiatedRate: rate(sub + partly, sub + partly + not),
    },
  };
}

/**
 * Statistics for leaders and the regular public notice (通报): counts, on-time rate per step
 * (acknowledge, answer — every round's clock counts; a step past due and not done counts late),
 * satisfaction (latest rating per ticket) and substantiated rate (latest decision; partly counts
 * as substantiated) — by institution, category or month of receipt, within the actor's scope.
 */
@Injectable()
export class ComplaintStatisticsQuery {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly tickets: ComplaintTicketQueries,
  ) {}

  statistics(
    actor: Actor,
    groupBy: StatisticsGroup,
    filter: Omit<TicketListFilter, 'cursor' | 'pageSize' | 'overdue' | 'status'>,
  ): ComplaintStatistics {
    const { sql, params } = this.tickets.where(actor, filter);
    const now = String(params['now']);
    const scoped = `SELECT * FROM complaints_tickets WHERE ${sql}`;
    const rows = this.db
      .prepare(
        `SELECT t.ticket_id, ${KEY_SQL[groupBy]} AS group_key, t.status, ${OVERDUE_SQL} AS overdue,
        t.close_outcome, t.supervised_at, t.publicly_noticed_at, t.returns, t.reopens, t.rating, t.decision FROM (${scoped}) t`,
      )
      .all(params) as StatRow[];
    const stepKey = groupBy === 'institution' ? `COALESCE(s.institution_id, '(unassigned)')` : KEY_SQL[groupBy];
    const steps = this.db
      .prepare(
        `SELECT ${stepKey} AS group_key, s.step, s.done_at, s.on_time, s.expired, s.due_at FROM complaints_steps s JOIN (${scoped}) t ON t.ticket_id = s.ticket_id`,
      )
      .all(params) as StepRow[];
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
