import { Actor, DeadlineSet } from '@bihuan/core';
import { optionalText, requireHospitalOf, requireIsoDate, requireRole, requireText, requireTextList } from '../actor-rules';
import { assertWindow, toTerms } from '../deadline-rules';
import { citedEvidence } from '../evidence-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { RejectSignOff, ReportRectificationProgress, RequestSignOff, SignOffFinding, SubmitRectificationPlan } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ActiveFinding } from './finding.state';
import { clearDeadlines } from './finding-opening.decide';

/** The hospital's steps (attaching files included) need the notice first, and none may be taken while sign-off is pending. */
export function requireWorkable(state: ActiveFinding): void {
  if (state.status === 'open') throw inspectionError('NOTICE_NOT_ISSUED', 'no rectification notice has been issued yet');
  if (state.status === 'signOffRequested') throw inspectionError('SIGN_OFF_ALREADY_REQUESTED', 'sign-off is already requested');
}

export function submitPlan(command: SubmitRectificationPlan, state: ActiveFinding): FindingEvent[] {
  requireHospitalOf(command.metadata.actor, state.finding.institutionId, 'submitting a rectification plan');
  requireWorkable(state);
  const { data } = command;
  return [
    {
      type: 'RectificationPlanSubmitted',
      data: {
        findingId: state.finding.findingId,
        round: state.rectification.round,
        revision: state.rectification.planRevision + 1,
        measures: requireText(data.measures, 'measures'),
        responsibleDepartment: optionalText(data.responsibleDepartment, 'responsibleDepartment') ?? state.finding.responsibleDepartment,
        responsiblePerson: optionalText(data.responsiblePerson, 'responsiblePerson') ?? state.finding.responsiblePerson,
        plannedCompletion: data.plannedCompletion ? requireIsoDate(data.plannedCompletion, 'plannedCompletion') : null,
        submittedBy: command.metadata.actor.id,
      },
    },
  ];
}

/** Progress and sign-off requests come from the finding's own hospital, on a workable round with a plan in. */
function requirePlanInWork(actor: Actor, state: ActiveFinding, doing: string): void {
  requireHospitalOf(actor, state.finding.institutionId, doing);
  requireWorkable(state);
  if (state.status === 'noticeIssued') throw inspectionError('PLAN_REQUIRED', `submit a rectification plan before ${doing}`);
}

export function reportProgress(command: ReportRectificationProgress, state: ActiveFinding): FindingEvent[] {
  requirePlanInWork(command.metadata.actor, state, 'reporting progress');
  const percent = command.data.percentComplete;
  if (percent !== undefined && percent !== null && (typeof percent !== 'number' || !(percent >= 0 && percent <= 100))) {
    throw inspectionError('FIELD_REQUIRED', 'percentComplete must be between 0 and 100', 'percentComplete');
  }
  return [
    {
      type: 'RectificationProgressReported',
      data: {
        findingId: state.finding.findingId,
        round: state.rectification.round,
        reportNo: state.rectification.progressReports + 1,
        summary: requireText(command.data.summary, 'summary'),
        evidence: citedEvidence(state.files, command.data.evidence),
        percentComplete: percent ?? null,
        reportedBy: command.metadata.actor.id,
      },
    },
  ];
}

export function requestSignOff(command: RequestSignOff, state: ActiveFinding, policy: InspectionPolicy): FindingEvent[] {
  requirePlanInWork(command.metadata.actor, state, 'requesting sign-off');
  const evidence = citedEvidence(state.files, command.data.evidence);
  // At least one attached file cited in this round: in this request or in an earlier progress report.
  if (policy.signOffRequiresEvidence && evidence.length + state.rectification.evidence.length === 0) {
    throw inspectionError('EVIDENCE_REQUIRED', 'sign-off needs evidence of the rectification', 'evidence');
  }
  return [
    {
      type: 'SignOffRequested',
      data: {
        findingId: state.finding.findingId,
        round: state.rectification.round,
        summary: requireText(command.data.summary, 'summary'),
        evidence,
        requestedBy: command.metadata.actor.id,
      },
    },
  ];
}

/**
 * 销号 by an inspector, on request — or at once for an `immediate` (立行立改) finding verified on
 * the spot. Clears every armed deadline as met and, when given, sets the re-check deadline.
 */
export function signOff(command: SignOffFinding, state: ActiveFinding, policy: InspectionPolicy): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'signing off a finding');
  if (state.status !== 'signOffRequested' && state.finding.requiredAction !== 'immediate') {
    throw inspectionError('SIGN_OFF_NOT_REQUESTED', 'the hospital has not requested sign-off');
  }
  const { now } = command.metadata;
  const window = command.data.recheck ?? null;
  if (window === null && policy.recheck.mandatoryFor.includes(state.finding.severity)) {
    throw inspectionError('RECHECK_DEADLINE_REQUIRED', `a ${state.finding.severity} finding needs a re-check deadline`, 'recheck');
  }
  if (window !== null) assertWindow(window, now, 'recheck');
  const recheck: DeadlineSet[] =
    window === null ? [] : [{ type: 'DeadlineSet', data: toTerms('recheck', state.rectification.round, window, policy) }];
  return [
    {
      type: 'FindingSignedOff',
      data: {
        findingId: state.finding.findingId,
        visitId: state.finding.visitId,
        institutionId: state.finding.institutionId,
        round: state.rectification.round,
        comment: optionalText(command.data.comment, 'comment'),
        onTime: state.rectification.escalation === null,
        signedOffAt: now,
        signedOffBy: command.metadata.actor.id,
        recheckDueAt: window === null ? null : window.dueAt,
        policyVersion: policy.policyVersion,
      },
    },
    ...clearDeadlines(state, now, 'met'),
    ...recheck,
  ];
}

export function rejectSignOff(command: RejectSignOff, state: ActiveFinding): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'rejecting a sign-off request');
  if (state.status !== 'signOffRequested') throw inspectionError('SIGN_OFF_NOT_REQUESTED', 'there is no sign-off request to reject');
  return [
    {
      type: 'SignOffRejected',
      data: {
        findingId: state.finding.findingId,
        round: state.rectification.round,
        reasons: requireTextList(command.data.reasons, 'reasons', 1),
        rejectedBy: command.metadata.actor.id,
      },
    },
  ];
}
