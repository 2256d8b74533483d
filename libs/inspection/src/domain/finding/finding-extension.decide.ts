import { requireHospitalOf, requireIsoDate, requireRole, requireText, optionalText } from '../actor-rules';
import { assertWindow, isBefore } from '../deadline-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { ApproveExtension, DenyExtension, RequestExtension } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ActiveFinding, currentDeadline, PendingExtension } from './finding.state';

/**
 * 延期: the hospital asks with a reason, an inspector approves (moving the finding's current
 * deadline — the rectification deadline, or the current escalation rung's) or denies. Requests,
 * approvals and denials all stay on the record; escalation already reached is not undone.
 */
export function requestExtension(command: RequestExtension, state: ActiveFinding, policy: InspectionPolicy): FindingEvent[] {
  requireHospitalOf(command.metadata.actor, state.finding.institutionId, 'requesting an extension');
  if (state.status === 'open') throw inspectionError('NOTICE_NOT_ISSUED', 'there is no deadline to extend yet');
  if (state.status === 'signOffRequested') throw inspectionError('SIGN_OFF_ALREADY_REQUESTED', 'sign-off is already requested');
  if (state.rectification.pendingExtension) {
    throw inspectionError('EXTENSION_ALREADY_PENDING', `extension ${state.rectification.pendingExtension.extensionId} awaits a decision`);
  }
  if (state.rectification.approvedExtensions >= policy.extensions.maxApprovedPerRound) {
    throw inspectionError('EXTENSION_LIMIT_REACHED', `at most ${policy.extensions.maxApprovedPerRound} extension(s) per round`);
  }
  const requestedDueAt = requireIsoDate(command.data.requestedDueAt, 'requestedDueAt');
  if (!isBefore(command.metadata.now, requestedDueAt)) {
    throw inspectionError('DEADLINE_IN_PAST', 'requestedDueAt must be in the future', 'requestedDueAt');
  }
  return [
    {
      type: 'ExtensionRequested',
      data: {
        findingId: state.finding.findingId,
        extensionId: requireText(command.data.extensionId, 'extensionId'),
        reason: requireText(command.data.reason, 'reason'),
        requestedDueAt,
        requestedBy: command.metadata.actor.id,
      },
    },
  ];
}

function requirePending(state: ActiveFinding, extensionId: string): PendingExtension {
  const pending = state.rectification.pendingExtension;
  if (!pending || pending.extensionId !== extensionId) {
    throw inspectionError('EXTENSION_NOT_FOUND', `no pending extension ${extensionId}`, 'extensionId');
  }
  return pending;
}

export function approveExtension(command: ApproveExtension, state: ActiveFinding, policy: InspectionPolicy): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'approving an extension');
  const pending = requirePending(state, command.data.extensionId);
  const deadline = currentDeadline(state);
  if (!deadline) throw inspectionError('NO_ACTIVE_DEADLINE', 'the finding has no deadline to extend');
  const window = command.data.deadline;
  if (!window) throw inspectionError('FIELD_REQUIRED', 'deadline is required', 'deadline');
  assertWindow(window, command.metadata.now, 'deadline');
  if (!isBefore(deadline.dueAt, window.dueAt)) {
    throw inspectionError('DEADLINE_INVALID', `the new dueAt must be after the current ${deadline.dueAt}`, 'deadline.dueAt');
  }
  if (window.workingDays > policy.extensions.maxWorkingDays) {
    throw inspectionError('EXTENSION_TOO_LONG', `at most ${policy.extensions.maxWorkingDays} working days`, 'deadline.workingDays');
  }
  const approvedBy = command.metadata.actor.id;
  return [
    {
      type: 'ExtensionApproved',
      data: {
        findingId: state.finding.findingId,
        extensionId: pending.extensionId,
        deadlineId: deadline.terms.deadlineId,
        previousDueAt: deadline.dueAt,
        dueAt: window.dueAt,
        workingDays: window.workingDays,
        comment: optionalText(command.data.comment, 'comment'),
        approvedBy,
        policyVersion: policy.policyVersion,
      },
    },
    {
      type: 'DeadlineExtended',
      data: {
        deadlineId: deadline.terms.deadlineId,
        dueAt: window.dueAt,
        warnAt: [...window.warnAt],
        reason: pending.reason,
        approvedBy,
        calendarVersion: window.calendarVersion,
        extraWorkingDays: null, // a window from the request, not days past the previous due date
      },
    },
  ];
}

export function denyExtension(command: DenyExtension, state: ActiveFinding): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'denying an extension');
  const pending = requirePending(state, command.data.extensionId);
  return [
    {
      type: 'ExtensionDenied',
      data: {
        findingId: state.finding.findingId,
        extensionId: pending.extensionId,
        reason: requireText(command.data.reason, 'reason'),
        deniedBy: command.metadata.actor.id,
      },
    },
  ];
}
