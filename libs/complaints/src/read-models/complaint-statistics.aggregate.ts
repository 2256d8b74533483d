/** Counts and rates of one group of tickets, computed in JS from plain rows: the same numbers whichever engine read them. */

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
  /** Received by institutions' own complaint offices (首诉负责 at the hospital), escalated or not. */
  readonly receivedAtInstitutions: number;
  /** Of those, escalated to the commission (上报卫健委). */
  readonly escalated: number;
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

export interface StatRow {
  group_key: string;
  status: string;
  received_at_institution: number;
  escalated_at: string | null;
  overdue: number;
  close_outcome: string | null;
  supervised_at: string | null;
  publicly_noticed_at: string | null;
  returns: number;
  reopens: number;
  rating: string | null;
  decision: string | null;
}
export interface StepRow {
  group_key: string;
  step: string;
  done_at: string | null;
  on_time: number | null;
  expired: number;
  due_at: string | null;
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

function stepStats(steps: StepRow[], step: string, now: string): StepStats {
  const mine = steps.filter((s) => s.step === step);
  const onTime = mine.filter((s) => s.done_at !== null && s.on_time === 1).length;
  const late = mine.filter(
    (s) => (s.done_at !== null && s.on_time !== 1) || (s.done_at === null && (s.expired === 1 || (s.due_at !== null && s.due_at < now))),
  ).length;
  return { due: onTime + late, onTime, late, onTimeRate: rate(onTime, onTime + late) };
}

export function aggregate(key: string, rows: StatRow[], steps: StepRow[], now: string): ComplaintStats {
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
    receivedAtInstitutions: count((r) => Number(r.received_at_institution) === 1),
    escalated: count((r) => r.escalated_at !== null),
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
