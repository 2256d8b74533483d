import { DeadlineCleared, DeadlineSet } from '@bihuan/core';
import { optionalText, requireHospitalOf, requireRole, requireText, requireTextList } from '../actor-rules';
import { assertWindow, toTerms } from '../deadline-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { isFindingCategory, isRequiredAction, isSeverity, isVisitKind } from '../inspection-values';
import { IssueRectificationNotice, OpenFinding, WithdrawFinding } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ActiveFinding, FindingState, openDeadlines } from './finding.state';

/** Inspector opens a finding; on a self-inspection (自查) the hospital of the institution may too. */
export function openFinding(command: OpenFinding, policy: InspectionPolicy): FindingEvent[] {
  const { data, metadata } = command;
  const institutionId = requireText(data.institutionId, 'institutionId');
  if (!isVisitKind(data.visitKind)) throw inspectionError('VISIT_KIND_UNKNOWN', `unknown visit kind "${String(data.visitKind)}"`, 'visitKind');
  if (data.visitKind === 'self' && metadata.actor.role === 'hospital') requireHospitalOf(metadata.actor, institutionId, 'opening a finding');
  else requireRole(metadata.actor, ['inspector'], 'opening a finding');
  if (!isFindingCategory(data.category)) throw inspectionError('CATEGORY_UNKNOWN', `unknown category "${String(data.category)}"`, 'category');
  if (!isSeverity(data.severity)) throw inspectionError('SEVERITY_UNKNOWN', `unknown severity "${String(data.severity)}"`, 'severity');
  if (!isRequiredAction(data.requiredAction)) {
    throw inspectionError('REQUIRED_ACTION_UNKNOWN', `unknown required action "${String(data.requiredAction)}"`, 'requiredAction');
  }
  return [{
    type: 'FindingOpened',
    data: {
      findingId: requireText(data.findingId, 'findingId'),
      visitId: requireText(data.visitId, 'visitId'),
      visitKind: data.visitKind,
      institutionId,
      campaignId: optionalText(data.campaignId, 'campaignId'),
      category: data.category,
      severity: data.severity,
      description: requireText(data.description, 'description'),
      evidence: requireTextList(data.evidence, 'evidence'),
      responsibleDepartment: requireText(data.responsibleDepartment, 'responsibleDepartment'),
      responsiblePerson: optionalText(data.responsiblePerson, 'responsiblePerson'),
      requiredAction: data.requiredAction,
      openedBy: metadata.actor.id,
      policyVersion: policy.policyVersion,
    },
  }];
}

/** Issues the rectification notice (整改通知书) and starts the round's `rectify` deadline. */
export function issueNotice(command: IssueRectificationNotice, state: ActiveFinding, policy: InspectionPolicy): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'issuing a rectification notice');
  if (state.status !== 'open') throw inspectionError('NOTICE_ALREADY_ISSUED', 'the rectification notice was already issued');
  if (!command.data.deadline) throw inspectionError('FIELD_REQUIRED', 'deadline is required', 'deadline');
  assertWindow(command.data.deadline, command.metadata.now, 'deadline');
  const terms = toTerms('rectify', state.rectification.round, command.data.deadline, policy);
  const set: DeadlineSet = { type: 'DeadlineSet', data: terms };
  return [
    {
      type: 'RectificationNoticeIssued',
      data: {
        findingId: state.finding.findingId,
        round: state.rectification.round,
        noticeNo: optionalText(command.data.noticeNo, 'noticeNo'),
        requirements: optionalText(command.data.requirements, 'requirements'),
        deadlineId: terms.deadlineId,
        dueAt: terms.dueAt,
        workingDays: terms.workingDays,
        issuedBy: command.metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
    set,
  ];
}

/** Clears every armed deadline (met on sign-off, cancelled on withdrawal). */
export function clearDeadlines(state: FindingState, now: string, outcome: 'met' | 'cancelled'): DeadlineCleared[] {
  return openDeadlines(state).map((d) => ({
    type: 'DeadlineCleared',
    data: { deadlineId: d.terms.deadlineId, clearedAt: now, outcome },
  }));
}

/** Inspector voids a finding opened in error; its history stays, its clocks stop. */
export function withdrawFinding(command: WithdrawFinding, state: ActiveFinding): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'withdrawing a finding');
  const reason = requireText(command.data.reason, 'reason');
  return [
    {
      type: 'FindingWithdrawn',
      data: {
        findingId: state.finding.findingId,
        visitId: state.finding.visitId,
        institutionId: state.finding.institutionId,
        reason,
        withdrawnBy: command.metadata.actor.id,
      },
    },
    ...clearDeadlines(state, command.metadata.now, 'cancelled'),
  ];
}
