import { DeadlineExpired, decideRecompute, expiryIsDue, RecomputeDeadline, warningIsDue } from '@bihuan/core';
import { campaignError } from '../campaign-errors';
import { acceptWindow, dutyDeadlineSet } from './report-duty-deadlines';
import { DutyEscalationStep, ReportingPolicy } from './report-duty-policy';
import { ExpireReportDeadline, ReportDutyEvent, WarnReportDeadline } from './report-duty.messages';
import { ExistingReportDuty, ReportDutyState, rungDeadlineId } from './report-duty.state';
import { DutyEscalationRung, OWED_STATUSES } from './report-duty-values';

/** What the sender must compute before an `ExpireDeadline` that climbs to a rung with its own deadline. */
export interface DutyNextDeadlineNeed {
  readonly deadlineId: string;
  readonly rung: DutyEscalationRung;
  readonly step: number;
  readonly workingDays: number;
}

function nextStep(state: ExistingReportDuty, policy: ReportingPolicy): { step: number; rung: DutyEscalationStep } | null {
  const step = (state.escalation?.step ?? 0) + 1;
  const rung = policy.escalationLadder[step - 1];
  return rung ? { step, rung } : null;
}

/** The expiry is due and the report still owed: it climbs. */
function climbs(state: ReportDutyState, data: ExpireReportDeadline['data']): state is ExistingReportDuty {
  return state.status !== 'none' && OWED_STATUSES.includes(state.status) && expiryIsDue(state.deadlines, data);
}

/** Whether this expiry climbs to a rung with a deadline, and how many working days to compute for `data.next`. */
export function dutyNextDeadlineNeed(
  state: ReportDutyState,
  data: ExpireReportDeadline['data'],
  policy: ReportingPolicy,
): DutyNextDeadlineNeed | null {
  if (!climbs(state, data)) return null;
  const next = nextStep(state, policy);
  if (!next || next.rung.workingDays === null) return null;
  return { deadlineId: rungDeadlineId(next.rung.rung), rung: next.rung.rung, step: next.step, workingDays: next.rung.workingDays };
}

/** A reminder (催报) while the report is owed; late or duplicate wake-ups are answered with []. */
export function warn(command: WarnReportDeadline, state: ReportDutyState): ReportDutyEvent[] {
  if (state.status === 'none' || !OWED_STATUSES.includes(state.status) || !warningIsDue(state.deadlines, command.data)) return [];
  const { deadlineId, warnAt, dueAt } = command.data;
  return [{ type: 'DeadlineWarned', data: { deadlineId, warnAt, dueAt } }];
}

/**
 * A deadline expired: while the report is owed, the overdue ladder climbs one rung (逾期催报 with
 * its working days from `data.next`, then 督办); once the ladder is spent only the expiry is
 * recorded. Late or duplicate wake-ups are answered with [].
 */
export function expire(command: ExpireReportDeadline, state: ReportDutyState, policy: ReportingPolicy): ReportDutyEvent[] {
  if (state.status === 'none' || !expiryIsDue(state.deadlines, command.data)) return [];
  const now = command.metadata.now;
  const deadline = state.deadlines[command.data.deadlineId]!;
  const expired: DeadlineExpired = {
    type: 'DeadlineExpired',
    data: { deadlineId: deadline.terms.deadlineId, dueAt: deadline.dueAt, expiredAt: now },
  };
  const next = climbs(state, command.data) ? nextStep(state, policy) : null;
  if (!next) return [expired];
  const { dutyId, institutionId, issuingUnitId } = state.duty;
  const escalated = {
    dutyId,
    institutionId,
    issuingUnitId,
    rung: next.rung.rung,
    step: next.step,
    expiredDeadlineId: deadline.terms.deadlineId,
    policyVersion: policy.policyVersion,
  };
  if (next.rung.workingDays === null) {
    return [expired, { type: 'ReportDutyEscalated', data: { ...escalated, deadlineId: null, dueAt: null } }];
  }
  if (!command.data.next)
    throw campaignError('DUTY_DEADLINE_REQUIRED', `the ${next.rung.rung} rung needs its deadline in data.next`, 'next');
  const window = acceptWindow(command.data.next, now, 'next');
  const set = dutyDeadlineSet(rungDeadlineId(next.rung.rung), `escalation-${next.rung.rung}`, window, policy);
  return [expired, { type: 'ReportDutyEscalated', data: { ...escalated, deadlineId: set.data.deadlineId, dueAt: set.data.dueAt } }, set];
}

/** The official calendar year replaced a provisional one: core's one rule (working-day deadlines only). */
export function recompute(command: RecomputeDeadline, state: ReportDutyState): ReportDutyEvent[] {
  return state.status === 'none' ? [] : decideRecompute(state.deadlines, command);
}
