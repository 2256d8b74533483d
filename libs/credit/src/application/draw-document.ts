import { DrawInput, DrawnVisit } from '../domain/draw/draw-inspections';
import { drawInputOf, RandomDrawState } from '../domain/draw/random-draw.decider';

/**
 * A draw as published (一公开): the seed, every recorded input and the algorithm, so anyone can
 * re-run `drawInspections(inputs)` and compare with `visits`.
 */
export interface DrawDocument {
  readonly drawId: string;
  readonly status: 'requested' | 'published' | 'cancelled';
  readonly jurisdiction: string;
  readonly seed: string;
  readonly algorithm: string;
  readonly inputs: DrawInput;
  readonly visits: readonly DrawnVisit[] | null;
  readonly plannedDate: string;
  readonly campaignId: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly publishedAt: string | null;
  readonly policyVersion: string;
}

export function drawDocument(state: RandomDrawState): DrawDocument | null {
  if (state.status === 'none') return null;
  const r = state.request;
  return {
    drawId: r.drawId,
    status: state.status,
    jurisdiction: r.jurisdiction,
    seed: r.seed,
    algorithm: r.algorithm,
    inputs: drawInputOf(r),
    visits: state.status === 'published' ? state.published.visits : null,
    plannedDate: r.plannedDate,
    campaignId: r.campaignId,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    publishedAt: state.status === 'published' ? state.published.publishedAt : null,
    policyVersion: r.policyVersion,
  };
}
