import { deterministicId, Message, streamName, Workflow, WorkflowOutput } from '@bihuan/core';
import { OpenFinding } from '../domain/finding/finding.commands';
import { FINDING_STREAM_CATEGORY } from '../domain/finding/finding.decider';
import { VisitFindingsRegistered } from '../domain/visit/visit.events';

/**
 * findingOpening: a finding is recorded on its visit first (`VisitFindingsRegistered.findings`:
 * the visit decides that it is conducted and open), then its own stream is opened from that
 * record. The request that recorded it opens it at once; this workflow opens it again should that
 * request have died in between. Both send the very same command ({@link findingOpenings}), whose
 * deterministic id makes the second a redelivery, so a finding is opened exactly once and never
 * without its visit recording it. One instance per visit.
 */
export const FINDING_OPENING_NAME = 'findingOpening';

/**
 * The OpenFinding commands a registration calls for, one per recorded finding, on behalf of the
 * person who recorded it (the finding records them as `openedBy`), at the instant it was recorded.
 */
export function findingOpenings(registered: Message): OpenFinding[] {
  if (registered.type !== 'VisitFindingsRegistered') return [];
  const { findings = [] } = registered.data as VisitFindingsRegistered['data'];
  const { eventId, correlationId, actor, occurredAt } = registered.metadata;
  return findings.map((data) => ({
    type: 'OpenFinding',
    data,
    metadata: {
      commandId: deterministicId(FINDING_OPENING_NAME, eventId, data.findingId),
      correlationId,
      causationId: eventId,
      actor,
      now: occurredAt,
    },
  }));
}

function decide(input: Message): readonly WorkflowOutput[] {
  const openings = findingOpenings(input);
  if (openings.length === 0) return [{ kind: 'ignore', reason: 'no finding recorded with its draft' }];
  return openings.map((command) => ({ kind: 'send', stream: streamName(FINDING_STREAM_CATEGORY, command.data.findingId), command }));
}

function visitIdOf(input: Message): string | null {
  const { visitId } = input.data as Partial<VisitFindingsRegistered['data']>;
  return typeof visitId === 'string' && visitId.length > 0 ? visitId : null;
}

/** Stateless: every registration names its own findings, and the commands are idempotent. */
export const findingOpeningWorkflow: Workflow<null> = {
  name: FINDING_OPENING_NAME,
  inputs: ['VisitFindingsRegistered'],
  initialState: null,
  instanceId: visitIdOf,
  decide,
  evolve: () => null,
};
