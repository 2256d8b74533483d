import { Actor, assertAttached, decideAttach, shanghaiDate } from '@bihuan/core';
import { campaignError, optionalText, requireRole, requireText, requireTextList } from '../campaign-errors';
import { isReportKind } from '../campaign-values';
import { acceptWindow, clearDutyDeadlines, dutyDeadlineSet } from './report-duty-deadlines';
import { ReportingPolicy } from './report-duty-policy';
import {
  AcceptReport,
  AssignReportDuty,
  AttachReportEvidence,
  ReportDutyEvent,
  ReturnReport,
  SubmitReport,
  WithdrawReportDuty,
} from './report-duty.messages';
import { dutyDeadlineId, ExistingReportDuty, lastSubmission, ReportDutyState } from './report-duty.state';
import { isDutyWithdrawReason, OWED_STATUSES, REPORT_EVIDENCE_STEP } from './report-duty-values';

export const REPORT_TEXT_MAX = 5000;
export const REVIEW_TEXT_MAX = 1000;
/** Who accepts or returns a report: the issuing office's inspectors and leaders (the API checks the unit). */
const REVIEWERS = ['inspector', 'leader'] as const;

/**
 * 报送任务 assigned (or again, after a withdrawal an amendment undid): the facts, and the due
 * deadline when the due instant is still ahead. A duty already owed, handed in or accepted is left
 * as it is, so the workflow's redelivery or a later amendment that keeps it changes nothing.
 */
export function assign(command: AssignReportDuty, state: ReportDutyState, policy: ReportingPolicy): ReportDutyEvent[] {
  requireRole(command.metadata.actor, ['system'], 'assigning a reporting duty');
  if (state.status !== 'none' && state.status !== 'withdrawn') return [];
  const { deadline, dueAt, ...facts } = command.data;
  const now = command.metadata.now;
  if (typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt))) {
    throw campaignError('DUTY_DEADLINE_REQUIRED', 'dueAt (the due instant the calendar gives) is required', 'dueAt');
  }
  if (!isReportKind(facts.kind)) throw campaignError('REPORT_KIND_UNKNOWN', `unknown report kind "${String(facts.kind)}"`, 'kind');
  const round = state.status === 'none' ? 1 : state.round + 1;
  const events: ReportDutyEvent[] = [{ type: 'ReportDutyAssigned', data: { ...facts, dueAt, round, assignedAt: now } }];
  if (deadline) {
    const window = acceptWindow(deadline, now, 'deadline');
    if (window.dueAt !== dueAt) throw campaignError('DUTY_DEADLINE_INVALID', 'deadline.dueAt must be the duty’s dueAt', 'deadline');
    events.push(dutyDeadlineSet(dutyDeadlineId('due', round), 'report-due', window, policy));
  }
  return events;
}

/** Withdrawn while still owed; a report handed in stays for review, an accepted one stays accepted. */
export function withdraw(command: WithdrawReportDuty, state: ReportDutyState): ReportDutyEvent[] {
  requireRole(command.metadata.actor, ['system'], 'withdrawing a reporting duty');
  if (!isDutyWithdrawReason(command.data.reason)) throw campaignError('FIELD_REQUIRED', 'reason must be a withdrawal reason', 'reason');
  if (state.status === 'none' || !OWED_STATUSES.includes(state.status)) return [];
  const now = command.metadata.now;
  const { dutyId, institutionId } = state.duty;
  return [
    { type: 'ReportDutyWithdrawn', data: { dutyId, institutionId, reason: command.data.reason, withdrawnAt: now } },
    ...clearDutyDeadlines(state, 'cancelled', now),
  ];
}

/**
 * The duty as its owing unit may work on it now: owed, and its period open. Which of the unit's
 * people hand it in (hospital users; a commission's inspectors and leaders) is AccessPolicy's
 * (assertReportsFor), checked before the command is built; here only that it is the owing unit's.
 */
function requireOwed(actor: Actor, state: ExistingReportDuty, now: string, action: string): void {
  if (actor.unit !== state.duty.institutionId) {
    throw campaignError('DUTY_INSTITUTION_FORBIDDEN', `${action}: the duty is ${state.duty.institutionId}'s, not ${actor.unit}'s`);
  }
  if (state.status === 'withdrawn') throw campaignError('DUTY_WITHDRAWN', 'the duty was withdrawn');
  if (state.status === 'accepted') throw campaignError('DUTY_ALREADY_ACCEPTED', 'the report was accepted');
  if (state.status === 'submitted') throw campaignError('DUTY_ALREADY_SUBMITTED', 'the report is handed in and waits for review');
  if (shanghaiDate(now) < state.duty.opensOn) {
    throw campaignError('DUTY_NOT_OPEN', `the report may be handed in from ${state.duty.opensOn}`, undefined, {
      opensOn: state.duty.opensOn,
    });
  }
}

