/**
 * The word lists of reporting duties (报送任务): codes in English, stored in events; their Chinese
 * words live in report-duty-labels.ts and are served by GET /catalogue.
 */

/**
 * Where a duty stands: owed (`assigned`), handed in and waiting for the issuing office
 * (`submitted`), sent back with reasons (`returned`, owed again), `accepted`, or `withdrawn` (the
 * campaign no longer asks for it, or closed before it was handed in).
 */
export const REPORT_DUTY_STATUSES = ['assigned', 'submitted', 'returned', 'accepted', 'withdrawn'] as const;
export type ReportDutyStatus = (typeof REPORT_DUTY_STATUSES)[number];

/** Statuses in which the unit owes the report (it may attach files and submit). */
export const OWED_STATUSES: readonly ReportDutyStatus[] = ['assigned', 'returned'];

/**
 * Which kind of unit owes a duty: an institution in the campaign's scope (its hospital users hand
 * it in), or a lower commission unit the campaign names (its inspectors and leaders do).
 */
export const OWING_UNIT_KINDS = ['institution', 'commission'] as const;
export type OwingUnitKind = (typeof OWING_UNIT_KINDS)[number];

/** The overdue ladder of a report (逾期催报 → 督办), climbed one rung each time its current deadline expires. */
export const DUTY_ESCALATION_RUNGS = ['overdue-reminder', 'supervision'] as const;
export type DutyEscalationRung = (typeof DUTY_ESCALATION_RUNGS)[number];

/** Why a duty was withdrawn: an amendment no longer asks for it, or the campaign closed before it was handed in. */
export const DUTY_WITHDRAW_REASONS = ['no-longer-required', 'campaign-closed'] as const;
export type DutyWithdrawReason = (typeof DUTY_WITHDRAW_REASONS)[number];

/** The `step` every file attached to a duty is recorded under (core EvidenceAttached). */
export const REPORT_EVIDENCE_STEP = 'report';

export function isDutyWithdrawReason(value: unknown): value is DutyWithdrawReason {
  return typeof value === 'string' && (DUTY_WITHDRAW_REASONS as readonly string[]).includes(value);
}
