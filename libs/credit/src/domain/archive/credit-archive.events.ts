import { DEADLINE_EVENTS, DeadlineEvent, DomainEvent, EventTypes, EvidenceAttached } from '@bihuan/core';
import {
  CausedBy,
  CommitmentKind,
  CommitmentSupplier,
  CreditInfoClass,
  CreditList,
  CreditMeasure,
  CreditSourceRef,
} from '../credit-values';

type E<T extends string, D extends object> = DomainEvent<T, D & { readonly institutionId: string }>;

export type CreditArchiveOpened = E<
  'CreditArchiveOpened',
  { name: string | null; responsiblePerson: string | null; openedBy: string; implicit: boolean; policyVersion: string }
>;
/** Comes with DeadlineSet(`cycle-<n>`) at endsAt. */
export type CreditCycleOpened = E<
  'CreditCycleOpened',
  { cycleNo: number; startedAt: string; endsAt: string; deadlineId: string; policyVersion: string }
>;
export type CreditCycleClosed = E<
  'CreditCycleClosed',
  {
    cycleNo: number;
    closedAt: string;
    /** Only on cycles closed before ADR 0006: the archive no longer sums points (the read model does). */
    totalPoints?: number;
    thresholdsReached: number[];
    reason: string;
  }
>;
/**
 * A points entry, in its own stream `creditPoints-<institutionId>.<pointsId>` (ADR 0006); streams
 * written before that hold it in the archive stream, with `totalPoints` (the cycle's total after it).
 */
export type CreditPointsAdded = E<
  'CreditPointsAdded',
  {
    pointsId: string;
    cycleNo: number;
    behaviour: string;
    points: number;
    /** Only on entries recorded in the archive stream before ADR 0006. */
    totalPoints?: number;
    summary: string | null;
    source: CreditSourceRef | null;
    causedBy: CausedBy | null;
    occurredAt: string;
    addedBy: string;
    policyVersion: string;
  }
>;
export type CreditPointsRevoked = E<
  'CreditPointsRevoked',
  {
    pointsId: string;
    cycleNo: number;
    points: number;
    /** Only on revocations recorded in the archive stream before ADR 0006. */
    totalPoints?: number;
    reason: string;
    causedBy: CausedBy | null;
    revokedBy: string;
  }
>;
/** A threshold was reached in the cycle; once per cycle per threshold (decided on ImposeCreditMeasures). */
export type CreditMeasureImposed = E<
  'CreditMeasureImposed',
  {
    cycleNo: number;
    thresholdPoints: number;
    measures: CreditMeasure[];
    totalPoints: number;
    /** The points entry that crossed it, and that entry's cause. */
    pointsId: string;
    causedBy: CausedBy | null;
    noticeId: string;
    imposedAt: string;
    policyVersion: string;
    /** The policy's top threshold: nothing more can be imposed in this cycle (the creditThresholds saga ends). */
    final?: boolean;
  }
>;
/** The written notice of a measure to the institution; `public` when it includes 通报. */
export type CreditNoticeIssued = E<
  'CreditNoticeIssued',
  { noticeId: string; cycleNo: number; thresholdPoints: number; measures: CreditMeasure[]; public: boolean; issuedAt: string }
>;
/** `supplier`, `validUntil` and `evidence` (digests of the signed agreement's files) only on a supplier agreement (written only when given: other pledges read as before). */
export type CommitmentPledged = E<
  'CommitmentPledged',
  {
    commitmentId: string;
    kind: CommitmentKind;
    staffId: string | null;
    text: string;
    pledgedAt: string;
    pledgedBy: string;
    supplier?: CommitmentSupplier;
    validUntil?: string;
    evidence?: string[];
  }
>;
export type CommitmentBreached = E<
  'CommitmentBreached',
  {
    commitmentId: string;
    breachId: string;
    kind: CommitmentKind;
    staffId: string | null;
    description: string;
    evidence: string[];
    occurredAt: string;
    causedBy: CausedBy | null;
    reportedBy: string;
    /** The other party of a breached supplier agreement (the adverse record is the institution's; the supplier is named in it). */
    supplier?: CommitmentSupplier;
  }
>;
export type CreditInformationRecorded = E<
  'CreditInformationRecorded',
  {
    recordId: string;
    infoClass: CreditInfoClass;
    kind: string;
    title: string;
    content: string | null;
    occurredAt: string;
    causedBy: CausedBy | null;
    recordedBy: string;
    recordedAt: string;
    /** The department it is about (a commendation of a 科室); written only when given. */
    departmentId?: string;
  }
>;
/** Comes with DeadlineSet(`list-<entryId>`) at expiresAt. */
export type ListEntryAdded = E<
  'ListEntryAdded',
  {
    entryId: string;
    list: CreditList;
    reason: string;
    listedAt: string;
    expiresAt: string;
    deadlineId: string;
    causedBy: CausedBy | null;
    listedBy: string;
    policyVersion: string;
  }
>;
/** The entry's expiry deadline fired (comes with DeadlineExpired): it is off the list. */
export type ListEntryExpired = E<'ListEntryExpired', { entryId: string; list: CreditList; expiredAt: string }>;
/** Taken off the list early (comes with DeadlineCleared `cancelled`). */
export type ListEntryRemoved = E<
  'ListEntryRemoved',
  { entryId: string; list: CreditList; reason: string; removedAt: string; removedBy: string }
>;

/** Everything in a `creditPoints-<institutionId>.<pointsId>` stream. */
export type CreditPointsEvent = CreditPointsAdded | CreditPointsRevoked;

export const CREDIT_POINTS_EVENTS: EventTypes<CreditPointsEvent> = { CreditPointsAdded: true, CreditPointsRevoked: true };

/** The archive's own events; the points events only in streams written before ADR 0006 (folded, never decided). */
export type CreditArchiveOwnEvent =
  | CreditArchiveOpened
  | CreditCycleOpened
  | CreditCycleClosed
  | CreditPointsEvent
  | CreditMeasureImposed
  | CreditNoticeIssued
  | CommitmentPledged
  | CommitmentBreached
  | CreditInformationRecorded
  | ListEntryAdded
  | ListEntryExpired
  | ListEntryRemoved;

/** Everything in a `creditArchive-<institutionId>` stream: with core's deadline events and EvidenceAttached (step `credit`). */
export type CreditArchiveEvent = CreditArchiveOwnEvent | DeadlineEvent | EvidenceAttached;

/** Every type a credit archive stream holds, for narrowing events read from the log (isEventOf). */
export const CREDIT_ARCHIVE_EVENTS: EventTypes<CreditArchiveEvent> = {
  ...DEADLINE_EVENTS,
  EvidenceAttached: true,
  CreditArchiveOpened: true,
  CreditCycleOpened: true,
  CreditCycleClosed: true,
  CreditPointsAdded: true,
  CreditPointsRevoked: true,
  CreditMeasureImposed: true,
  CreditNoticeIssued: true,
  CommitmentPledged: true,
  CommitmentBreached: true,
  CreditInformationRecorded: true,
  ListEntryAdded: true,
  ListEntryExpired: true,
  ListEntryRemoved: true,
};
