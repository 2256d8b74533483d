import { assertNever, Decider, sm3Hex } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { optionalText, requireIsoDate, requireRole, requireText } from '../credit-rules';
import { DRAW_SEED_PATTERN, drawCommitment, DrawCommitment, PublicDrawInputs } from './draw-commitment';
import { DRAW_ALGORITHM, DRAW_ALGORITHMS, drawInspections, DrawInput, DrawnVisit } from './draw-inspections';
import {
  CommitRandomDraw,
  DrawCommitted,
  DrawRecordData,
  DrawRevealed,
  RandomDrawCommand,
  RandomDrawEvent,
  RevealRandomDraw,
} from './random-draw.messages';

/** Stream category: `randomDraw-<drawId>`. */
export const RANDOM_DRAW_CATEGORY = 'randomDraw';

/** A draw as its first event records it; `commitment` is null for a draw made before commitments (ADR 0018). */
export interface DrawRecord extends DrawRecordData {
  readonly commitment: DrawCommitment | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
}

/** The result as DrawMade (or, before commitments, DrawPublished) records it. */
export interface DrawOutcome {
  readonly algorithm: string;
  readonly visits: readonly DrawnVisit[];
  readonly drawnBy: string;
  readonly drawnAt: string;
}

/**
 * committed → drawn → revealed (or committed → cancelled). `requested` and `published` are the two
 * states of a draw recorded before commitments: published at once, seed and result together.
 */
type Recorded<S extends string> = { readonly status: S; readonly record: DrawRecord };
type Drawn<S extends string> = Recorded<S> & { readonly outcome: DrawOutcome };

export type RandomDrawState =
  | { readonly status: 'none' }
  | Recorded<'committed'>
  | Recorded<'requested'>
  | Recorded<'cancelled'>
  | Drawn<'drawn'>
  | Drawn<'published'>
  | (Drawn<'revealed'> & { readonly revealed: DrawRevealed['data'] });

export type RandomDrawStatus = Exclude<RandomDrawState['status'], 'none'>;

export const initialRandomDrawState: RandomDrawState = { status: 'none' };

export function evolveRandomDraw(state: RandomDrawState, event: RandomDrawEvent): RandomDrawState {
  switch (event.type) {
    case 'DrawCommitted': {
      const { seedDigest, inputsDigest, committedBy, committedAt, ...data } = event.data;
      return {
        status: 'committed',
        record: { ...data, commitment: { seedDigest, inputsDigest }, requestedBy: committedBy, requestedAt: committedAt },
      };
    }
    case 'DrawRequested':
      return { status: 'requested', record: { ...event.data, commitment: null } };
    case 'DrawMade':
    case 'DrawPublished': {
      if (state.status === 'none') return state;
      const { algorithm, visits } = event.data;
      const outcome: DrawOutcome =
        event.type === 'DrawMade'
          ? { algorithm, visits, drawnBy: event.data.madeBy, drawnAt: event.data.madeAt }
          : { algorithm, visits, drawnBy: event.data.publishedBy, drawnAt: event.data.publishedAt };
      return event.type === 'DrawMade'
        ? { status: 'drawn', record: state.record, outcome }
        : { status: 'published', record: state.record, outcome };
    }
    case 'DrawRevealed':
      return state.status === 'drawn' ? { status: 'revealed', record: state.record, outcome: state.outcome, revealed: event.data } : state;
    case 'DrawCancelled':
      return state.status === 'none' ? state : { status: 'cancelled', record: state.record };
    default:
      return assertNever(event, 'random draw event');
  }
}

/** The recorded inputs of a draw, as drawInspections takes them (for re-running it). */
export function drawInputOf(record: DrawRecordData): DrawInput {
  const { seed, institutions, inspectors, count, inspectorsPerVisit, weights } = record;
  return { seed, institutions, inspectors, count, inspectorsPerVisit, weights };
}

/** The inputs the public sees once the draw is revealed, and its inputs digest covers. */
export function publicInputsOf(record: DrawRecordData): PublicDrawInputs {
  const { algorithm, jurisdiction, institutions, count, inspectorsPerVisit, weights } = record;
  return { algorithm, jurisdiction, institutions, count, inspectorsPerVisit, weights };
}

function commit(command: CommitRandomDraw, policy: CreditPolicy): RandomDrawEvent[] {
  const { data, metadata } = command;
  const seed = requireText(data.seed, 'seed');
  if (!DRAW_SEED_PATTERN.test(seed))
    throw creditError('DRAW_INPUT_INVALID', 'seed must be 64 hex digits (256 random bits)', { field: 'seed' });
  const record: DrawRecordData = {
    drawId: requireText(data.drawId, 'drawId'),
    jurisdiction: requireText(data.jurisdiction, 'jurisdiction'),
    seed,
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
    policyVersion: policy.policyVersion,
  };
  drawInspections(drawInputOf(record)); // refuse now what could never be drawn: no commitment is left undrawn
  const committed: DrawCommitted['data'] = {
    ...record,
    ...drawCommitment(seed, publicInputsOf(record)),
    committedBy: metadata.actor.id,
    committedAt: metadata.now,
  };
  return [{ type: 'DrawCommitted', data: committed }];
}

