import { CreditLevel, CreditMeasure } from './credit-values';

export interface CreditThreshold {
  /** Points in the cycle at which the measures are imposed (once per cycle). */
  readonly points: number;
  readonly measures: readonly CreditMeasure[];
}

/**
 * Every number of the credit loop as data; deciders and sagas record `policyVersion` on the
 * events it shaped. A deployment supplies its own (Guizhou, Shandong … differ).
 */
export interface CreditPolicy {
  readonly policyVersion: string;
  /** Allowed point values (不良执业行为记分 scale). */
  readonly pointScale: readonly number[];
  /**
   * Listed behaviours (behaviour code → points): the one setting of every listed behaviour's points,
   * including a substantiated complaint's (behaviour = its category, sent by complaintConsequences).
   */
  readonly behaviourPoints: Readonly<Record<string, number>>;
  /** Finding categories that are listed adverse behaviours (category → behaviour code), and the severities that count. */
  readonly findingBehaviours: Readonly<Record<string, string>>;
  readonly findingSeverities: readonly string[];
  /** Escalation rungs that add points (rung → behaviour code), e.g. 挂牌督办. */
  readonly escalationBehaviours: Readonly<Record<string, string>>;
  /** Ascending thresholds of a cycle's points. */
  readonly thresholds: readonly CreditThreshold[];
  /** The cycle (校验期) in calendar months. */
  readonly cycleMonths: number;
  /** Adverse information is public for this many years after it occurred, then hidden but kept. */
  readonly adversePublicYears: number;
  /** Credit level rule (see creditLevel). */
  readonly levels: {
    readonly dAtPoints: number;
    readonly cAtPoints: number;
    readonly cAdverseRecords: number;
    readonly cAdverseYears: number;
    readonly aCleanYears: number;
  };
  /** Relative draw weights per level for 双随机 (fewer A, more C/D). */
  readonly drawWeights: Readonly<Record<CreditLevel, number>>;
}

/**
 * Defaults: scale 1/2/4/6/12 and Guizhou 2019 thresholds (≥12 key supervision + written advice;
 * ≥18 summons, no awards, public notice; ≥24 licence validation deferred), 1-year cycle, adverse
 * information public for 5 years (seed 002). The per-behaviour points are this project's defaults
 * (the seeds give the scale, not the table). Which complaints add points is the complaints
 * context's ComplaintConsequencesPolicy; how many, the complaint categories' entries here.
 */
export const DEFAULT_CREDIT_POLICY: CreditPolicy = Object.freeze({
  policyVersion: 'credit-default@1',
  pointScale: Object.freeze([1, 2, 4, 6, 12]),
  behaviourPoints: Object.freeze({
    'insurance-fraud': 12,
    commissions: 6,
    kickbacks: 6,
    'red-envelopes': 6,
    'improper-donations': 4,
    'profit-driven-referrals': 4,
    'over-treatment': 4,
    'patient-privacy': 4,
    'queue-jumping': 2,
    'informed-consent': 2,
    'medical-quality': 2,
    disclosure: 1,
    'service-attitude': 1,
    'red-envelopes-kickbacks': 6,
    fees: 4,
    privacy: 4,
    'medical-ethics': 2,
    'listed-supervision': 4,
    'commitment-breach': 2,
    'false-material': 6,
  }),
  findingBehaviours: Object.freeze({
    commissions: 'commissions',
    'improper-donations': 'improper-donations',
    'profit-driven-referrals': 'profit-driven-referrals',
    'insurance-fraud': 'insurance-fraud',
    'patient-privacy': 'patient-privacy',
    kickbacks: 'kickbacks',
    'queue-jumping': 'queue-jumping',
    'red-envelopes': 'red-envelopes',
    'over-treatment': 'over-treatment',
    'informed-consent': 'informed-consent',
  }),
  findingSeverities: Object.freeze(['general', 'serious', 'severe']),
  escalationBehaviours: Object.freeze({ 'listed-supervision': 'listed-supervision' }),
  thresholds: Object.freeze([
    { points: 12, measures: ['key-supervision', 'written-advice'] },
    { points: 18, measures: ['summons', 'no-awards', 'public-notice'] },
    { points: 24, measures: ['licence-validation-deferred'] },
  ] as CreditThreshold[]),
  cycleMonths: 12,
  adversePublicYears: 5,
  levels: Object.freeze({ dAtPoints: 24, cAtPoints: 12, cAdverseRecords: 3, cAdverseYears: 5, aCleanYears: 3 }),
  drawWeights: Object.freeze({ A: 1, B: 2, C: 4, D: 8 }),
});
