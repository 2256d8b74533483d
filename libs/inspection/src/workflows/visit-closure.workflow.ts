import {
  Command,
  deterministicId,
  DomainEvent,
  EventTypes,
  isEventOf,
  Message,
  streamName,
  SYSTEM_ACTOR,
  typesOf,
  Workflow,
  WorkflowOutput,
} from '@bihuan/core';
import { FindingReopened, FindingSignedOff, FindingWithdrawn } from '../domain/finding/finding.events';
import { CloseVisit, ReopenVisit } from '../domain/visit/visit.commands';
import { VISIT_STREAM_CATEGORY } from '../domain/visit/visit.decider';
import { VisitClosed, VisitFindingsRegistered, VisitReopened } from '../domain/visit/visit.events';

/**
 * visit-closure: a visit's ledger closes when every registered finding is settled (signed off 销号
 * or withdrawn), and reopens when a re-check reopens one of them (反弹). One instance per visit.
 * Closure waits for the visit's `VisitFindingsRegistered`, so a first early sign-off cannot close a
 * visit whose other findings are not registered yet.
 */
export interface VisitClosureState {
  /** Findings registered on the visit, or null before the visit registered any (or none). */
  readonly registered: readonly string[] | null;
  /** Findings currently signed off or withdrawn. */
  readonly settled: readonly string[];
  readonly closed: boolean;
}

/** Workflow name and stream category (dash-free, see core/streams.ts). */
export const VISIT_CLOSURE_NAME = 'visitClosure';

/** What visit-closure consumes: the visit's registration and closure, its findings settling or reopening. */
export type VisitClosureInput =
  VisitFindingsRegistered | VisitClosed | VisitReopened | FindingSignedOff | FindingWithdrawn | FindingReopened;

const INPUT_TYPES: EventTypes<VisitClosureInput> = {
  VisitFindingsRegistered: true,
  VisitClosed: true,
  VisitReopened: true,
  FindingSignedOff: true,
  FindingWithdrawn: true,
  FindingReopened: true,
};

export const VISIT_CLOSURE_INPUTS = typesOf(INPUT_TYPES);

const initialState: VisitClosureState = { registered: null, settled: [], closed: false };

/** The visit an input belongs to; null when it names none (a finding recorded without a visit). */
function visitIdOf(input: VisitClosureInput): string | null {
  const { visitId } = input.data;
  return typeof visitId === 'string' && visitId.length > 0 ? visitId : null;
}

function evolve(state: VisitClosureState, event: DomainEvent): VisitClosureState {
  if (!isEventOf(INPUT_TYPES, event)) return state; // recorded outputs change nothing
  switch (event.type) {
    case 'VisitFindingsRegistered':
      return { ...state, registered: [...event.data.allFindingIds] };
    case 'VisitClosed':
      return { ...state, closed: true };
    case 'VisitReopened':
      return { ...state, closed: false };
    case 'FindingSignedOff':
    case 'FindingWithdrawn': {
      const id = event.data.findingId;
      return state.settled.includes(id) ? state : { ...state, settled: [...state.settled, id] };
    }
    case 'FindingReopened':
      return { ...state, settled: state.settled.filter((id) => id !== event.data.findingId) };
  }
}

/** A command to the visit stream whose id derives from the input event, so redelivery is a no-op. */
function send<C extends CloseVisit | ReopenVisit>(input: Message, visitId: string, type: C['type'], data: C['data']): WorkflowOutput {
  const command: Command = {
    type,
    data,
    metadata: {
      commandId: deterministicId(VISIT_CLOSURE_NAME, input.metadata.eventId, type),
      correlationId: input.metadata.correlationId,
      causationId: input.metadata.eventId,
      actor: SYSTEM_ACTOR,
      now: input.metadata.occurredAt,
    },
  };
  return { kind: 'send', stream: streamName(VISIT_STREAM_CATEGORY, visitId), command };
}

function decide(input: Message, state: VisitClosureState): readonly WorkflowOutput[] {
  if (!isEventOf(INPUT_TYPES, input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
  const visitId = visitIdOf(input);
  if (visitId === null) return [{ kind: 'ignore', reason: 'input has no visitId' }];
  const after = evolve(state, input);
  if (input.type === 'FindingReopened') {
    if (!state.closed) return [{ kind: 'ignore', reason: 'visit ledger is still open' }];
    const reason = input.data.notes ?? 're-check reopened the finding';
    return [send<ReopenVisit>(input, visitId, 'ReopenVisit', { visitId, findingId: input.data.findingId, reason })];
  }
  if (input.type === 'VisitClosed' || input.type === 'VisitReopened') return [{ kind: 'ignore', reason: `recorded ${input.type}` }];
  if (after.closed || after.registered === null) return [{ kind: 'ignore', reason: 'visit closed or findings not registered' }];
  const outstanding = after.registered.filter((id) => !after.settled.includes(id));
  if (outstanding.length > 0) return [{ kind: 'ignore', reason: `${outstanding.length} finding(s) outstanding` }];
  return [send<CloseVisit>(input, visitId, 'CloseVisit', { visitId, settledFindingIds: [...after.registered] })];
}

/** The visit-closure workflow (dash-free name: it is also the category of its streams). */
export const visitClosureWorkflow: Workflow<VisitClosureState> = {
  name: VISIT_CLOSURE_NAME,
  inputs: VISIT_CLOSURE_INPUTS,
  initialState,
  instanceId: (input) => (isEventOf(INPUT_TYPES, input) ? visitIdOf(input) : null),
  decide,
  evolve,
};
