import { DeadlineExpired, ExpireDeadlineData, expiryIsDue, warningIsDue } from '@bihuan/core';
import { assertWindow, FindingDeadlinePurpose, findingDeadlineId, toTerms } from '../deadline-rules';
import { inspectionError } from '../inspection-errors';
import { EscalationStep, InspectionPolicy } from '../inspection-policy';
import { EscalationRung } from '../inspection-values';
import { ExpireDeadline, WarnDeadline } from '../wake-up.commands';
import { FindingEvent } from './finding.events';
import { ExistingFinding, FindingState, isActive } from './finding.state';

/** What the application layer must compute before it sends an `ExpireDeadline` (as `data.next`). */
export interface NextDeadlineNeed {
  /** The id the decider will give the rung's deadline (for logs; the decider assigns it). */
  readonly deadlineId: string;
  readonly purpose: FindingDeadlinePurpose;
  readonly rung: EscalationRung;
  readonly step: number;
  /** Working days to grant, counted on the calendar from the instant the wake-up is handled. */
  readonly workingDays: number;
}

function nextStep(state: ExistingFinding, policy: InspectionPolicy): { step: number; rung: EscalationStep } | null {
  const step = (state.rectification.escalation?.step ?? 0) + 1;
  const rung = policy.escalationLadder[step - 1];
  return rung ? { step, rung } : null;
}

function climbs(state: FindingState, data: ExpireDeadlineData): state is ExistingFinding {
  if (state.status === 'none' || !isActive(state) || !expiryIsDue(state.deadlines, data)) return false;
  return state.deadlines[data.deadlineId]!.terms.purpose !== 'recheck';
}

/**
 * Tells the timer handler whether this expiry will climb to a rung with its own deadline, and how
 * many working days to compute for `data.next`. Null when nothing needs computing (not due, a
 * re-check, a terminal rung, or the ladder is exhausted).
 */
export function nextDeadlineNeed(state: FindingState, data: ExpireDeadlineData, policy: InspectionPolicy): NextDeadlineNeed | null {
  if (!climbs(state, data)) return null;
  const next = nextStep(state, policy);
  if (!next || next.rung.workingDays === null) return null;
  const purpose: FindingDeadlinePurpose = `escalation-${next.rung.rung}`;
  return {
    deadlineId: findingDeadlineId(purpose, state.rectification.round),
    purpose,
    rung: next.rung.rung,
    step: next.step,
    workingDays: next.rung.workingDays,
  };
}

export function warnDeadline(command: WarnDeadline, state: FindingState): FindingEvent[] {
  if (state.status === 'none' || !warningIsDue(state.deadlines, command.data)) return [];
  const { deadlineId, warnAt, dueAt } = command.data;
  return [{ type: 'DeadlineWarned', data: { deadlineId, warnAt, dueAt } }];
}

/**
 * Expiry of a pending deadline: a re-check deadline makes the re-check due; a rectification or
 * rung deadline climbs one rung of the ladder (提醒敦促函 → 整改通知书 → 约谈通知书 → 挂牌督办 → 通报),
 * setting the rung's own deadline from `data.next`. Late or duplicate wake-ups yield [].
 */
export function expireDeadline(command: ExpireDeadline, state: FindingState, policy: InspectionPolicy): FindingEvent[] {
  if (state.status === 'none' || !expiryIsDue(state.deadlines, command.data)) return [];
  const { now } = command.metadata;
  const deadline = state.deadlines[command.data.deadlineId]!;
  const expired: DeadlineExpired = {
    type: 'DeadlineExpired',
    data: { deadlineId: deadline.terms.deadlineId, dueAt: deadline.dueAt, expiredAt: now },
  };
  const { finding, rectification } = state;
  const where = { findingId: finding.findingId, visitId: finding.visitId, institutionId: finding.institutionId };
  if (deadline.terms.purpose === 'recheck') {
    return state.status === 'signedOff' ? [expired, { type: 'FindingRecheckDue', data: { ...where, dueAt: deadline.dueAt } }] : [expired];
  }
  const next = climbs(state, command.data) ? nextStep(state, policy) : null;
  if (!next) return [expired];
  const escalated = {
    ...where,
    round: rectification.round,
    rung: next.rung.rung,
    step: next.step,
    expiredDeadlineId: deadline.terms.deadlineId,
    policyVersion: policy.policyVersion,
  };
  if (next.rung.workingDays === null) {
    return [expired, { type: 'FindingEscalated', data: { ...escalated, deadlineId: null, dueAt: null } }];
  }
  const window = command.data.next;
  if (!window) {
    throw inspectionError('NEXT_DEADLINE_REQUIRED', `the ${next.rung.rung} rung needs its deadline in data.next`, 'next');
  }
  assertWindow(window, now, 'next');
  const terms = toTerms(`escalation-${next.rung.rung}`, rectification.round, window, policy);
  return [
    expired,
    { type: 'FindingEscalated', data: { ...escalated, deadlineId: terms.deadlineId, dueAt: terms.dueAt } },
    { type: 'DeadlineSet', data: terms },
  ];
}
