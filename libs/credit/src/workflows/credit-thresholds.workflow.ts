import { deterministicId, DomainEvent, Message, reactionMetadata, streamName, Workflow, WorkflowOutput } from '@bihuan/core';
import { ImposeCreditMeasures } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY } from '../domain/archive/credit-archive.decider';
import { CausedBy } from '../domain/credit-values';

export const CREDIT_THRESHOLDS_WORKFLOW = 'creditThresholds';

/** The inputs, as the credit streams record them (only the fields read here). */
type Input =
  | Message<'CreditPointsAdded', { institutionId: string; cycleNo: number; pointsId: string; points: number; causedBy: CausedBy | null }>
  | Message<'CreditPointsRevoked', { institutionId: string; cycleNo: number; pointsId: string; points: number }>
  | Message<'CreditMeasureImposed', { institutionId: string; cycleNo: number; final?: boolean }>
  | Message<'CreditCycleClosed', { institutionId: string; cycleNo: number }>;

const INPUT_TYPES: readonly Input['type'][] = ['CreditPointsAdded', 'CreditPointsRevoked', 'CreditMeasureImposed', 'CreditCycleClosed'];

function isInput(m: Message | DomainEvent): m is Input {
  const d = m.data as { institutionId?: unknown; cycleNo?: unknown };
  return (
    'metadata' in m &&
    (INPUT_TYPES as readonly string[]).includes(m.type) &&
    typeof d.institutionId === 'string' &&
    typeof d.cycleNo === 'number'
  );
}

/** The cycle's running total of counted points (each entry's event is recorded once per instance). */
export interface CreditThresholdsState {
  readonly total: number;
}

const delta = (input: Input): number =>
  input.type === 'CreditPointsAdded' ? input.data.points : input.type === 'CreditPointsRevoked' ? -input.data.points : 0;

/**
 * Saga `creditThresholds-<institutionId>.<cycleNo>` (ADR 0006): sums the cycle's points entries,
 * which live in streams of their own, and after each addition sends ImposeCreditMeasures with the
 * running total to the archive, whose decider (with the policy in force) imposes each threshold
 * first reached in the cycle exactly once — a redelivered or repeated total imposes nothing new.
 * Revocations lower the total; measures already imposed stand. It completes when the archive
 * imposes the policy's top threshold (`final`) or closes the cycle, so its stream stays short
 * however many entries the cycle gathers afterwards.
 */
export const creditThresholdsWorkflow: Workflow<CreditThresholdsState> = {
  name: CREDIT_THRESHOLDS_WORKFLOW,
  inputs: INPUT_TYPES,
  initialState: { total: 0 },
  instanceId: (input) => (isInput(input) ? `${input.data.institutionId}.${input.data.cycleNo}` : null),
  decide(input, state): readonly WorkflowOutput[] {
    if (!isInput(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
    switch (input.type) {
      case 'CreditCycleClosed':
        return [{ kind: 'complete' }];
      case 'CreditMeasureImposed':
        return input.data.final === true ? [{ kind: 'complete' }] : [{ kind: 'ignore', reason: 'a lower threshold' }];
      case 'CreditPointsRevoked':
        return [{ kind: 'ignore', reason: 'the total went down; measures already imposed stand' }];
      case 'CreditPointsAdded': {
        const d = input.data;
        const command: ImposeCreditMeasures = {
          type: 'ImposeCreditMeasures',
          data: {
            institutionId: d.institutionId,
            cycleNo: d.cycleNo,
            totalPoints: state.total + d.points,
            pointsId: d.pointsId,
            causedBy: d.causedBy,
          },
          metadata: reactionMetadata(input, deterministicId(CREDIT_THRESHOLDS_WORKFLOW, input.metadata.eventId)),
        };
        return [{ kind: 'send', stream: streamName(CREDIT_ARCHIVE_CATEGORY, d.institutionId), command }];
      }
    }
  },
  evolve: (state, event) => (isInput(event) ? { total: state.total + delta(event) } : state),
};
