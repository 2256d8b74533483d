import { assertNever, decideRecompute } from '@bihuan/core';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { FindingCommand } from './finding.commands';
import { FindingEvent } from './finding.events';
import { FindingState } from './finding.state';
import { expireDeadline, warnDeadline } from './finding-deadline.decide';
import { approveExtension, denyExtension, requestExtension } from './finding-extension.decide';
import { decideOpening, issueNotice, withdrawFinding } from './finding-opening.decide';
import { recordNoticeDocument } from './finding-notice-document';
import { attachFindingEvidence } from './finding-evidence.decide';
import { recordRecheck } from './finding-recheck.decide';
import { rejectSignOff, reportProgress, requestSignOff, signOff, submitPlan } from './finding-rectification.decide';

/**
 * Finding rules under a given policy. Order of checks: wake-ups first (any state), then existence,
 * then terminal states (withdrawn, signed off), then the command's own role and status rules.
 */
export function decideFinding(command: FindingCommand, state: FindingState, policy: InspectionPolicy): FindingEvent[] {
  if (command.type === 'WarnDeadline') return warnDeadline(command, state);
  if (command.type === 'ExpireDeadline') return expireDeadline(command, state, policy);
  if (command.type === 'RecomputeDeadline') return state.status === 'none' ? [] : decideRecompute(state.deadlines, command);
  if (state.status === 'none') {
    if (command.type === 'OpenFinding') return decideOpening(command, policy);
    throw inspectionError('FINDING_NOT_FOUND', `finding ${command.data.findingId} does not exist`);
  }
  if (command.type === 'OpenFinding') throw inspectionError('FINDING_ALREADY_EXISTS', `finding ${state.finding.findingId} already exists`);
  // A printed notice has its own rules for every status (finding-notice-document.ts).
  if (command.type === 'RecordNoticeDocument') return recordNoticeDocument(command, state, policy);
  // So has an attached file: a re-check's files come after sign-off (finding-evidence.decide.ts).
  if (command.type === 'AttachEvidence') return attachFindingEvidence(command, state);
  if (state.status === 'withdrawn') {
    if (command.type === 'WithdrawFinding') return [];
    throw inspectionError('FINDING_WITHDRAWN', 'the finding was withdrawn');
  }
  if (state.status === 'signedOff') {
    if (command.type === 'RecordRecheck') return recordRecheck(command, state, policy);
    throw inspectionError('FINDING_SIGNED_OFF', 'the finding is signed off');
  }
  switch (command.type) {
    case 'IssueRectificationNotice':
      return issueNotice(command, state, policy);
    case 'SubmitRectificationPlan':
      return submitPlan(command, state);
    case 'ReportRectificationProgress':
      return reportProgress(command, state);
    case 'RequestSignOff':
      return requestSignOff(command, state, policy);
    case 'SignOffFinding':
      return signOff(command, state, policy);
    case 'RejectSignOff':
      return rejectSignOff(command, state);
    case 'RequestExtension':
      return requestExtension(command, state, policy);
    case 'ApproveExtension':
      return approveExtension(command, state, policy);
    case 'DenyExtension':
      return denyExtension(command, state);
    case 'RecordRecheck':
      throw inspectionError('NOT_SIGNED_OFF', 'only a signed-off finding can be re-checked');
    case 'WithdrawFinding':
      return withdrawFinding(command, state);
    default:
      return assertNever(command, 'finding command');
  }
}
