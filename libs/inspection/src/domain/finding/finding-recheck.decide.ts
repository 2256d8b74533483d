import { DeadlineCleared } from '@bihuan/core';
import { requireRole, requireText } from '../actor-rules';
import { citedEvidence } from '../evidence-rules';
import { assertWindow, findingDeadlineId, toTerms } from '../deadline-rules';
import { inspectionError } from '../inspection-errors';
import { InspectionPolicy } from '../inspection-policy';
import { isRecheckOutcome } from '../inspection-values';
import { RecordRecheck } from './finding.commands';
import { FindingEvent } from './finding.events';
import { FindingState } from './finding.state';

type SignedOff = Extract<FindingState, { status: 'signedOff' }>;

/**
 * 回头看: an inspector goes back to a signed-off row, scheduled or not. It holds (passed), or the
 * problem is back (反弹): the row reopens in a new round with its own rectification deadline, and
 * the visit-closure workflow reopens the visit's ledger.
 */
export function recordRecheck(command: RecordRecheck, state: SignedOff, policy: InspectionPolicy): FindingEvent[] {
  requireRole(command.metadata.actor, ['inspector'], 'recording a re-check');
  const { data, metadata } = command;
  if (!isRecheckOutcome(data.outcome))
    throw inspectionError('RECHECK_OUTCOME_UNKNOWN', `unknown outcome "${String(data.outcome)}"`, 'outcome');
  const notes = requireText(data.notes, 'notes');
  const evidence = citedEvidence(state.files, data.evidence);
  const { finding, rectification } = state;
  const recheckId = findingDeadlineId('recheck', rectification.round);
  const pending = state.deadlines[recheckId];
  const cleared: DeadlineCleared[] =
    pending && pending.status === 'pending'
      ? [{ type: 'DeadlineCleared', data: { deadlineId: recheckId, clearedAt: metadata.now, outcome: 'met' } }]
      : [];
  const where = { findingId: finding.findingId, visitId: finding.visitId, institutionId: finding.institutionId };
  if (data.outcome === 'passed') {
    return [
      { type: 'FindingRecheckPassed', data: { ...where, round: rectification.round, notes, evidence, checkedBy: metadata.actor.id } },
      ...cleared,
    ];
  }
  if (!data.deadline)
    throw inspectionError('REOPEN_DEADLINE_REQUIRED', 'a reopened finding needs a new rectification deadline', 'deadline');
  assertWindow(data.deadline, metadata.now, 'deadline');
  const round = rectification.round + 1;
  const terms = toTerms('rectify', round, data.deadline, policy);
  return [
    ...cleared,
    {
      type: 'FindingReopened',
      data: {
        ...where,
        round,
        notes,
        evidence,
        deadlineId: terms.deadlineId,
        dueAt: terms.dueAt,
        reopenedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
    { type: 'DeadlineSet', data: terms },
  ];
}
