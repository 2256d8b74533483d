import { Command, deterministicId, Message, reactionMetadata, streamName, Workflow, WorkflowOutput } from '@bihuan/core';
import { AddCreditPoints, RevokeCreditPoints } from '../domain/archive/credit-archive.commands';
import { creditPointsIdFor } from '../domain/archive/credit-cycle.decide';
import { CREDIT_POINTS_CATEGORY, creditPointsStreamId } from '../domain/archive/credit-points.decider';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { CreditSourceRef } from '../domain/credit-values';
import { CreditInput, CREDIT_INPUT_TYPES, isCreditInput, streamOf } from './credit-input-events';

export const CREDIT_CONSEQUENCES_WORKFLOW = 'creditConsequences';

/** Points entries sent for this finding, so a withdrawal can revoke them. */
export interface CreditConsequencesState {
  readonly sent: readonly { readonly pointsId: string; readonly institutionId: string }[];
}

type Adding = Exclude<CreditInput, { type: 'FindingWithdrawn' }>;

interface Planned {
  readonly pointsId: string;
  readonly institutionId: string;
  readonly command: AddCreditPoints;
}

/** Each entry has its own stream (ADR 0006). */
const pointsStream = (institutionId: string, pointsId: string): string =>
  streamName(CREDIT_POINTS_CATEGORY, creditPointsStreamId(institutionId, pointsId));

function meta(input: Message, key: string): Command['metadata'] {
  return reactionMetadata(input, deterministicId(CREDIT_CONSEQUENCES_WORKFLOW, input.metadata.eventId, key));
}

/** The points an input adds under the policy, or null (not a listed behaviour, severity or rung). */
function plan(input: Adding, policy: CreditPolicy): Planned | null {
  const eventId = input.metadata.eventId;
  const stream = streamOf(input) ?? `finding-${input.data.findingId}`;
  let behaviour: string | undefined;
  let source: CreditSourceRef;
  let pointsKey: CreditSourceRef;
  let summary: string;
  switch (input.type) {
    case 'FindingOpened':
      if (!policy.findingSeverities.includes(input.data.severity)) return null;
      behaviour = policy.findingBehaviours[input.data.category];
      source = { kind: 'finding', findingId: input.data.findingId, eventId, stream };
      pointsKey = source;
      summary = input.data.description;
      break;
    case 'FindingEscalated':
      behaviour = policy.escalationBehaviours[input.data.rung];
      source = { kind: 'finding', findingId: input.data.findingId, round: input.data.round, eventId, stream };
      pointsKey = { kind: 'finding-escalation', findingId: `${input.data.findingId}.${input.data.round}` }; // once per rectification round
      summary = `escalated: ${input.data.rung}`;
      break;
  }
  if (!behaviour) return null;
  const institutionId = input.data.institutionId;
  const pointsId = creditPointsIdFor(pointsKey, behaviour)!;
  const command: AddCreditPoints = {
    type: 'AddCreditPoints',
    data: {
      institutionId,
      pointsId,
      behaviour,
      occurredAt: input.metadata.occurredAt,
      source,
      causedBy: { stream: source.stream ?? null, eventId },
      summary,
    },
    metadata: meta(input, pointsId),
  };
  return { pointsId, institutionId, command };
}

/**
 * Saga `creditConsequences-finding.<findingId>`:
 * - FindingOpened in a listed adverse category (and counted severity) → AddCreditPoints to the entry's
 *   own stream `creditPoints-<institutionId>.<pointsId>` (the credit sender adds the current cycle);
 * - FindingEscalated to a listed rung (挂牌督办) → AddCreditPoints, once per rectification round;
 * - FindingWithdrawn → RevokeCreditPoints for every entry this finding added.
 * Points ids are deterministic (creditPointsIdFor), so a redelivery is a no-op in the archive, and
 * each command carries causedBy = the input event (stream + id) and causationId = its id.
 * A substantiated complaint's points are sent by the complaints context's complaintConsequences.
 */
export function creditConsequencesWorkflow(policy: CreditPolicy = DEFAULT_CREDIT_POLICY): Workflow<CreditConsequencesState> {
  return {
    name: CREDIT_CONSEQUENCES_WORKFLOW,
    inputs: CREDIT_INPUT_TYPES,
    initialState: { sent: [] },
    instanceId: (input) => (isCreditInput(input) ? `finding.${input.data.findingId}` : null),
    decide(input, state): readonly WorkflowOutput[] {
      if (!isCreditInput(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
      if (input.type === 'FindingWithdrawn') {
        if (state.sent.length === 0) return [{ kind: 'ignore', reason: 'no points to revoke' }];
        return state.sent.map((s): WorkflowOutput => {
          const command: RevokeCreditPoints = {
            type: 'RevokeCreditPoints',
            data: {
              institutionId: s.institutionId,
              pointsId: s.pointsId,
              reason: `finding withdrawn: ${input.data.reason}`,
              causedBy: { stream: streamOf(input), eventId: input.metadata.eventId },
            },
            metadata: meta(input, `revoke:${s.pointsId}`),
          };
          return { kind: 'send', stream: pointsStream(s.institutionId, s.pointsId), command };
        });
      }
      const planned = plan(input, policy);
      if (!planned) return [{ kind: 'ignore', reason: 'not a listed behaviour' }];
      if (state.sent.some((s) => s.pointsId === planned.pointsId))
        return [{ kind: 'ignore', reason: 'points already sent for this cause' }];
      return [{ kind: 'send', stream: pointsStream(planned.institutionId, planned.pointsId), command: planned.command }];
    },
    evolve(state, event): CreditConsequencesState {
      if (!isCreditInput(event)) return state;
      if (event.type === 'FindingWithdrawn') return { sent: [] };
      const planned = plan(event, policy);
      if (!planned || state.sent.some((s) => s.pointsId === planned.pointsId)) return state;
      return { sent: [...state.sent, { pointsId: planned.pointsId, institutionId: planned.institutionId }] };
    },
  };
}
