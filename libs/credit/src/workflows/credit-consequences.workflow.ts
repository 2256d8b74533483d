import { Command, deterministicId, Message, streamName, SYSTEM_ACTOR, Workflow, WorkflowOutput } from '@bihuan/core';
import { AddCreditPoints, RevokeCreditPoints } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY } from '../domain/archive/credit-archive.decider';
import { creditPointsIdFor } from '../domain/archive/credit-cycle.decide';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { CreditSourceRef } from '../domain/credit-values';
import { CreditInput, CREDIT_INPUT_TYPES, isCreditInput, streamOf } from './credit-input-events';

export const CREDIT_CONSEQUENCES_WORKFLOW = 'creditConsequences';

/** Points entries sent for this case (complaint ticket or finding), so a withdrawal can revoke them. */
export interface CreditConsequencesState {
  readonly sent: readonly { readonly pointsId: string; readonly institutionId: string }[];
}

interface Planned {
  readonly pointsId: string;
  readonly institutionId: string;
  readonly command: AddCreditPoints;
}

function meta(input: Message, key: string): Command['metadata'] {
  return {
    commandId: deterministicId(CREDIT_CONSEQUENCES_WORKFLOW, input.metadata.eventId, key),
    correlationId: input.metadata.correlationId,
    causationId: input.metadata.eventId,
    actor: SYSTEM_ACTOR,
    now: input.metadata.occurredAt,
  };
}

/** The points an input adds under the policy, or null (not a listed behaviour, decision or rung). */
function plan(input: CreditInput, policy: CreditPolicy): Planned | null {
  const eventId = input.metadata.eventId;
  let behaviour: string | undefined;
  let source: CreditSourceRef;
  let pointsKey: CreditSourceRef;
  let summary: string;
  switch (input.type) {
    case 'ComplaintDecided':
      if (!policy.complaintDecisions.includes(input.data.decision)) return null;
      behaviour = policy.complaintBehaviours[input.data.category];
      source = { kind: 'complaint', ticketId: input.data.ticketId, round: input.data.round, eventId, stream: streamOf(input) ?? `complaintTicket-${input.data.ticketId}` };
      pointsKey = source; // one entry per ticket and behaviour, as the complaints context's own saga keys it
      summary = input.data.findings;
      break;
    case 'FindingOpened':
      if (!policy.findingSeverities.includes(input.data.severity)) return null;
      behaviour = policy.findingBehaviours[input.data.category];
      source = { kind: 'finding', findingId: input.data.findingId, eventId, stream: streamOf(input) ?? `finding-${input.data.findingId}` };
      pointsKey = source;
      summary = input.data.description;
      break;
    case 'FindingEscalated':
      behaviour = policy.escalationBehaviours[input.data.rung];
      source = { kind: 'finding', findingId: input.data.findingId, round: input.data.round, eventId, stream: streamOf(input) ?? `finding-${input.data.findingId}` };
      pointsKey = { kind: 'finding-escalation', findingId: `${input.data.findingId}.${input.data.round}` }; // once per rectification round
      summary = `escalated: ${input.data.rung}`;
      break;
    case 'FindingWithdrawn':
      return null;
  }
  if (!behaviour) return null;
  const institutionId = input.data.institutionId;
  const pointsId = creditPointsIdFor(pointsKey, behaviour)!;
  const command: AddCreditPoints = {
    type: 'AddCreditPoints',
    data: { institutionId, pointsId, behaviour, occurredAt: input.metadata.occurredAt, source, causedBy: { stream: source.stream ?? null, eventId }, summary },
    metadata: meta(input, pointsId),
  };
  return { pointsId, institutionId, command };
}

/**
 * Saga `creditConsequences-<case>` (case = `complaint.<ticketId>` or `finding.<findingId>`):
 * - ComplaintDecided with a decision in policy.complaintDecisions and a listed category → AddCreditPoints;
 * - FindingOpened in a listed adverse category (and counted severity) → AddCreditPoints;
 * - FindingEscalated to a listed rung (挂牌督办) → AddCreditPoints, once per rectification round;
 * - FindingWithdrawn → RevokeCreditPoints for every entry this finding added.
 * Points ids are deterministic (creditPointsIdFor), so a redelivery is a no-op in the archive, and
 * each command carries causedBy = the input event (stream + id) and causationId = its id.
 */
export function creditConsequencesWorkflow(policy: CreditPolicy = DEFAULT_CREDIT_POLICY): Workflow<CreditConsequencesState> {
  return {
    name: CREDIT_CONSEQUENCES_WORKFLOW,
    inputs: CREDIT_INPUT_TYPES,
    initialState: { sent: [] },
    instanceId(input) {
      if (!isCreditInput(input)) return null;
      return input.type === 'ComplaintDecided' ? `complaint.${input.data.ticketId}` : `finding.${input.data.findingId}`;
    },
    decide(input, state): readonly WorkflowOutput[] {
      if (!isCreditInput(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
      if (input.type === 'FindingWithdrawn') {
        if (state.sent.length === 0) return [{ kind: 'ignore', reason: 'no points to revoke' }];
        return state.sent.map((s): WorkflowOutput => {
          const command: RevokeCreditPoints = {
            type: 'RevokeCreditPoints',
            data: { institutionId: s.institutionId, pointsId: s.pointsId, reason: `finding withdrawn: ${input.data.reason}`, causedBy: { stream: streamOf(input), eventId: input.metadata.eventId } },
            metadata: meta(input, `revoke:${s.pointsId}`),
          };
          return { kind: 'send', stream: streamName(CREDIT_ARCHIVE_CATEGORY, s.institutionId), command };
        });
      }
      const planned = plan(input, policy);
      if (!planned) return [{ kind: 'ignore', reason: 'not a listed behaviour' }];
      if (state.sent.some((s) => s.pointsId === planned.pointsId)) return [{ kind: 'ignore', reason: 'points already sent for this cause' }];
      return [{ kind: 'send', stream: streamName(CREDIT_ARCHIVE_CATEGORY, planned.institutionId), command: planned.command }];
    },
    evolve(state, event): CreditConsequencesState {
      if (!('metadata' in event) || !isCreditInput(event as Message)) return state;
      const input = event as CreditInput;
      if (input.type === 'FindingWithdrawn') return { sent: [] };
      const planned = plan(input, policy);
      if (!planned || state.sent.some((s) => s.pointsId === planned.pointsId)) return state;
      return { sent: [...state.sent, { pointsId: planned.pointsId, institutionId: planned.institutionId }] };
    },
  };
}
