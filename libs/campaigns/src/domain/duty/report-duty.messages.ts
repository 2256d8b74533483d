import {
  AttachEvidenceData,
  Command,
  DeadlineEvent,
  DeadlineTerms,
  DomainEvent,
  EvidenceAttached,
  EventTypes,
  ExpireDeadlineData,
  RecomputeDeadline,
  WarnDeadlineData,
  DEADLINE_EVENTS,
  EVIDENCE_EVENTS,
} from '@bihuan/core';
import { ReportKind, ReportRecurrence } from '../campaign-values';
import { DutyEscalationRung, DutyWithdrawReason, OwingUnitKind } from './report-duty-values';

/**
 * Commands and events of a reporting duty (报送任务), stream `reportDuty-<dutyId>`; catalogue in
 * docs/events/campaigns.md. The actor and the time come from metadata; deadlines arrive computed
 * (the decider has no calendar): the sender and the handlers compute them with the working-day
 * calendar and the reporting policy in force.
 */

/** A deadline as the application computes it; the decider names it (`deadlineId`, `purpose`). */
export type DutyDeadlineWindow = Omit<DeadlineTerms, 'deadlineId' | 'purpose'>;

/** What every duty knows about itself: whose, under which campaign, for which report, due when. */
export interface ReportDutyFacts {
  readonly dutyId: string;
  readonly campaignId: string;
  /** The campaign's title when the duty was assigned (for people; the campaign's page has the current one). */
  readonly campaignTitle: string;
  /** The commission unit that issued the campaign: its office accepts or returns the report. */
  readonly issuingUnitId: string;
  /**
   * The unit that owes the report: an institution, or (owingUnitKind `commission`) a lower
   * commission unit. The name is kept from when only institutions owed reports (stored events, API).
   */
  readonly institutionId: string;
  /** Absent in duties assigned before lower commissions could owe reports: an institution. */
  readonly owingUnitKind?: OwingUnitKind;
  readonly kind: ReportKind;
  readonly recurrence: ReportRecurrence | null;
  readonly phaseIndex: number;
  readonly phaseName: string;
  /** The day the campaign names (matches the campaign's report instances). */
  readonly dueOn: string;
  /** The first day the report may be handed in. */
  readonly opensOn: string;
  /** The due instant: the end of `dueOn`, or for a recurring report of the first working day on or after it (docs/campaigns.md). */
  readonly dueAt: string;
}

/**
 * Sent by the reportDuties workflow for each report × institution a campaign calls for; the sender
 * adds `dueAt` and `deadline` (null when the due instant has passed already: nothing to arm).
 */
export type AssignReportDuty = Command<
  'AssignReportDuty',
  Omit<ReportDutyFacts, 'dueAt'> & { readonly dueAt?: string; readonly deadline?: DutyDeadlineWindow | null }
>;

/** Sent by the workflow when an amendment no longer asks for the duty, or the campaign closed. */
export type WithdrawReportDuty = Command<'WithdrawReportDuty', { readonly dutyId: string; readonly reason: DutyWithdrawReason }>;

export type AttachReportEvidence = Command<'AttachReportEvidence', AttachEvidenceData & { readonly dutyId: string }>;

/** 报送: the text and the files it cites (digests of files attached to this duty). */
export type SubmitReport = Command<
  'SubmitReport',
  { readonly dutyId: string; readonly text: string; readonly evidence: readonly string[] }
>;

export type AcceptReport = Command<'AcceptReport', { readonly dutyId: string; readonly comment?: string | null }>;

/** 退回: with reasons, and the deadline of the next round (the due date again, or resubmission's working days once it passed). */
export type ReturnReport = Command<
  'ReturnReport',
  { readonly dutyId: string; readonly reason: string; readonly deadline: DutyDeadlineWindow }
>;

export type WarnReportDeadline = Command<'WarnDeadline', WarnDeadlineData>;

/** `next`: the window of the rung the expiry climbs to, when that rung has a deadline (the sender computes it). */
export type ExpireReportDeadline = Command<'ExpireDeadline', ExpireDeadlineData & { readonly next?: DutyDeadlineWindow }>;

export type ReportDutyCommand =
  | AssignReportDuty
  | WithdrawReportDuty
  | AttachReportEvidence
  | SubmitReport
  | AcceptReport
  | ReturnReport
  | WarnReportDeadline
  | ExpireReportDeadline
  | RecomputeDeadline;

/** `round`: 1 for the first assignment; each return (and a reassignment after a withdrawal) starts the next. */
export type ReportDutyAssigned = DomainEvent<
  'ReportDutyAssigned',
  ReportDutyFacts & { readonly round: number; readonly assignedAt: string }
>;

export type ReportSubmitted = DomainEvent<
  'ReportSubmitted',
  {
    readonly dutyId: string;
    readonly institutionId: string;
    readonly round: number;
    readonly text: string;
    readonly evidence: readonly string[];
    readonly submittedBy: string;
    readonly submittedAt: string;
    readonly dueAt: string;
    /** Handed in by the due instant. */
    readonly onTime: boolean;
  }
>;

export type ReportAccepted = DomainEvent<
  'ReportAccepted',
  {
    readonly dutyId: string;
    readonly institutionId: string;
    readonly round: number;
    readonly comment: string | null;
    readonly acceptedBy: string;
    readonly acceptedAt: string;
    /** Of the submission accepted. */
    readonly onTime: boolean;
  }
>;

export type ReportReturned = DomainEvent<
  'ReportReturned',
  {
    readonly dutyId: string;
    readonly institutionId: string;
    /** The round returned; the next one starts with the deadline set beside this event. */
    readonly round: number;
    readonly reason: string;
    readonly returnedBy: string;
    readonly returnedAt: string;
  }
>;

/** A rung of the overdue ladder was reached (逾期催报 → 督办); `deadlineId`/`dueAt` null for a terminal rung. */
export type ReportDutyEscalated = DomainEvent<
  'ReportDutyEscalated',
  {
    readonly dutyId: string;
    readonly institutionId: string;
    readonly issuingUnitId: string;
    readonly rung: DutyEscalationRung;
    readonly step: number;
    readonly expiredDeadlineId: string;
    readonly deadlineId: string | null;
    readonly dueAt: string | null;
    readonly policyVersion: string;
  }
>;

export type ReportDutyWithdrawn = DomainEvent<
  'ReportDutyWithdrawn',
  { readonly dutyId: string; readonly institutionId: string; readonly reason: DutyWithdrawReason; readonly withdrawnAt: string }
>;

/** The duty's own events (summaries, the notification rules). */
export type ReportDutyOwnEvent =
  ReportDutyAssigned | ReportSubmitted | ReportAccepted | ReportReturned | ReportDutyEscalated | ReportDutyWithdrawn;

export type ReportDutyEvent = ReportDutyOwnEvent | DeadlineEvent | EvidenceAttached;

export const REPORT_DUTY_OWN_EVENTS: EventTypes<ReportDutyOwnEvent> = {
  ReportDutyAssigned: true,
  ReportSubmitted: true,
  ReportAccepted: true,
  ReportReturned: true,
  ReportDutyEscalated: true,
  ReportDutyWithdrawn: true,
};

/** Every type a duty stream holds, for narrowing events read from the log (isEventOf). */
export const REPORT_DUTY_EVENTS: EventTypes<ReportDutyEvent> = { ...REPORT_DUTY_OWN_EVENTS, ...DEADLINE_EVENTS, ...EVIDENCE_EVENTS };
