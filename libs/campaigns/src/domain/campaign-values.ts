/**
 * The closed word lists of the campaigns context (专项行动). Codes are English and stored in events;
 * their Chinese words live in campaign-labels.ts and are served by GET /catalogue.
 */

/** The reports a phase may require from each unit in scope (seeds 000, 001, 003, 004). */
export const REPORT_KINDS = [
  'implementation-plan',
  'monthly-report',
  'quarterly-summary',
  'self-inspection-report',
  'rectification-report',
  'final-report',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How often a recurring report falls due within its phase: each month's or each quarter's end. */
export const REPORT_RECURRENCES = ['monthly', 'quarterly'] as const;
export type ReportRecurrence = (typeof REPORT_RECURRENCES)[number];

/** A campaign is running from its launch until it is closed with its summary (通报). */
export const CAMPAIGN_STATUSES = ['launched', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Where a phase stands on a given day: before its first day, within it, after its last. */
export const PHASE_STATUSES = ['upcoming', 'current', 'past'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

export function isReportRecurrence(value: unknown): value is ReportRecurrence {
  return typeof value === 'string' && (REPORT_RECURRENCES as readonly string[]).includes(value);
}
