import { creditError } from '../credit-errors';
import { CreditLevel, CREDIT_LEVELS } from '../credit-values';
import { SeededRandom, seededRandom } from './seeded-random';

export interface DrawInstitution {
  readonly id: string;
  readonly creditLevel: CreditLevel;
}

export interface DrawInspector {
  readonly id: string;
  readonly unit: string;
  /** Institutions this inspector must not inspect (conflict of interest: former employer, relatives …). */
  readonly conflicts: readonly string[];
  /**
   * Institutions this inspector's unit covers (recorded since issue 11). Absent on older draws:
   * then every institution counts as covered, so re-running an old draw gives its old result.
   */
  readonly covers?: readonly string[];
}

/** What the institution half of a draw takes: everything in it is published with the reveal. */
export interface InstitutionDrawInput {
  readonly seed: string;
  readonly institutions: readonly DrawInstitution[];
  readonly count: number;
  readonly weights: Readonly<Record<CreditLevel, number>>;
}

export interface DrawInput extends InstitutionDrawInput {
  readonly inspectors: readonly DrawInspector[];
  readonly inspectorsPerVisit: number;
}

/** An institution as drawn: its level and the order it was drawn in (1-based). */
export interface DrawnInstitution {
  readonly institutionId: string;
  readonly creditLevel: CreditLevel;
  readonly rank: number;
}

export interface DrawnVisit extends DrawnInstitution {
  readonly inspectorIds: readonly string[];
}

export interface DrawResult {
  readonly algorithm: string;
  readonly visits: readonly DrawnVisit[];
}

/** The first procedure: one PRNG stream consumed institution, its inspectors, next institution … (draws before ADR 0018). */
export const DRAW_ALGORITHM_V1 = 'cyrb128-sfc32/weighted-sequential/fisher-yates@1';
/**
 * The procedure of committed draws (ADR 0018): every institution first, then the inspectors, on one
 * stream. The institutions then depend only on public inputs, so anyone can re-run that half from the
 * public page without the inspectors' conflicts of interest, which are never published.
 */
export const DRAW_ALGORITHM = 'cyrb128-sfc32/institutions-then-inspectors@2';
/** Named on the events, so a re-run uses the same procedure (docs/events/credit.md, "The draw"). */
export const DRAW_ALGORITHMS: readonly string[] = [DRAW_ALGORITHM_V1, DRAW_ALGORITHM];

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function eligibleFor(inspector: DrawInspector, institutionId: string): boolean {
  return !inspector.conflicts.includes(institutionId) && (inspector.covers === undefined || inspector.covers.includes(institutionId));
}

const bad = (message: string, field: string): never => {
  throw creditError('DRAW_INPUT_INVALID', message, { field });
};

function validateInstitutions(input: InstitutionDrawInput): void {
  if (typeof input.seed !== 'string' || input.seed.length === 0) bad('seed is required', 'seed');
  if (!Number.isInteger(input.count) || input.count < 1) bad('count must be a positive integer', 'count');
  for (const level of CREDIT_LEVELS) {
    const w = input.weights[level];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) bad(`weight of ${level} must be a non-negative number`, 'weights');
  }
  const ids = input.institutions.map((i) => i.id);
  if (new Set(ids).size !== ids.length) bad('institution ids must be unique', 'institutions');
  if (input.institutions.some((i) => !CREDIT_LEVELS.includes(i.creditLevel)))
    bad('every institution needs a credit level A/B/C/D', 'institutions');
}

function validate(input: DrawInput): void {
  validateInstitutions(input);
  if (!Number.isInteger(input.inspectorsPerVisit) || input.inspectorsPerVisit < 1)
    bad('inspectorsPerVisit must be a positive integer', 'inspectorsPerVisit');
  const inspectorIds = input.inspectors.map((i) => i.id);
  if (new Set(inspectorIds).size !== inspectorIds.length) bad('inspector ids must be unique', 'inspectors');
}

/** The id-sorted institutions a draw can pick (weight above 0), refused when fewer than `count`. */
function poolOf(input: InstitutionDrawInput): DrawInstitution[] {
  const pool = [...input.institutions].sort(byId).filter((i) => input.weights[i.creditLevel] > 0);
  if (pool.length < input.count) {
    throw creditError('DRAW_NOT_ENOUGH_INSTITUTIONS', `${input.count} institutions requested, ${pool.length} can be drawn`, {
      field: 'count',
      available: pool.length,
    });
  }
  return pool;
}

