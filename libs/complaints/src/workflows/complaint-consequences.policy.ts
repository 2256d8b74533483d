import { ComplaintCategory, ComplaintDecision } from '../domain/complaint-vocabulary';

/**
 * Which decisions have consequences. How many points a listed behaviour adds is not set here: the
 * credit archive takes it from the credit policy in force (`CreditPolicy.behaviourPoints`, keyed by
 * the same category names), so each number has one setting.
 */
export interface ComplaintConsequencesPolicy {
  readonly policyVersion: string;
  /** Decisions that add an ethics record for an implicated staff member. */
  readonly ethicsRecordOn: readonly ComplaintDecision[];
  /** Decisions that add credit points to the institution. */
  readonly creditPointsOn: readonly ComplaintDecision[];
  /** Categories that are listed behaviours (不良执业行为); a category absent here adds no points. */
  readonly creditPointsCategories: readonly ComplaintCategory[];
}

export const DEFAULT_COMPLAINT_CONSEQUENCES_POLICY: ComplaintConsequencesPolicy = Object.freeze<ComplaintConsequencesPolicy>({
  policyVersion: 'cn-default-1',
  ethicsRecordOn: ['substantiated', 'partly-substantiated'],
  creditPointsOn: ['substantiated'],
  creditPointsCategories: Object.freeze<ComplaintCategory[]>(['red-envelopes-kickbacks', 'fees', 'privacy', 'medical-ethics']),
});
