import { ComplaintCategory, ComplaintDecision } from '../domain/complaint-vocabulary';

/**
 * Which decisions have consequences, and how many credit points a substantiated complaint of a
 * listed behaviour adds (defaults from the 1/2/4/6/12 scale of domain.md §4; a deployment setting).
 */
export interface ComplaintConsequencesPolicy {
  readonly policyVersion: string;
  /** Decisions that add an ethics record for an implicated staff member. */
  readonly ethicsRecordOn: readonly ComplaintDecision[];
  /** Decisions that add credit points to the institution. */
  readonly creditPointsOn: readonly ComplaintDecision[];
  /** Listed behaviours and their points; a category absent here adds no points. */
  readonly creditPointsByCategory: Readonly<Partial<Record<ComplaintCategory, number>>>;
}

export const DEFAULT_COMPLAINT_CONSEQUENCES_POLICY: ComplaintConsequencesPolicy = Object.freeze<ComplaintConsequencesPolicy>({
  policyVersion: 'cn-default-1',
  ethicsRecordOn: ['substantiated', 'partly-substantiated'],
  creditPointsOn: ['substantiated'],
  creditPointsByCategory: Object.freeze({
    'red-envelopes-kickbacks': 6,
    fees: 4,
    privacy: 4,
    'medical-ethics': 2,
  }),
});
