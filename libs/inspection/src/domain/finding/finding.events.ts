import { DEADLINE_EVENTS, DeadlineEvent, DomainEvent, EVIDENCE_EVENTS, EvidenceAttached, EventTypes, typesOf } from '@bihuan/core';
import { EscalationRung } from '../inspection-values';
import { FindingFacts } from './finding.state';
import type { NoticeKind } from '../notice-kinds';

/**
 * Events of the Finding aggregate, plus the generic deadline events of core/deadline.ts, which it
 * writes into its own stream. Events that a workflow or a cross-stream read model routes on carry
 * `visitId` and `institutionId`. `policyVersion` names the InspectionPolicy that shaped the event.
 */
/** The keys a workflow or a cross-stream read model routes a finding's event on. */
export interface FindingRoute {
  readonly findingId: string;
  readonly visitId: string;
  readonly institutionId: string;
}

/** What the finding is about (FindingFacts), who opened it and under which policy. */
export type FindingOpened = DomainEvent<
  'FindingOpened',
  FindingFacts & {
    readonly openedBy: string;
    readonly policyVersion: string;
  }
>;

export type RectificationNoticeIssued = DomainEvent<
  'RectificationNoticeIssued',
  {
    readonly findingId: string;
    readonly round: number;
    readonly noticeNo: string | null;
    readonly requirements: string | null;
    readonly deadlineId: string;
    readonly dueAt: string;
    readonly workingDays: number;
    readonly issuedBy: string;
    readonly policyVersion: string;
  }
>;

export type RectificationPlanSubmitted = DomainEvent<
  'RectificationPlanSubmitted',
  {
    readonly findingId: string;
    readonly round: number;
    /** 1 for the first plan of the round, then 2, 3 … for revisions. */
    readonly revision: number;
    readonly measures: string;
    readonly responsibleDepartment: string;
    readonly responsiblePerson: string | null;
    readonly plannedCompletion: string | null;
    readonly submittedBy: string;
  }
>;

export type RectificationProgressReported = DomainEvent<
  'RectificationProgressReported',
  {
    readonly findingId: string;
    readonly round: number;
    /** 1, 2, 3 … within the round. */
    readonly reportNo: number;
    readonly summary: string;
    readonly evidence: readonly string[];
    readonly percentComplete: number | null;
    readonly reportedBy: string;
  }
>;

export type SignOffRequested = DomainEvent<
  'SignOffRequested',
  {
    readonly findingId: string;
    readonly round: number;
    readonly summary: string;
    readonly evidence: readonly string[];
    readonly requestedBy: string;
  }
>;

export type SignOffRejected = DomainEvent<
  'SignOffRejected',
  {
    readonly findingId: string;
    readonly round: number;
    readonly reasons: readonly string[];
    readonly rejectedBy: string;
  }
>;

export type FindingSignedOff = DomainEvent<
  'FindingSignedOff',
  FindingRoute & {
    readonly round: number;
    readonly comment: string | null;
    /** True when no escalation rung was reached in this round. */
    readonly onTime: boolean;
    readonly signedOffAt: string;
    readonly signedOffBy: string;
    /** When the re-check (回头看) falls due, or null when none is scheduled. */
    readonly recheckDueAt: string | null;
    readonly policyVersion: string;
  }
>;

export type ExtensionRequested = DomainEvent<
  'ExtensionRequested',
  {
    readonly findingId: string;
    readonly extensionId: string;
    readonly reason: string;
    readonly requestedDueAt: string;
    readonly requestedBy: string;
  }
>;

export type ExtensionApproved = DomainEvent<
  'ExtensionApproved',
  {
    readonly findingId: string;
    readonly extensionId: string;
    /** The deadline extended (see the DeadlineExtended that follows). */
    readonly deadlineId: string;
    readonly previousDueAt: string;
    readonly dueAt: string;
    readonly workingDays: number;
    readonly comment: string | null;
    readonly approvedBy: string;
    readonly policyVersion: string;
  }
>;

export type ExtensionDenied = DomainEvent<
  'ExtensionDenied',
  {
    readonly findingId: string;
    readonly extensionId: string;
    readonly reason: string;
    readonly deniedBy: string;
  }
>;

