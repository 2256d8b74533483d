import { Message, streamName, SYSTEM_ACTOR, Workflow, WorkflowOutput, deterministicId } from '@bihuan/core';
import { AddEthicsRecord } from '../domain/archive/ethics-archive.commands';
import { ETHICS_ARCHIVE_CATEGORY, ethicsRecordIdFor } from '../domain/archive/ethics-archive.decider';
import { ComplaintDecidedInput, isComplaintDecided, streamOf } from './ethics-input-events';

export const COMPLAINT_ETHICS_WORKFLOW = 'complaintEthics';

/** Which decisions add a record, and the record kind each gets (its points come from EthicsPolicy). */
export interface ComplaintEthicsRules {
  readonly recordKinds: Readonly<Partial<Record<ComplaintDecidedInput['data']['decision'], string>>>;
}

export const DEFAULT_COMPLAINT_ETHICS_RULES: ComplaintEthicsRules = Object.freeze({
  recordKinds: Object.freeze({ substantiated: 'complaint-substantiated', 'partly-substantiated': 'complaint-partly-substantiated' }),
});

/** Staff already given a record for a ticket (a 重办 round deciding again adds nothing new). */
export interface ComplaintEthicsState {
  readonly recorded: readonly string[];
}

function plan(input: ComplaintDecidedInput, rules: ComplaintEthicsRules): { staffId: string; output: WorkflowOutput } | null {
  const d = input.data;
  const recordKind = rules.recordKinds[d.decision];
  if (!d.implicatedStaffId || !recordKind) return null;
  const eventId = input.metadata.eventId;
  const command: AddEthicsRecord = {
    type: 'AddEthicsRecord',
    data: {
      // Keyed by ticket, not event: the same staff member is recorded once per ticket.
      recordId: ethicsRecordIdFor('complaint', d.ticketId, d.implicatedStaffId),
      staffId: d.implicatedStaffId,
      institutionId: d.institutionId,
      source: { kind: 'complaint', ticketId: d.ticketId, round: d.round, eventId, stream: streamOf(input) ?? `complaintTicket-${d.ticketId}` },
      recordKind,
      category: d.category,
      decision: d.decision,
      summary: d.findings,
      occurredAt: d.decidedAt,
      causedBy: { stream: streamOf(input) ?? `complaintTicket-${d.ticketId}`, eventId },
    },
    metadata: {
      commandId: deterministicId(COMPLAINT_ETHICS_WORKFLOW, d.ticketId, d.implicatedStaffId),
      correlationId: input.metadata.correlationId,
      causationId: eventId,
      actor: SYSTEM_ACTOR,
      now: input.metadata.occurredAt,
    },
  };
  return { staffId: d.implicatedStaffId, output: { kind: 'send', stream: streamName(ETHICS_ARCHIVE_CATEGORY, d.implicatedStaffId), command } };
}

/**
 * Saga `complaintEthics-<ticketId>`: a (partly) substantiated ComplaintDecided naming a staff
 * member → AddEthicsRecord on `ethicsArchive-<staffId>`, with causedBy = the decision event.
 * At most one record per staff member per ticket; the record id is deterministic, so a redelivery
 * (or the complaints context's own consequence saga sending the same) is a no-op in the archive.
 */
export function complaintEthicsWorkflow(rules: ComplaintEthicsRules = DEFAULT_COMPLAINT_ETHICS_RULES): Workflow<ComplaintEthicsState> {
  return {
    name: COMPLAINT_ETHICS_WORKFLOW,
    inputs: ['ComplaintDecided'],
    initialState: { recorded: [] },
    instanceId: (input) => (isComplaintDecided(input) ? input.data.ticketId : null),
    decide(input: Message, state: ComplaintEthicsState): readonly WorkflowOutput[] {
      if (!isComplaintDecided(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
      const planned = plan(input, rules);
      if (!planned) return [{ kind: 'ignore', reason: 'no staff member implicated, or a decision without record' }];
      if (state.recorded.includes(planned.staffId)) return [{ kind: 'ignore', reason: 'already recorded for this ticket' }];
      return [planned.output];
    },
    evolve(state, event): ComplaintEthicsState {
      if (!('metadata' in event) || !isComplaintDecided(event as Message)) return state;
      const planned = plan(event as ComplaintDecidedInput, rules);
      return planned && !state.recorded.includes(planned.staffId) ? { recorded: [...state.recorded, planned.staffId] } : state;
    },
  };
}