/** One weighted pick without replacement: r = next() × Σ weights, walked down the id-sorted pool. */
function pickInstitution(pool: DrawInstitution[], weights: InstitutionDrawInput['weights'], random: SeededRandom): DrawInstitution {
  const total = pool.reduce((sum, i) => sum + weights[i.creditLevel], 0);
  let r = random.next() * total;
  let index = pool.length - 1;
  for (let k = 0; k < pool.length; k += 1) {
    r -= weights[pool[k]!.creditLevel];
    if (r < 0) {
      index = k;
      break;
    }
  }
  return pool.splice(index, 1)[0]!;
}

/** The visit's inspectors: a partial Fisher–Yates shuffle of the id-sorted eligible ones, the first n taken. */
function pickInspectors(inspectors: readonly DrawInspector[], institutionId: string, n: number, random: SeededRandom): string[] {
  const eligible = inspectors.filter((p) => eligibleFor(p, institutionId)).map((p) => p.id);
  if (eligible.length < n) {
    throw creditError(
      'DRAW_NOT_ENOUGH_INSPECTORS',
      `institution ${institutionId} has ${eligible.length} eligible inspector(s), ${n} needed`,
      {
        field: 'inspectors',
        institutionId,
        eligible: eligible.length,
      },
    );
  }
  for (let k = 0; k < n; k += 1) {
    const j = k + random.below(eligible.length - k);
    [eligible[k], eligible[j]] = [eligible[j]!, eligible[k]!];
  }
  return eligible.slice(0, n);
}

function institutionsFrom(input: InstitutionDrawInput, random: SeededRandom): DrawnInstitution[] {
  const pool = poolOf(input);
  return Array.from({ length: input.count }, (_, i) => {
    const picked = pickInstitution(pool, input.weights, random);
    return { institutionId: picked.id, creditLevel: picked.creditLevel, rank: i + 1 };
  });
}

/**
 * The institution half of a committed draw (DRAW_ALGORITHM), from public inputs only: what the
 * public page lets anyone re-run. `drawInspections(input).visits` carry the same institutions.
 */
export function drawInstitutions(input: InstitutionDrawInput): DrawnInstitution[] {
  validateInstitutions(input);
  return institutionsFrom(input, seededRandom(input.seed));
}

/**
 * 双随机 draw, pure and reproducible: the same input always gives the same result, whatever the
 * order of the lists (both are sorted by id first). One PRNG stream (sfc32 seeded by cyrb128(seed)).
 * - Institutions: `count` draws without replacement, each picking among the remaining ones with
 *   probability weight(level) / Σ weights (institutions of weight 0 are never drawn).
 * - Inspectors, per drawn institution in draw order: the eligible ones (no conflict with it, their
 *   unit covering it when `covers` is recorded), partially Fisher–Yates shuffled, the first
 *   `inspectorsPerVisit` taken — distinct for the visit.
 * DRAW_ALGORITHM draws every institution first and then the inspectors; DRAW_ALGORITHM_V1 (older
 * draws) took each institution's inspectors right after it.
 */
export function drawInspections(input: DrawInput, algorithm: string = DRAW_ALGORITHM): DrawResult {
  validate(input);
  if (!DRAW_ALGORITHMS.includes(algorithm)) bad(`unknown draw algorithm ${algorithm}`, 'algorithm');
  const random = seededRandom(input.seed);
  const inspectors = [...input.inspectors].sort(byId);
  const staff = (i: DrawnInstitution): DrawnVisit => ({
    ...i,
    inspectorIds: pickInspectors(inspectors, i.institutionId, input.inspectorsPerVisit, random),
  });
  if (algorithm === DRAW_ALGORITHM) return { algorithm, visits: institutionsFrom(input, random).map(staff) };
  const pool = poolOf(input);
  const visits = Array.from({ length: input.count }, (_, i) => {
    const picked = pickInstitution(pool, input.weights, random);
    return staff({ institutionId: picked.id, creditLevel: picked.creditLevel, rank: i + 1 });
  });
  return { algorithm, visits };
}