/** One rung of the overdue ladder was reached; `dueAt` is the rung's own deadline (null if terminal). */
export type FindingEscalated = DomainEvent<
  'FindingEscalated',
  FindingRoute & {
    readonly round: number;
    readonly rung: EscalationRung;
    /** 1 for the first rung of the ladder, 2 for the second … */
    readonly step: number;
    /** The deadline whose expiry caused it. */
    readonly expiredDeadlineId: string;
    readonly deadlineId: string | null;
    readonly dueAt: string | null;
    readonly policyVersion: string;
  }
>;

/** The re-check deadline has come: an inspector should go back (回头看). */
export type FindingRecheckDue = DomainEvent<
  'FindingRecheckDue',
  FindingRoute & {
    readonly dueAt: string;
  }
>;

export type FindingRecheckPassed = DomainEvent<
  'FindingRecheckPassed',
  FindingRoute & {
    readonly round: number;
    readonly notes: string;
    readonly evidence: readonly string[];
    readonly checkedBy: string;
  }
>;

/** 反弹: a re-check found the problem back; a new round starts with its own rectification deadline. */
export type FindingReopened = DomainEvent<
  'FindingReopened',
  FindingRoute & {
    /** The new round (2 after the first reopening). */
    readonly round: number;
    readonly notes: string;
    readonly evidence: readonly string[];
    readonly deadlineId: string;
    readonly dueAt: string;
    readonly reopenedBy: string;
    readonly policyVersion: string;
  }
>;

export type FindingWithdrawn = DomainEvent<
  'FindingWithdrawn',
  FindingRoute & {
    readonly reason: string;
    readonly withdrawnBy: string;
  }
>;

/**
 * A printed notice was issued (issue 17): its document number, the SM3 digest of the DOCX bytes
 * handed out, the template version it was filled from and the text of every field printed, so a
 * paper copy can be checked against the log and the file regenerated byte for byte.
 */
export type NoticeDocumentIssued = DomainEvent<
  'NoticeDocumentIssued',
  FindingRoute & {
    readonly round: number;
    /** The ladder step the notice belongs to (0: the round's own notice, or the sign-off confirmation). */
    readonly step: number;
    readonly kind: NoticeKind;
    readonly documentNo: string;
    readonly issuingUnitId: string;
    /** SM3 of the DOCX bytes, lowercase hex. */
    readonly digest: string;
    readonly templateVersion: number;
    readonly templateDigest: string;
    readonly fileName: string;
    readonly fields: Readonly<Record<string, string>>;
    readonly issuedBy: string;
    readonly policyVersion: string;
  }
>;

export type FindingOwnEvent =
  | FindingOpened
  | RectificationNoticeIssued
  | RectificationPlanSubmitted
  | RectificationProgressReported
  | SignOffRequested
  | SignOffRejected
  | FindingSignedOff
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionDenied
  | FindingEscalated
  | FindingRecheckDue
  | FindingRecheckPassed
  | FindingReopened
  | FindingWithdrawn
  | NoticeDocumentIssued;

/** Plus core's generic events the finding writes into its own stream: deadlines and attached files. */
export type FindingEvent = FindingOwnEvent | DeadlineEvent | EvidenceAttached;

/** The finding's own event types (the documented catalogue), without the deadline events. */
const FINDING_OWN_EVENTS: EventTypes<FindingOwnEvent> = {
  FindingOpened: true,
  RectificationNoticeIssued: true,
  RectificationPlanSubmitted: true,
  RectificationProgressReported: true,
  SignOffRequested: true,
  SignOffRejected: true,
  FindingSignedOff: true,
  ExtensionRequested: true,
  ExtensionApproved: true,
  ExtensionDenied: true,
  FindingEscalated: true,
  FindingRecheckDue: true,
  FindingRecheckPassed: true,
  FindingReopened: true,
  FindingWithdrawn: true,
  NoticeDocumentIssued: true,
};

export const FINDING_EVENT_TYPES = typesOf(FINDING_OWN_EVENTS);

/** Every type a finding stream holds, for narrowing events read from the log (isEventOf). */
export const FINDING_EVENTS: EventTypes<FindingEvent> = {
  ...DEADLINE_EVENTS,
  ...EVIDENCE_EVENTS,
  ...FINDING_OWN_EVENTS,
};
