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
import { DrawPublished } from '../domain/draw/random-draw.messages';
import { PlanVisit } from './credit-input-events';

export const RANDOM_DRAW_VISITS_WORKFLOW = 'randomDrawVisits';
/** The inspection context's visit stream category: `visit-<visitId>`. */
export const VISIT_STREAM_CATEGORY = 'visit';

type Published = Message<'DrawPublished', DrawPublished['data']>;
const isPublished = (m: Message | DomainEvent): m is Published =>
  'metadata' in m && m.type === 'DrawPublished' && 'visits' in m.data && Array.isArray(m.data.visits);

/** The visit id of a drawn pair: the same draw and institution always plan the same visit. */
export const drawnVisitId = (drawId: string, institutionId: string): string => deterministicId('randomDrawVisit', drawId, institutionId);

/**
 * The actor the PlanVisit commands carry: the inspector who published the draw (the inspection
 * context lets only inspectors plan visits), else the system actor.
 */
function plannerOf(input: Message): Actor {
  return input.metadata.actor.role === 'inspector' ? input.metadata.actor : SYSTEM_ACTOR;
}

/**
 * Saga `randomDrawVisits-<drawId>`: DrawPublished → one PlanVisit (kind `random`) per drawn pair to
 * `visit-<drawnVisitId(drawId, institutionId)>`, with the drawn inspectors, the draw's planned date
 * and campaign (the draw id when none). Then it completes.
 */
export const randomDrawVisitsWorkflow: Workflow<{ readonly done: boolean }> = {
  name: RANDOM_DRAW_VISITS_WORKFLOW,
  inputs: ['DrawPublished'],
  initialState: { done: false },
  instanceId: (input) => (isPublished(input) ? input.data.drawId : null),
  decide(input, state): readonly WorkflowOutput[] {
    if (!isPublished(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
    if (state.done) return [{ kind: 'ignore', reason: 'visits already planned' }];
    const d = input.data;
    const sends = d.visits.map((v): WorkflowOutput => {
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
    return [...sends, { kind: 'complete' }];
  },
  evolve: (state, event) => (isPublished(event) ? { done: true } : state),
};
