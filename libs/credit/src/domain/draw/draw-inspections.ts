import { creditError } from '../credit-errors';
import { CreditLevel, CREDIT_LEVELS } from '../credit-values';
import { seededRandom } from './seeded-random';

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

export interface DrawInput {
  readonly seed: string;
  readonly institutions: readonly DrawInstitution[];
  readonly inspectors: readonly DrawInspector[];
  readonly count: number;
  readonly inspectorsPerVisit: number;
  readonly weights: Readonly<Record<CreditLevel, number>>;
}

export interface DrawnVisit {
  readonly institutionId: string;
  readonly creditLevel: CreditLevel;
  /** Order in which it was drawn (1-based). */
  readonly rank: number;
  readonly inspectorIds: readonly string[];
}

export interface DrawResult {
  readonly algorithm: string;
  readonly visits: readonly DrawnVisit[];
}

/** Named on the events, so a re-run uses the same procedure (docs/events/credit.md, "The draw"). */
export const DRAW_ALGORITHM = 'cyrb128-sfc32/weighted-sequential/fisher-yates@1';

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function eligibleFor(inspector: DrawInspector, institutionId: string): boolean {
  return !inspector.conflicts.includes(institutionId) && (inspector.covers === undefined || inspector.covers.includes(institutionId));
}

function validate(input: DrawInput): void {
  const bad = (message: string, field: string): never => {
    throw creditError('DRAW_INPUT_INVALID', message, { field });
  };
  if (typeof input.seed !== 'string' || input.seed.length === 0) bad('seed is required', 'seed');
  if (!Number.isInteger(input.count) || input.count < 1) bad('count must be a positive integer', 'count');
  if (!Number.isInteger(input.inspectorsPerVisit) || input.inspectorsPerVisit < 1)
    bad('inspectorsPerVisit must be a positive integer', 'inspectorsPerVisit');
  for (const level of CREDIT_LEVELS) {
    const w = input.weights[level];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) bad(`weight of ${level} must be a non-negative number`, 'weights');
  }
  const ids = input.institutions.map((i) => i.id);
  if (new Set(ids).size !== ids.length) bad('institution ids must be unique', 'institutions');
  if (input.institutions.some((i) => !CREDIT_LEVELS.includes(i.creditLevel)))
    bad('every institution needs a credit level A/B/C/D', 'institutions');
  const inspectorIds = input.inspectors.map((i) => i.id);
  if (new Set(inspectorIds).size !== inspectorIds.length) bad('inspector ids must be unique', 'inspectors');
}

/**
 * 双随机 draw, pure and reproducible: the same input always gives the same result, whatever the
 * order of the lists (both are sorted by id first).
 * 1. Institutions: `count` draws without replacement; each draw picks among the remaining ones with
 *    probability weight(level) / Σ weights, by r = next() × Σ over the id-sorted list
 *    (institutions of weight 0 are never drawn).
 * 2. Inspectors, per drawn institution in draw order: the eligible ones (id-sorted, no conflict
 *    with it, their unit covering it when `covers` is recorded) are partially Fisher–Yates shuffled and the first `inspectorsPerVisit` taken —
 *    distinct for the visit. One PRNG stream (sfc32 seeded by cyrb128(seed)) serves both steps.
 */
export function drawInspections(input: DrawInput): DrawResult {
  validate(input);
  const random = seededRandom(input.seed);
  const pool = [...input.institutions].sort(byId).filter((i) => input.weights[i.creditLevel] > 0);
  if (pool.length < input.count) {
    throw creditError('DRAW_NOT_ENOUGH_INSTITUTIONS', `${input.count} institutions requested, ${pool.length} can be drawn`, {
      field: 'count',
      available: pool.length,
    });
  }
  const inspectors = [...input.inspectors].sort(byId);
  const visits: DrawnVisit[] = [];
  for (let rank = 1; rank <= input.count; rank += 1) {
    const total = pool.reduce((sum, i) => sum + input.weights[i.creditLevel], 0);
    let r = random.next() * total;
    let index = pool.length - 1;
    for (let k = 0; k < pool.length; k += 1) {
      r -= input.weights[pool[k]!.creditLevel];
      if (r < 0) {
        index = k;
        break;
      }
    }
    const [institution] = pool.splice(index, 1);
    const eligible = inspectors.filter((p) => eligibleFor(p, institution!.id)).map((p) => p.id);
    if (eligible.length < input.inspectorsPerVisit) {
      throw creditError(
        'DRAW_NOT_ENOUGH_INSPECTORS',
        `institution ${institution!.id} has ${eligible.length} eligible inspector(s), ${input.inspectorsPerVisit} needed`,
        {
          field: 'inspectors',
          institutionId: institution!.id,
          eligible: eligible.length,
        },
      );
    }
    for (let k = 0; k < input.inspectorsPerVisit; k += 1) {
      const j = k + random.below(eligible.length - k);
      [eligible[k], eligible[j]] = [eligible[j]!, eligible[k]!];
    }
    visits.push({
      institutionId: institution!.id,
      creditLevel: institution!.creditLevel,
      rank,
      inspectorIds: eligible.slice(0, input.inspectorsPerVisit),
    });
  }
  return { algorithm: DRAW_ALGORITHM, visits };
}