function reveal(command: RevealRandomDraw, state: Extract<RandomDrawState, { status: 'drawn' }>): RandomDrawEvent[] {
  const { record, outcome } = state;
  const reported = new Map(command.data.visits.map((v) => [v.institutionId, v]));
  const visits = outcome.visits.map(
    (v) => reported.get(v.institutionId) ?? { institutionId: v.institutionId, visitId: '', outcome: 'pending' as const },
  );
  const pending = visits.filter((v) => v.outcome === 'pending').map((v) => v.institutionId);
  if (pending.length > 0) {
    throw creditError('DRAW_VISITS_PENDING', `${pending.length} drawn visit(s) neither conducted nor cancelled`, {
      pending: pending.length,
    });
  }
  if (record.commitment === null || sm3Hex(record.seed) !== record.commitment.seedDigest) {
    throw creditError('DRAW_COMMITMENT_MISMATCH', `the recorded seed of draw ${record.drawId} does not match its commitment`);
  }
  const { metadata } = command;
  return [
    {
      type: 'DrawRevealed',
      data: {
        drawId: record.drawId,
        jurisdiction: record.jurisdiction,
        seed: record.seed,
        visits,
        revealedBy: metadata.actor.id,
        revealedAt: metadata.now,
      },
    },
  ];
}

/** Draw rules: commit (inputs, seed and its digests) → make (result from the record) → reveal (visits done) | cancel before the result. */
export function decideRandomDraw(
  command: RandomDrawCommand,
  state: RandomDrawState,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): RandomDrawEvent[] {
  const actor = command.metadata.actor;
  if (command.type === 'WarnDeadline' || command.type === 'ExpireDeadline') return [];
  // The saga makes the draw it was asked for (as the committing inspector, or the system for a leader's).
  requireRole(actor, command.type === 'MakeRandomDraw' ? ['inspector', 'leader', 'system'] : ['inspector', 'leader'], command.type);
  if (command.type === 'CommitRandomDraw') {
    if (state.status !== 'none') throw creditError('DRAW_ALREADY_EXISTS', `draw ${command.data.drawId} already exists`);
    return commit(command, policy);
  }
  if (state.status === 'none') throw creditError('DRAW_NOT_FOUND', `no draw ${command.data.drawId}`);
  const notCommitted = () =>
    creditError('DRAW_NOT_COMMITTED', `draw ${command.data.drawId} was recorded before commitments and is not drawn now`);
  switch (command.type) {
    case 'MakeRandomDraw': {
      if (state.status === 'requested') throw notCommitted();
      if (state.status === 'cancelled') throw creditError('DRAW_CANCELLED', 'the draw was cancelled');
      if (state.status !== 'committed') return [];
      const r = state.record;
      if (!DRAW_ALGORITHMS.includes(r.algorithm))
        throw creditError(
          'DRAW_INPUT_INVALID',
          `draw recorded with algorithm ${r.algorithm}, this build knows ${DRAW_ALGORITHMS.join(', ')}`,
        );
      const result = drawInspections(drawInputOf(r), r.algorithm);
      const data = { drawId: r.drawId, jurisdiction: r.jurisdiction, algorithm: result.algorithm, visits: result.visits };
      return [
        {
          type: 'DrawMade',
          data: { ...data, plannedDate: r.plannedDate, campaignId: r.campaignId, madeBy: actor.id, madeAt: command.metadata.now },
        },
      ];
    }
    case 'RevealRandomDraw':
      if (state.status === 'revealed') return [];
      if (state.status === 'requested') throw notCommitted();
      if (state.status === 'published') throw creditError('DRAW_ALREADY_PUBLISHED', 'a draw made before commitments was published at once');
      if (state.status === 'cancelled') throw creditError('DRAW_CANCELLED', 'the draw was cancelled');
      if (state.status === 'committed')
        throw creditError('DRAW_VISITS_PENDING', 'the draw is not made yet', { pending: state.record.count });
      return reveal(command, state);
    case 'CancelRandomDraw':
      if (state.status === 'cancelled') return [];
      if (state.status !== 'committed' && state.status !== 'requested')
        throw creditError('DRAW_ALREADY_MADE', 'a made draw stands; cancel its visits instead');
      return [
        {
          type: 'DrawCancelled',
          data: { drawId: state.record.drawId, reason: requireText(command.data.reason, 'reason'), cancelledBy: actor.id },
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
