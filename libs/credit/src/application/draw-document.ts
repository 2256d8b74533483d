import { assertReadGranted, Reader } from '@bihuan/core';
import { creditError } from '../domain/credit-errors';
import { DrawCommitment } from '../domain/draw/draw-commitment';
import { DrawInstitution, DrawnInstitution, DrawnVisit } from '../domain/draw/draw-inspections';
import { DrawRecord, RandomDrawState, RandomDrawStatus } from '../domain/draw/random-draw.decider';
import { DrawnVisitState } from '../domain/draw/random-draw.messages';
import { CreditLevel } from '../domain/credit-values';
import { randomDrawVisibility } from '../domain/visibility/random-draw.visibility';

/** When the draw committed to its seed, and to what. */
export interface DrawCommitmentView extends DrawCommitment {
  readonly committedAt: string;
}

/** An inspector of a draw as a reader sees it: `conflicts` null when withheld from this reader. */
export interface DrawInspectorView {
  readonly id: string;
  readonly unit: string;
  readonly conflicts: readonly string[] | null;
  readonly covers?: readonly string[];
}

/** The inputs besides the seed, as staff read them. */
export interface DrawInputsView {
  readonly institutions: readonly DrawInstitution[];
  readonly inspectors: readonly DrawInspectorView[];
  readonly count: number;
  readonly inspectorsPerVisit: number;
  readonly weights: Readonly<Record<CreditLevel, number>>;
}

/**
 * A draw as the commission staff over its jurisdiction read it (GET /draws/:id, and what POST /draws
 * answers): inputs, commitment and result, as randomDrawVisibility lets the reader see them — no seed
 * before the reveal, no other inspector's conflicts for an inspector. With the seed,
 * `drawInspections({ seed, ...inputs }, algorithm)` gives `visits` again.
 */
export interface DrawDocument {
  readonly drawId: string;
  readonly status: RandomDrawStatus;
  readonly jurisdiction: string;
  readonly algorithm: string;
  /** Null for a draw made before commitments (ADR 0018). */
  readonly commitment: DrawCommitmentView | null;
  /** Null until revealed (always shown for a draw made before commitments). */
  readonly seed: string | null;
  readonly inputs: DrawInputsView;
  readonly visits: readonly DrawnVisit[] | null;
  /** How each drawn visit ended, as recorded at the reveal. */
  readonly visitOutcomes: readonly DrawnVisitState[] | null;
  readonly plannedDate: string;
  readonly campaignId: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly drawnAt: string | null;
  readonly revealedAt: string | null;
  readonly policyVersion: string;
}

/**
 * What the draw routes answer: the draw as the caller may read it, the log position of its last
 * event, and how each drawn visit stands now (its id and outcome, read from its own stream), so a
 * console can link the visits and tell whether the seed may be revealed yet. Null until drawn.
 */
export type DrawAnswer = DrawDocument & { readonly position: number | null; readonly drawnVisits: readonly DrawnVisitState[] | null };

/** The draw's visibility declaration decides, as on every read path of the stream: 404 unknown, 403 out of scope. */
export function assertDrawReadable(reader: Reader, drawId: string, state: RandomDrawState): void {
  const access = { jurisdiction: state.status === 'none' ? null : state.record.jurisdiction, revealed: state.status === 'revealed' };
  assertReadGranted(randomDrawVisibility.decide(reader, access), () => creditError('DRAW_NOT_FOUND', `no draw ${drawId}`));
}

/** A record as randomDrawVisibility shows it: the seed may be left out, conflicts withheld. */
type ViewedRecord = Omit<DrawRecord, 'seed' | 'inspectors'> & { readonly seed?: string; readonly inspectors: readonly DrawInspectorView[] };

