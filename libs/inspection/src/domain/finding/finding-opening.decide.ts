import { DeadlineCleared, DeadlineSet } from '@bihuan/core';
import { optionalText, requireHospitalOf, requireRole, requireText, requireTextList } from '../actor-rules';
import { assertWindow, toTerms } from '../deadline-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { isFindingCategory, isRequiredAction, isSeverity, isVisitKind } from '../inspection-values';
import { FindingDraft, IssueRectificationNotice, OpenFinding, WithdrawFinding } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ActiveFinding, FindingState, openDeadlines } from './finding.state';

/**
 * A finding draft as the rules accept it: known category, severity and required action, the
 * required texts present, optional ones normalised (else a 400 naming the field). The visit checks
 * it when it records the finding, the finding again when it opens, so both hold the same facts.
 */
export function acceptDraft(draft: FindingDraft): FindingDraft {
  if (!isFindingCategory(draft.category))
    throw inspectionError('CATEGORY_UNKNOWN', `unknown category "${String(draft.category)}"`, 'category');
  if (!isSeverity(draft.severity)) throw inspectionError('SEVERITY_UNKNOWN', `unknown severity "${String(draft.severity)}"`, 'severity');
  if (!isRequiredAction(draft.requiredAction)) {
    throw inspectionError('REQUIRED_ACTION_UNKNOWN', `unknown required action "${String(draft.requiredAction)}"`, 'requiredAction');
  }
  return {
    findingId: requireText(draft.findingId, 'findingId'),
    category: draft.category,
    severity: draft.severity,
    description: requireText(draft.description, 'description'),
    evidence: requireTextList(draft.evidence, 'evidence'),
    responsibleDepartment: requireText(draft.responsibleDepartment, 'responsibleDepartment'),
    responsiblePerson: optionalText(draft.responsiblePerson, 'responsiblePerson'),
    requiredAction: draft.requiredAction,
  };
}

/** Opens the finding stream; inspector, or on a self-inspection (自查) the hospital of the institution. */
export function decideOpening(command: OpenFinding, policy: InspectionPolicy): FindingEvent[] {
  const { data, metadata } = command;
  const institutionId = requireText(data.institutionId, 'institutionId');
  if (!isVisitKind(data.visitKind))
    throw inspectionError('VISIT_KIND_UNKNOWN', `unknown visit kind "${String(data.visitKind)}"`, 'visitKind');
  if (data.visitKind === 'self' && metadata.actor.role === 'hospital')
    requireHospitalOf(metadata.actor, institutionId, 'opening a finding');
  else requireRole(metadata.actor, ['inspector'], 'opening a finding');
  const draft = acceptDraft(data);
  return [
    {
      type: 'FindingOpened',
      data: {
        findingId: draft.findingId,
        visitId: requireText(data.visitId, 'visitId'),
        visitKind: data.visitKind,
        institutionId,
        campaignId: optionalText(data.campaignId, 'campaignId'),
        category: draft.category,
        severity: draft.severity,
        description: draft.description,
        evidence: draft.evidence ?? [],
        responsibleDepartment: draft.responsibleDepartment,
        responsiblePerson: draft.responsiblePerson ?? null,
        requiredAction: draft.requiredAction,
        openedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
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
