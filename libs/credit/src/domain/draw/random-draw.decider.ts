import { assertNever, Decider } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { optionalText, requireIsoDate, requireRole, requireText } from '../credit-rules';
import { DRAW_ALGORITHM, drawInspections, DrawInput } from './draw-inspections';
import { DrawPublished, DrawRequested, RandomDrawCommand, RandomDrawEvent, RequestRandomDraw } from './random-draw.messages';

/** Stream category: `randomDraw-<drawId>`. */
export const RANDOM_DRAW_CATEGORY = 'randomDraw';

export type RandomDrawState =
  | { readonly status: 'none' }
  | { readonly status: 'requested' | 'cancelled'; readonly request: DrawRequested['data'] }
  | { readonly status: 'published'; readonly request: DrawRequested['data']; readonly published: DrawPublished['data'] };

export const initialRandomDrawState: RandomDrawState = { status: 'none' };

export function evolveRandomDraw(state: RandomDrawState, event: RandomDrawEvent): RandomDrawState {
  switch (event.type) {
    case 'DrawRequested':
      return { status: 'requested', request: event.data };
    case 'DrawPublished':
      return state.status === 'none' ? state : { status: 'published', request: state.request, published: event.data };
    case 'DrawCancelled':
      return state.status === 'none' ? state : { status: 'cancelled', request: state.request };
    default:
      return assertNever(event, 'random draw event');
  }
}

/** The recorded inputs of a draw, as drawInspections takes them (for re-running it). */
export function drawInputOf(request: DrawRequested['data']): DrawInput {
  const { seed, institutions, inspectors, count, inspectorsPerVisit, weights } = request;
  return { seed, institutions, inspectors, count, inspectorsPerVisit, weights };
}

function request(command: RequestRandomDraw, policy: CreditPolicy): RandomDrawEvent[] {
  const { data, metadata } = command;
  const recorded: DrawRequested['data'] = {
    drawId: requireText(data.drawId, 'drawId'),
    jurisdiction: requireText(data.jurisdiction, 'jurisdiction'),
    seed: requireText(data.seed, 'seed'),
    institutions: (data.institutions ?? []).map((i) => ({ id: i.id, creditLevel: i.creditLevel })),
    inspectors: (data.inspectors ?? []).map((i) => ({
      id: i.id,
      unit: i.unit,
      conflicts: [...(i.conflicts ?? [])],
      ...(i.covers ? { covers: [...i.covers] } : {}),
    })),
    count: data.count,
    inspectorsPerVisit: data.inspectorsPerVisit,
    weights: data.weights ?? policy.drawWeights,
    plannedDate: requireIsoDate(data.plannedDate, 'plannedDate'),
    campaignId: optionalText(data.campaignId, 'campaignId'),
    algorithm: DRAW_ALGORITHM,
    requestedBy: metadata.actor.id,
    requestedAt: metadata.now,
    policyVersion: policy.policyVersion,
  };
  drawInspections(drawInputOf(recorded)); // refuse now what could never be drawn
  return [{ type: 'DrawRequested', data: recorded }];
}

/** Draw rules: request (inputs + seed recorded) → publish (result computed from the record) | cancel. */
export function decideRandomDraw(
  command: RandomDrawCommand,
  state: RandomDrawState,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): RandomDrawEvent[] {
  const actor = command.metadata.actor;
  if (command.type === 'WarnDeadline' || command.type === 'ExpireDeadline') return [];
  requireRole(actor, ['inspector', 'leader'], command.type);
  if (command.type === 'RequestRandomDraw') {
    if (state.status !== 'none') throw creditError('DRAW_ALREADY_EXISTS', `draw ${command.data.drawId} already exists`);
    return request(command, policy);
  }
  if (state.status === 'none') throw creditError('DRAW_NOT_FOUND', `no draw ${command.data.drawId}`);
  switch (command.type) {
    case 'PublishRandomDraw': {
      if (state.status === 'published') return [];
      if (state.status === 'cancelled') throw creditError('DRAW_CANCELLED', 'the draw was cancelled');
      const r = state.request;
      if (r.algorithm !== DRAW_ALGORITHM)
        throw creditError('DRAW_INPUT_INVALID', `draw recorded with algorithm ${r.algorithm}, this build has ${DRAW_ALGORITHM}`);
      const result = drawInspections(drawInputOf(r));
      return [
        {
          type: 'DrawPublished',
          data: {
            drawId: r.drawId,
            jurisdiction: r.jurisdiction,
            seed: r.seed,
            algorithm: result.algorithm,
            visits: result.visits,
            plannedDate: r.plannedDate,
            campaignId: r.campaignId,
            publishedBy: actor.id,
            publishedAt: command.metadata.now,
          },
        },
      ];
    }
    case 'CancelRandomDraw':
      if (state.status === 'cancelled') return [];
      if (state.status === 'published') throw creditError('DRAW_ALREADY_PUBLISHED', 'a published draw stands; cancel its visits instead');
      return [
        {
          type: 'DrawCancelled',
          data: { drawId: state.request.drawId, reason: requireText(command.data.reason, 'reason'), cancelledBy: actor.id },
        },
      ];
    default:
      return assertNever(command, 'random draw command');
  }
}

export function randomDrawDecider(
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): Decider<RandomDrawCommand, RandomDrawEvent, RandomDrawState> {
  return {
    initialState: initialRandomDrawState,
    evolve: evolveRandomDraw,
    decide: (command, state) => decideRandomDraw(command, state, policy),
  };
}
