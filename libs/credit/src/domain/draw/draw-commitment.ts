import { sm3Hex } from '@bihuan/core';
import { CreditLevel, CREDIT_LEVELS } from '../credit-values';
import { DRAW_ALGORITHM, DrawInstitution, DrawnInstitution, drawInstitutions } from './draw-inspections';

/**
 * Commit–reveal of a 双随机 draw (ADR 0018). The public page shows, from the moment a draw is
 * committed, `seedDigest = SM3(seed)` and `inputsDigest = SM3(seed ‖ 0x1f ‖ canonical inputs)`; when
 * the draw's visits are done it shows the seed and the inputs, and anyone checks both digests and
 * re-runs the institution draw. The inputs digest is keyed with the seed so that, before the reveal,
 * it tells nothing that could be guessed and checked (how many institutions, at which levels).
 */

/** A seed: 256 random bits as 64 lowercase hex digits, so its digest cannot be inverted by guessing. */
export const DRAW_SEED_PATTERN = /^[0-9a-f]{64}$/;

/** The inputs of a draw the public sees after the reveal: never the inspectors or their conflicts. */
export interface PublicDrawInputs {
  readonly algorithm: string;
  readonly jurisdiction: string;
  readonly institutions: readonly DrawInstitution[];
  readonly count: number;
  readonly inspectorsPerVisit: number;
  readonly weights: Readonly<Record<CreditLevel, number>>;
}

export interface DrawCommitment {
  readonly seedDigest: string;
  readonly inputsDigest: string;
}

/**
 * The inputs as one text, the same in every language: JSON without spaces, keys in this order,
 * institutions sorted by id (code-unit order), weights A–D:
 * `{"algorithm":…,"jurisdiction":…,"institutions":[{"id":…,"creditLevel":…},…],"count":…,"inspectorsPerVisit":…,"weights":{"A":…,"B":…,"C":…,"D":…}}`.
 */
export function canonicalDrawInputs(inputs: PublicDrawInputs): string {
  const institutions = [...inputs.institutions]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => ({ id: i.id, creditLevel: i.creditLevel }));
  const weights = Object.fromEntries(CREDIT_LEVELS.map((level) => [level, inputs.weights[level]]));
  return JSON.stringify({
    algorithm: inputs.algorithm,
    jurisdiction: inputs.jurisdiction,
    institutions,
    count: inputs.count,
    inspectorsPerVisit: inputs.inspectorsPerVisit,
    weights,
  });
}

/** What a draw commits to before anything is drawn. */
export function drawCommitment(seed: string, inputs: PublicDrawInputs): DrawCommitment {
  return { seedDigest: sm3Hex(seed), inputsDigest: sm3Hex(`${seed}\u001f${canonicalDrawInputs(inputs)}`) };
}

/** Everything the public page shows of a revealed draw that a check needs. */
export interface RevealedDrawFacts {
  readonly seed: string;
  readonly commitment: DrawCommitment;
  readonly inputs: PublicDrawInputs;
  readonly visits: readonly DrawnInstitution[];
}

export interface RevealedDrawCheck {
  /** SM3(seed) is the digest published at the commitment. */
  readonly seedMatches: boolean;
  /** The published inputs are those committed to. */
  readonly inputsMatch: boolean;
  /** Re-running the institution draw from the seed and inputs gives the published institutions, in order. */
  readonly resultMatches: boolean;
}

/** An outsider's check of a revealed draw (the CLI's `verify --draw`); pure, from the public facts alone. */
export function checkRevealedDraw(facts: RevealedDrawFacts): RevealedDrawCheck {
  const expected = drawCommitment(facts.seed, facts.inputs);
  let rerun: readonly DrawnInstitution[] | null = null;
  try {
    // Only committed draws (DRAW_ALGORITHM) draw their institutions from public inputs alone.
    if (facts.inputs.algorithm === DRAW_ALGORITHM) rerun = drawInstitutions({ seed: facts.seed, ...facts.inputs });
  } catch {
    rerun = null; // inputs that cannot be drawn cannot match a published result
  }
  const same = (a: DrawnInstitution, b: DrawnInstitution | undefined): boolean =>
    b !== undefined && a.institutionId === b.institutionId && a.creditLevel === b.creditLevel && a.rank === b.rank;
  return {
    seedMatches: expected.seedDigest === facts.commitment.seedDigest,
    inputsMatch: expected.inputsDigest === facts.commitment.inputsDigest,
    resultMatches: rerun !== null && rerun.length === facts.visits.length && rerun.every((r, i) => same(r, facts.visits[i])),
  };
}
