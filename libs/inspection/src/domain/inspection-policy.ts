import { EscalationRung, RequiredAction, Severity } from './inspection-values';

/** One rung of the overdue ladder and the working days the institution gets at that rung. */
export interface EscalationStep {
  readonly rung: EscalationRung;
  /** Working days until the next rung; null for a terminal rung (no further deadline). */
  readonly workingDays: number | null;
}

/**
 * Every limit of the inspection loop as pure data (domain.md: "a default is a policy setting").
 * A deployment (province / city / county) supplies its own; the deciders read it in `decide` only,
 * and record `policyVersion` on every event it shaped, so history says which rules were in force.
 *
 * The application layer uses the same object to compute deadline terms with the working-day
 * calendar (see `DeadlineWindow` and `nextDeadlineNeed`).
 */
export interface InspectionPolicy {
  /** Recorded on events, e.g. `default@2025-1` or `cq-yuzhong@3`. */
  readonly policyVersion: string;
  /** Working days from the rectification notice to the rectification deadline, per required action. */
  readonly rectifyWorkingDays: Readonly<Record<RequiredAction, number>>;
  /** Fractions of a deadline's span at which reminders fall due (DeadlineTerms.warnAt). */
  readonly reminderFractions: readonly number[];
  /** Re-check (回头看): calendar days after sign-off, and the severities it is mandatory for. */
  readonly recheck: { readonly afterCalendarDays: number; readonly mandatoryFor: readonly Severity[] };
  /** The overdue ladder, climbed one rung each time the current deadline expires. */
  readonly escalationLadder: readonly EscalationStep[];
  /** Extensions (延期): how many may be approved per finding, per rectification round. */
  readonly extensions: { readonly maxApprovedPerRound: number; readonly maxWorkingDays: number };
  /** Whether a sign-off request needs at least one piece of evidence (in it or in earlier reports). */
  readonly signOffRequiresEvidence: boolean;
}

/**
 * Defaults from domain.md §1: 15 working days for `deadline`, 1 for `immediate`; `long-term`
 * (长期坚持) gets 60 working days to put the lasting mechanism in place, then is signed off like any
 * other row. Reminders at 50% and 80%. Re-check 90 days after sign-off for `severe` findings.
 * Ladder (Chongqing 三书一函): reminder letter 5, rectification notice 10, summons 5, listed
 * supervision 10 working days, then public notice (terminal).
 */
export const DEFAULT_INSPECTION_POLICY: InspectionPolicy = Object.freeze({
  policyVersion: 'default@1',
  rectifyWorkingDays: Object.freeze({ immediate: 1, deadline: 15, 'long-term': 60 }),
  reminderFractions: Object.freeze([0.5, 0.8]),
  recheck: Object.freeze({ afterCalendarDays: 90, mandatoryFor: Object.freeze(['severe'] as Severity[]) }),
  escalationLadder: Object.freeze([
    { rung: 'reminder-letter', workingDays: 5 },
    { rung: 'rectification-notice', workingDays: 10 },
    { rung: 'summons', workingDays: 5 },
    { rung: 'listed-supervision', workingDays: 10 },
    { rung: 'public-notice', workingDays: null },
  ] as EscalationStep[]),
  extensions: Object.freeze({ maxApprovedPerRound: 2, maxWorkingDays: 30 }),
  signOffRequiresEvidence: true,
});

/** The part of the policy recorded inside DeadlineTerms.policy. */
export function policyStamp(policy: InspectionPolicy, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return { ...extra, policyVersion: policy.policyVersion };
}
