import { DomainEvent, Message, reactionMetadata, Workflow, WorkflowOutput, deterministicId, streamName } from '@bihuan/core';
import { ComplaintDecided } from '../domain/complaint-ticket.events';
import {
  AddCreditPoints,
  AddEthicsRecord,
  CREDIT_ARCHIVE_CATEGORY,
  ETHICS_ARCHIVE_CATEGORY,
  ComplaintSourceRef,
} from './complaint-consequences.commands';
import { ComplaintConsequencesPolicy, DEFAULT_COMPLAINT_CONSEQUENCES_POLICY } from './complaint-consequences.policy';

export const COMPLAINT_CONSEQUENCES_WORKFLOW = 'complaintConsequences';

/** Keys of consequences already sent for a ticket (`ethics:<staffId>`, `credit:<institution>:<category>`). */
export interface ComplaintConsequencesState {
  readonly sent: readonly string[];
  readonly completed: boolean;
}

type Decided = Message<'ComplaintDecided', ComplaintDecided['data']>;
type Ended = Message<'ComplaintClosed', { readonly ticketId: string }> | Message<'ComplaintDeclined', { readonly ticketId: string }>;
/** What the saga consumes: a decision, or the end of the ticket (the other fields are not read). */
export type ComplaintConsequencesInput = Decided | Ended;
const INPUTS: readonly ComplaintConsequencesInput['type'][] = ['ComplaintDecided', 'ComplaintClosed', 'ComplaintDeclined'];

/** A delivered input of this saga: one of its types, naming its ticket. */
function isInput(m: Message | DomainEvent): m is ComplaintConsequencesInput {
  return (
    'metadata' in m &&
    (INPUTS as readonly string[]).includes(m.type) &&
    'ticketId' in m.data &&
    typeof m.data.ticketId === 'string' &&
    m.data.ticketId.length > 0
  );
}

interface Planned {
  readonly key: string;
  readonly output: WorkflowOutput;
}

/** The consequences of one decision, each keyed so that a later round never repeats it. */
function plan(input: Decided, policy: ComplaintConsequencesPolicy): Planned[] {
  const d = input.data;
  const source: ComplaintSourceRef = { kind: 'complaint', ticketId: d.ticketId, round: d.round, eventId: input.metadata.eventId };
  const metadata = (key: string) => reactionMetadata(input, deterministicId(COMPLAINT_CONSEQUENCES_WORKFLOW, d.ticketId, key));
  const planned: Planned[] = [];
  if (d.implicatedStaffId && policy.ethicsRecordOn.includes(d.decision)) {
    const key = `ethics:${d.implicatedStaffId}`;
    const command: AddEthicsRecord = {
      type: 'AddEthicsRecord',
      data: {
        staffId: d.implicatedStaffId,
        institutionId: d.institutionId,
        recordKind: d.decision === 'substantiated' ? 'complaint-substantiated' : 'complaint-partly-substantiated',
        decision: d.decision,
        category: d.category,
        summary: d.findings,
        occurredAt: d.decidedAt,
        source,
      },
      metadata: metadata(key),
    };
    planned.push({ key, output: { kind: 'send', stream: streamName(ETHICS_ARCHIVE_CATEGORY, d.implicatedStaffId), command } });
  }
  if (policy.creditPointsCategories.includes(d.category) && policy.creditPointsOn.includes(d.decision)) {
    const key = `credit:${d.institutionId}:${d.category}`;
    const command: AddCreditPoints = {
      type: 'AddCreditPoints',
      data: { institutionId: d.institutionId, behaviour: d.category, policyVersion: policy.policyVersion, occurredAt: d.decidedAt, source },
      metadata: metadata(key),
    };
    planned.push({ key, output: { kind: 'send', stream: streamName(CREDIT_ARCHIVE_CATEGORY, d.institutionId), command } });
  }
  return planned;
}

/**
 * Saga `complaintConsequences-<ticketId>`: a (partly) substantiated decision implicating a staff
 * member → AddEthicsRecord to `ethicsArchive-<staffId>`; a substantiated decision of a listed
 * behaviour → AddCreditPoints to `creditArchive-<institutionId>` (the credit policy in force sets
 * the points). Each consequence is sent at most once per ticket (a 重办 round that decides again
 * adds nothing new for the same target), and the command ids are deterministic, so a redelivered
 * input is a no-op downstream too. Closing or declining the ticket completes the workflow. Outputs
 * are folded from the inputs alone. This is the one home of the rule "substantiated complaint →
 * ethics record + credit points": neither the ethics nor the credit context has a saga for it.
 */
export function complaintConsequencesWorkflow(
  policy: ComplaintConsequencesPolicy = DEFAULT_COMPLAINT_CONSEQUENCES_POLICY,
): Workflow<ComplaintConsequencesState> {
  return {
    name: COMPLAINT_CONSEQUENCES_WORKFLOW,
    inputs: INPUTS,
    initialState: { sent: [], completed: false },
    instanceId: (input) => (isInput(input) ? input.data.ticketId : null),
    decide(input: Message, state: ComplaintConsequencesState): readonly WorkflowOutput[] {
      if (state.completed) return [{ kind: 'ignore', reason: 'workflow completed' }];
      if (!isInput(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
      if (input.type !== 'ComplaintDecided') return [{ kind: 'complete' }];
      const fresh = plan(input, policy).filter((p) => !state.sent.includes(p.key));
      return fresh.length > 0 ? fresh.map((p) => p.output) : [{ kind: 'ignore', reason: 'no consequence for this decision' }];
    },
    evolve(state: ComplaintConsequencesState, event): ComplaintConsequencesState {
      if (!isInput(event)) return state;
      if (event.type !== 'ComplaintDecided') return { ...state, completed: true };
      const keys = plan(event, policy)
        .map((p) => p.key)
        .filter((k) => !state.sent.includes(k));
      return keys.length > 0 ? { ...state, sent: [...state.sent, ...keys] } : state;
    },
  };
}