/** A file for the report, by its institution while it owes it; the same file again is no change. */
export function attach(command: AttachReportEvidence, state: ExistingReportDuty): ReportDutyEvent[] {
  requireOwed(command.metadata.actor, state, command.metadata.now, 'attaching a file to a report');
  const { file, note } = command.data;
  return decideAttach(state.files, { file, step: REPORT_EVIDENCE_STEP, note: note ?? null }, command.metadata.actor.id);
}

/** 报送: on time when handed in by the due instant; every running deadline is met. */
export function submit(command: SubmitReport, state: ExistingReportDuty): ReportDutyEvent[] {
  const { actor, now } = command.metadata;
  requireOwed(actor, state, now, 'handing in a report');
  const text = requireText(command.data.text, 'text', REPORT_TEXT_MAX);
  const evidence = [...new Set(requireTextList(command.data.evidence, 'evidence'))];
  assertAttached(state.files, evidence, 'CAMPAIGN.DUTY_EVIDENCE_UNKNOWN');
  const { dutyId, institutionId, dueAt } = state.duty;
  const onTime = Date.parse(now) <= Date.parse(dueAt);
  return [
    {
      type: 'ReportSubmitted',
      data: { dutyId, institutionId, round: state.round, text, evidence, submittedBy: actor.id, submittedAt: now, dueAt, onTime },
    },
    ...clearDutyDeadlines(state, 'met', now),
  ];
}

/** The issuing office may review only what was handed in and not yet answered. */
function requireSubmitted(state: ExistingReportDuty): void {
  if (state.status === 'submitted') return;
  if (state.status === 'accepted') throw campaignError('DUTY_ALREADY_ACCEPTED', 'the report was accepted already');
  if (state.status === 'withdrawn') throw campaignError('DUTY_WITHDRAWN', 'the duty was withdrawn');
  throw campaignError('DUTY_NOT_SUBMITTED', 'nothing was handed in to review');
}

export function accept(command: AcceptReport, state: ExistingReportDuty): ReportDutyEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, REVIEWERS, 'accepting a report');
  requireSubmitted(state);
  const comment = optionalText(command.data.comment, 'comment', REVIEW_TEXT_MAX);
  const { dutyId, institutionId } = state.duty;
  const onTime = lastSubmission(state)?.onTime ?? false;
  return [
    { type: 'ReportAccepted', data: { dutyId, institutionId, round: state.round, comment, acceptedBy: actor.id, acceptedAt: now, onTime } },
  ];
}

/**
 * 退回 with reasons: the report is owed again. Before its due instant the due deadline runs again
 * (to the same instant); after it, the unit gets the policy's resubmission working days — the
 * application computed that window (`deadline`), the decider names it.
 */
export function returnReport(command: ReturnReport, state: ExistingReportDuty, policy: ReportingPolicy): ReportDutyEvent[] {
  const { actor, now } = command.metadata;
  requireRole(actor, REVIEWERS, 'returning a report');
  requireSubmitted(state);
  const reason = requireText(command.data.reason, 'reason', REVIEW_TEXT_MAX);
  const window = acceptWindow(command.data.deadline, now, 'deadline');
  const next = state.round + 1;
  const beforeDue = Date.parse(now) < Date.parse(state.duty.dueAt);
  if (beforeDue && window.dueAt !== state.duty.dueAt) {
    throw campaignError('DUTY_DEADLINE_INVALID', 'before the due instant, a returned report is due then again', 'deadline');
  }
  const { dutyId, institutionId } = state.duty;
  return [
    { type: 'ReportReturned', data: { dutyId, institutionId, round: state.round, reason, returnedBy: actor.id, returnedAt: now } },
    beforeDue
      ? dutyDeadlineSet(dutyDeadlineId('due', next), 'report-due', window, policy)
      : dutyDeadlineSet(dutyDeadlineId('resubmit', next), 'report-resubmit', window, policy),
  ];
}
