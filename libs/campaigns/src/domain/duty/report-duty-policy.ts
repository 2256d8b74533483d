import { DutyEscalationRung } from './report-duty-values';

/** One rung of a report's overdue ladder and the working days the unit gets at it (null: terminal). */
export interface DutyEscalationStep {
  readonly rung: DutyEscalationRung;
  readonly workingDays: number | null;
}

/**
 * The limits of reporting duties as data (domain.md: "a default is a policy setting"), changed
 * through PUT /admin/policies/reporting. The deciders read it in `decide` and record its
 * `policyVersion` on what it shaped; the application uses it to compute the deadlines' windows.
 */
export interface ReportingPolicy {
  readonly policyVersion: string;
  /** Fractions of the reporting window (from the period's first day, or the assignment if later, to the due instant) at which reminders fall due. */
  readonly reminderFractions: readonly number[];
  /** Working days to hand a report in again when it is returned after its due date passed. */
  readonly resubmitWorkingDays: number;
  /** The overdue ladder: the due date (or a resubmission's) expiring climbs the first rung, each rung's deadline the next. */
  readonly escalationLadder: readonly DutyEscalationStep[];
}

/**
 * Reminders at 50% and 80% of the window, as for findings; a report returned late is owed again
 * within 5 working days; overdue: 逾期催报 to the unit and the issuing office with 3 working days,
 * then 督办 (terminal: the unit, the issuing office's inspectors and leaders are told).
 */
export const DEFAULT_REPORTING_POLICY: ReportingPolicy = Object.freeze({
  policyVersion: 'default@1',
  reminderFractions: Object.freeze([0.5, 0.8]),
  resubmitWorkingDays: 5,
  escalationLadder: Object.freeze([
    { rung: 'overdue-reminder', workingDays: 3 },
    { rung: 'supervision', workingDays: null },
  ] as DutyEscalationStep[]),
});

/** The policy's context in PolicyRegistry (`policy-reporting`). */
export const REPORTING_POLICY_CONTEXT = 'reporting';
