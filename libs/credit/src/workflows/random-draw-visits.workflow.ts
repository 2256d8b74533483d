import {
  Actor,
  deterministicId,
  DomainEvent,
  Message,
  reactionMetadata,
  streamName,
  SYSTEM_ACTOR,
  Workflow,
  WorkflowOutput,
} from '@bihuan/core';
import { RANDOM_DRAW_CATEGORY } from '../domain/draw/random-draw.decider';
import { DrawCommitted, DrawMade, DrawPublished, MakeRandomDraw } from '../domain/draw/random-draw.messages';
import { PlanVisit } from './credit-input-events';

export const RANDOM_DRAW_VISITS_WORKFLOW = 'randomDrawVisits';
/** The inspection context's visit stream category: `visit-<visitId>`. */
export const VISIT_STREAM_CATEGORY = 'visit';

type Committed = Message<'DrawCommitted', DrawCommitted['data']>;
/** DrawMade, or DrawPublished of a draw made before commitments: a result to plan visits from. */
type Result = Message<'DrawMade', DrawMade['data']> | Message<'DrawPublished', DrawPublished['data']>;

const isCommitted = (m: Message | DomainEvent): m is Committed =>
  'metadata' in m && m.type === 'DrawCommitted' && typeof (m.data as { drawId?: unknown }).drawId === 'string';
const isResult = (m: Message | DomainEvent): m is Result =>
  'metadata' in m && (m.type === 'DrawMade' || m.type === 'DrawPublished') && 'visits' in m.data && Array.isArray(m.data.visits);

/** The visit id of a drawn pair: the same draw and institution always plan the same visit. */
export const drawnVisitId = (drawId: string, institutionId: string): string => deterministicId('randomDrawVisit', drawId, institutionId);

/**
 * The actor the commands carry: the inspector who committed the draw (the inspection context lets
 * only inspectors plan visits), else the system actor.
 */
function plannerOf(input: Message): Actor {
  return input.metadata.actor.role === 'inspector' ? input.metadata.actor : SYSTEM_ACTOR;
}

export interface RandomDrawVisitsState {
  /** MakeRandomDraw was sent for the commitment. */
  readonly drawing: boolean;
  /** The visits were planned from the result. */
  readonly planned: boolean;
}

function make(input: Committed): WorkflowOutput {
  const { drawId } = input.data;
  const command: MakeRandomDraw = {
    type: 'MakeRandomDraw',
    data: { drawId },
    metadata: reactionMetadata(input, deterministicId(RANDOM_DRAW_VISITS_WORKFLOW, drawId, 'make'), plannerOf(input)),
  };
  return { kind: 'send', stream: streamName(RANDOM_DRAW_CATEGORY, drawId), command };
}

function plan(input: Result): WorkflowOutput[] {
  const d = input.data;
  return d.visits.map((v): WorkflowOutput => {
    const visitId = drawnVisitId(d.drawId, v.institutionId);
    const command: PlanVisit = {
      type: 'PlanVisit',
      data: {
        visitId,
        kind: 'random',
        institutionId: v.institutionId,
        inspectorIds: [...v.inspectorIds],
        plannedDate: d.plannedDate,
        campaignId: d.campaignId ?? d.drawId,
      },
      metadata: reactionMetadata(input, deterministicId(RANDOM_DRAW_VISITS_WORKFLOW, d.drawId, v.institutionId), plannerOf(input)),
    };
    return { kind: 'send', stream: streamName(VISIT_STREAM_CATEGORY, visitId), command };
  });
}

/**
 * Saga `randomDrawVisits-<drawId>`, the draw's steps after its commitment (ADR 0018):
 * DrawCommitted → MakeRandomDraw to the draw, so the result is computed from the committed seed in
 * a step of its own, recorded after the commitment, and is made even if the request that committed
 * it went no further; DrawMade (or an older draw's DrawPublished) → one PlanVisit (kind `random`)
 * per drawn pair to `visit-<drawnVisitId(drawId, institutionId)>`, with the drawn inspectors, the
 * draw's planned date and campaign (the draw id when none). Then it completes.
 */
export const randomDrawVisitsWorkflow: Workflow<RandomDrawVisitsState> = {
  name: RANDOM_DRAW_VISITS_WORKFLOW,
  inputs: ['DrawCommitted', 'DrawMade', 'DrawPublished'],
  initialState: { drawing: false, planned: false },
  instanceId: (input) => (isCommitted(input) || isResult(input) ? input.data.drawId : null),
  decide(input, state): readonly WorkflowOutput[] {
    if (isCommitted(input)) return state.drawing ? [{ kind: 'ignore', reason: 'draw already asked for' }] : [make(input)];
    if (!isResult(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
    if (state.planned) return [{ kind: 'ignore', reason: 'visits already planned' }];
    return [...plan(input), { kind: 'complete' }];
  },
  evolve: (state, event) => {
    if (isCommitted(event)) return { ...state, drawing: true };
    return isResult(event) ? { ...state, planned: true } : state;
  },
};