/** The draw document for one reader (who was granted the stream), through the stream's visibility declaration. */
export function drawDocument(reader: Reader, state: RandomDrawState): DrawDocument | null {
  if (state.status === 'none') return null;
  const access = { jurisdiction: state.record.jurisdiction, revealed: state.status === 'revealed' };
  const { record } = randomDrawVisibility.viewState!(reader, state, access) as { record: ViewedRecord };
  const outcome = 'outcome' in state ? state.outcome : null;
  const revealed = state.status === 'revealed' ? state.revealed : null;
  const { institutions, inspectors, count, inspectorsPerVisit, weights } = record;
  return {
    drawId: record.drawId,
    status: state.status,
    jurisdiction: record.jurisdiction,
    algorithm: record.algorithm,
    commitment: record.commitment ? { ...record.commitment, committedAt: record.requestedAt } : null,
    seed: record.seed ?? null,
    inputs: { institutions, inspectors, count, inspectorsPerVisit, weights },
    visits: outcome?.visits ?? null,
    visitOutcomes: revealed?.visits ?? null,
    plannedDate: record.plannedDate,
    campaignId: record.campaignId,
    requestedBy: record.requestedBy,
    requestedAt: record.requestedAt,
    drawnAt: outcome?.drawnAt ?? null,
    revealedAt: revealed?.revealedAt ?? null,
    policyVersion: record.policyVersion,
  };
}

/** The public inputs of a revealed draw: all that its institutions were drawn from (no inspectors). */
export interface PublicDrawInputsView {
  readonly institutions: readonly DrawInstitution[];
  readonly count: number;
  readonly inspectorsPerVisit: number;
  readonly weights: Readonly<Record<CreditLevel, number>>;
}

/** committed (only the digests), revealed (everything to check it), cancelled, or published at once before commitments. */
export const PUBLIC_DRAW_STATUSES = ['committed', 'revealed', 'cancelled', 'published-without-commitment'] as const;
export type PublicDrawStatus = (typeof PUBLIC_DRAW_STATUSES)[number];

/**
 * A draw as the public reads it (一公开, GET /public/draws/:id). Until every drawn visit is done and
 * the seed revealed, only that the jurisdiction committed to a draw, when, and the two digests: no
 * seed, no date, no institution. Revealed: the seed and the public inputs, so anyone checks
 * SM3(seed) = seedDigest, recomputes inputsDigest (checkRevealedDraw) and re-runs drawInstitutions to
 * the published `visits`. Inspectors are never shown, nor their conflicts of interest.
 */
export interface PublicDrawDocument {
  readonly drawId: string;
  readonly jurisdiction: string;
  readonly status: PublicDrawStatus;
  readonly commitment: DrawCommitmentView | null;
  readonly seed: string | null;
  readonly algorithm: string | null;
  readonly inputs: PublicDrawInputsView | null;
  readonly visits: readonly DrawnInstitution[] | null;
  readonly plannedDate: string | null;
  readonly campaignId: string | null;
  readonly revealedAt: string | null;
}

/** Null when the public may not know the draw at all (never committed nor published). */
export function publicDrawDocument(state: RandomDrawState): PublicDrawDocument | null {
  if (state.status === 'none' || state.status === 'requested') return null;
  const r = state.record;
  const commitment = r.commitment ? { ...r.commitment, committedAt: r.requestedAt } : null;
  const sealed = { drawId: r.drawId, jurisdiction: r.jurisdiction, commitment, seed: null, algorithm: null, inputs: null, visits: null };
  const none = { plannedDate: null, campaignId: null, revealedAt: null };
  if (state.status === 'cancelled') return commitment ? { ...sealed, ...none, status: 'cancelled' } : null;
  if (state.status === 'committed' || state.status === 'drawn') return { ...sealed, ...none, status: 'committed' };
  if (state.status !== 'revealed' && state.status !== 'published') return null;
  const visits = state.outcome.visits.map(({ institutionId, creditLevel, rank }) => ({ institutionId, creditLevel, rank }));
  return {
    ...sealed,
    status: state.status === 'revealed' ? 'revealed' : 'published-without-commitment',
    seed: r.seed,
    algorithm: r.algorithm,
    inputs: { institutions: r.institutions, count: r.count, inspectorsPerVisit: r.inspectorsPerVisit, weights: r.weights },
    visits,
    plannedDate: r.plannedDate,
    campaignId: r.campaignId,
    revealedAt: state.status === 'revealed' ? state.revealed.revealedAt : null,
  };
}
