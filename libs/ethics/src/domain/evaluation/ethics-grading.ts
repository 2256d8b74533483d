import { EthicsPolicy, ExcellentCapTies } from '../ethics-policy';
import { EthicsGrade, VetoItem } from '../ethics-values';

/** The year's numbers an evaluation is graded on. */
export interface EthicsScoreInput {
  /** The institution's assessed score (0–100) before the archive's points. */
  readonly assessedScore: number;
  readonly deductions: number;
  readonly additions: number;
  readonly vetoItems: readonly VetoItem[];
}

export interface EthicsScore {
  /** clamp(assessed − deductions + min(additions, maxBonus), 0, 100). */
  readonly finalScore: number;
  readonly bonus: number;
  readonly grade: EthicsGrade;
  /** Why it is what it is, for people: `veto`, `deductions>=30`, `score>=90,deductions<=0` … */
  readonly reason: string;
}

/**
 * Pure grading (domain.md §3). A veto item forces 较差; so do deductions ≥ poorAtDeductions.
 * Otherwise the first grade whose score and deduction conditions both hold; none → 较差 (so under
 * the defaults 25 ≤ deductions < 30 is 较差 too: it fails 一般's "< 25").
 */
export function gradeEthics(input: EthicsScoreInput, policy: EthicsPolicy): EthicsScore {
  const g = policy.grading;
  const bonus = Math.min(Math.max(input.additions, 0), policy.maxBonus);
  const finalScore = Math.min(100, Math.max(0, input.assessedScore - input.deductions + bonus));
  const d = input.deductions;
  const result = (grade: EthicsGrade, reason: string): EthicsScore => ({ finalScore, bonus, grade, reason });
  if (input.vetoItems.length > 0) return result('poor', `veto:${input.vetoItems.join(',')}`);
  if (d >= g.poorAtDeductions) return result('poor', `deductions>=${g.poorAtDeductions}`);
  if (finalScore >= g.excellent.minScore && d <= g.excellent.deductionsAtMost)
    return result('excellent', `score>=${g.excellent.minScore},deductions<=${g.excellent.deductionsAtMost}`);
  if (finalScore >= g.good.minScore && d < g.good.deductionsBelow)
    return result('good', `score>=${g.good.minScore},deductions<${g.good.deductionsBelow}`);
  if (finalScore >= g.fair.minScore && d < g.fair.deductionsBelow)
    return result('fair', `score>=${g.fair.minScore},deductions<${g.fair.deductionsBelow}`);
  return result('poor', 'below fair');
}

export interface CapCandidate {
  readonly staffId: string;
  readonly finalScore: number;
  readonly provisionalGrade: EthicsGrade;
}

export interface CappedResult extends CapCandidate {
  readonly grade: EthicsGrade;
  readonly downgradedByCap: boolean;
}

/**
 * The cap on 优秀 per institution: at most floor(n × capRatio) of the n evaluated staff keep 优秀;
 * the rest of the provisional 优秀 become 良好 (they meet 良好's conditions by construction).
 * Ranking: final score, highest first. Ties at the boundary:
 * - `downgrade-tied` (default): if keeping every tied candidate would exceed the cap, all of them
 *   are downgraded (the cap is a maximum; no arbitrary order decides between equal scores);
 * - `by-staff-id`: the tie is broken by staffId ascending (reproducible, but arbitrary).
 * Output order follows the input order. Pure: same results in, same grades out.
 */
export function applyExcellentCap(
  results: readonly CapCandidate[],
  capRatio: number,
  ties: ExcellentCapTies = 'downgrade-tied',
): CappedResult[] {
  const max = Math.floor(results.length * capRatio + 1e-9);
  const ranked = results
    .filter((r) => r.provisionalGrade === 'excellent')
    .slice()
    .sort((a, b) => b.finalScore - a.finalScore || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0));
  let kept = ranked.slice(0, max);
  if (ties === 'downgrade-tied' && ranked.length > max && max > 0) {
    const boundary = ranked[max]!.finalScore;
    kept = kept.filter((r) => r.finalScore !== boundary);
  }
  const keep = new Set(kept.map((r) => r.staffId));
  return results.map((r) => {
    const downgraded = r.provisionalGrade === 'excellent' && !keep.has(r.staffId);
    return { ...r, grade: downgraded ? 'good' : r.provisionalGrade, downgradedByCap: downgraded };
  });
}
