import { EthicsGrade } from './ethics-values';

/** How ties at the 优秀 cap boundary are settled (see applyExcellentCap). */
export type ExcellentCapTies = 'downgrade-tied' | 'by-staff-id';

/**
 * Every number of the ethics loop as data (domain.md: "a default is a policy setting"). Deciders
 * read it in `decide` only and record `policyVersion` on the events it shaped.
 */
export interface EthicsPolicy {
  readonly policyVersion: string;
  /** Grade thresholds on the final score (0–100) and the year's deductions (sum of negative points). */
  readonly grading: {
    readonly excellent: { readonly minScore: number; readonly deductionsAtMost: number };
    readonly good: { readonly minScore: number; readonly deductionsBelow: number };
    readonly fair: { readonly minScore: number; readonly deductionsBelow: number };
    /** Deductions at or above this force 较差 whatever the score. */
    readonly poorAtDeductions: number;
  };
  /** Additions (commendations, rewards) raise the score by at most this much. */
  readonly maxBonus: number;
  /** Upper bound on 优秀 per institution (fraction of evaluated staff), and the advisory target. */
  readonly excellentCapRatio: number;
  readonly excellentTargetRatio: number;
  readonly excellentCapTies: ExcellentCapTies;
  /** Whether a 公示 (public posting) must precede the final grade. */
  readonly publicPostingRequired: boolean;
  /** Points a record gets when its command names none: by record kind first, then by source kind. */
  readonly defaultPoints: Readonly<Record<string, number>>;
  /** Bounds on points given explicitly in a command. */
  readonly pointsRange: { readonly min: number; readonly max: number };
  /** Grades that fail the physician's periodic assessment (定期考核). */
  readonly failsPeriodicAssessment: readonly EthicsGrade[];
}

/**
 * Defaults of domain.md §3: 优秀 ≥ 90 and no deductions; 良好 ≥ 80 and deductions < 15; 一般 ≥ 60
 * and < 25; 较差 otherwise or deductions ≥ 30. 优秀 capped at 15% (10% target). Record points are
 * this project's defaults (no seed notice gives them): substantiated complaint −10, partly −5,
 * inspection record −5, commitment breach −10, commendation +2, reward +5.
 */
export const DEFAULT_ETHICS_POLICY: EthicsPolicy = Object.freeze({
  policyVersion: 'ethics-default@1',
  grading: Object.freeze({
    excellent: Object.freeze({ minScore: 90, deductionsAtMost: 0 }),
    good: Object.freeze({ minScore: 80, deductionsBelow: 15 }),
    fair: Object.freeze({ minScore: 60, deductionsBelow: 25 }),
    poorAtDeductions: 30,
  }),
  maxBonus: 10,
  excellentCapRatio: 0.15,
  excellentTargetRatio: 0.1,
  excellentCapTies: 'downgrade-tied',
  publicPostingRequired: false,
  defaultPoints: Object.freeze({
    'complaint-substantiated': -10,
    'complaint-partly-substantiated': -5,
    'commitment-breached': -10,
    inspection: -5,
    complaint: -10,
    commitment: -10,
    commendation: 2,
    reward: 5,
    questionnaire: 0,
    'patient-feedback': 0,
  }),
  pointsRange: Object.freeze({ min: -30, max: 10 }),
  failsPeriodicAssessment: Object.freeze(['poor'] as EthicsGrade[]),
});
