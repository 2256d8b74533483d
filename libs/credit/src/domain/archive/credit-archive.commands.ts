import { Command, EvidenceFile, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { CausedBy, CommitmentKind, CommitmentSupplier, CreditInfoClass, CreditList, CreditSourceRef } from '../credit-values';

/**
 * Commands of an institution's credit archive (信用档案), stream `creditArchive-<institutionId>`.
 * Every command names the institution; actor and `now` come from metadata, ids from data.
 */
type C<T extends string, D extends object> = Command<T, D & { readonly institutionId: string }>;

export type OpenCreditArchive = C<
  'OpenCreditArchive',
  {
    readonly name?: string | null;
    readonly responsiblePerson?: string | null;
    /** Start of the first cycle (校验期); defaults to now. */
    readonly cycleStartedAt?: string | null;
  }
>;

/**
 * 不良执业行为记分, decided on the entry's own stream `creditPoints-<institutionId>.<pointsId>` (ADR 0006).
 * `pointsId` is the idempotency key (derived from the source case when absent); points come from
 * CreditPolicy for a listed behaviour, else from `points` (which must be on the scale). `cycleNo` is
 * the archive's current cycle, set by the credit application (creditPointsWrite) when it routes the
 * command; a caller's value is replaced. Compatible with the complaints context's AddCreditPoints.
 */
export type AddCreditPoints = C<
  'AddCreditPoints',
  {
    readonly pointsId?: string | null;
    readonly cycleNo?: number | null;
    readonly behaviour: string;
    readonly points?: number | null;
    readonly occurredAt: string;
    readonly source?: CreditSourceRef | null;
    readonly causedBy?: CausedBy | null;
    readonly summary?: string | null;
  }
>;

/** Withdraws points (e.g. the finding was withdrawn); measures already imposed stay on the record. */
export type RevokeCreditPoints = C<
  'RevokeCreditPoints',
  { readonly pointsId: string; readonly reason: string; readonly causedBy?: CausedBy | null }
>;

/** Closes the current cycle early (e.g. licence validation done) and opens the next. */
export type CloseCreditCycle = C<'CloseCreditCycle', { readonly reason: string }>;

/**
 * 信用承诺. A supplier agreement (`supplier-integrity`, 廉洁诚信协议) names its supplier and its term
 * (`validUntil`, after `pledgedAt`, the signing date) and may cite the signed document: files
 * attached to the archive first (AttachEvidence), by SM3 digest.
 */
export type PledgeCommitment = C<
  'PledgeCommitment',
  {
    readonly commitmentId: string;
    readonly kind: CommitmentKind;
    readonly staffId?: string | null;
    readonly text: string;
    readonly pledgedAt: string;
    readonly supplier?: CommitmentSupplier | null;
    readonly validUntil?: string | null;
    readonly evidence?: readonly string[];
  }
>;

/** 上传材料 for the archive: one file the evidence vault prepared (a signed agreement, a notice), for commitments to cite. */
export type AttachCreditEvidence = C<'AttachEvidence', { readonly file: EvidenceFile; readonly note?: string | null }>;

export type ReportCommitmentBreach = C<
  'ReportCommitmentBreach',
  {
    readonly commitmentId: string;
    readonly breachId: string;
    readonly description: string;
    readonly evidence?: readonly string[];
    readonly occurredAt: string;
    readonly causedBy?: CausedBy | null;
  }
>;

/**
 * 信用信息 of a class. A commendation (kind `commendation`, 表彰) is basic information, recorded by
 * the commission (inspector, leader, admin), of the institution or of one of its departments.
 */
export type RecordCreditInformation = C<
  'RecordCreditInformation',
  {
    readonly recordId: string;
    readonly infoClass: CreditInfoClass;
    /** What it is: `licence`, `penalty`, `commitment-breach`, `joint-discipline`, `commendation` … (CREDIT_INFORMATION_KINDS) */
    readonly kind: string;
    /** The department it is about (a commendation of a 科室), when not the whole institution. */
    readonly departmentId?: string | null;
    readonly title: string;
    readonly content?: string | null;
    readonly occurredAt: string;
    readonly causedBy?: CausedBy | null;
  }
>;

/** 红/黑名单 entry; it expires at `expiresAt` by a deadline timer. */
export type AddListEntry = C<
  'AddListEntry',
  {
    readonly entryId: string;
    readonly list: CreditList;
    readonly reason: string;
    readonly expiresAt: string;
    readonly causedBy?: CausedBy | null;
  }
>;

export type RemoveListEntry = C<'RemoveListEntry', { readonly entryId: string; readonly reason: string }>;

export type CreditWakeUp =
  | Command<'WarnDeadline', WarnDeadlineData & { readonly institutionId?: string }>
  | Command<'ExpireDeadline', ExpireDeadlineData & { readonly institutionId?: string }>;

/**
 * What a points entry needs first: the archive, opened implicitly (cycle from now) unless it is open.
 * It names the entry's behaviour, points and date, which are checked first, so that an entry the
 * points decider would refuse opens nothing either (bad input writes nothing).
 */
export type EnsureCreditArchive = C<
  'EnsureCreditArchive',
  { readonly behaviour: string; readonly points?: number | null; readonly occurredAt: string }
>;

/**
 * Sent by the creditThresholds saga with the cycle's running total after a points entry: every
 * threshold of the policy in force at or below it that the cycle has not reached yet imposes its measures.
 */
export type ImposeCreditMeasures = C<
  'ImposeCreditMeasures',
  { readonly cycleNo: number; readonly totalPoints: number; readonly pointsId: string; readonly causedBy?: CausedBy | null }
>;

/** Commands of one points entry's stream `creditPoints-<institutionId>.<pointsId>`. */
export type CreditPointsCommand = AddCreditPoints | RevokeCreditPoints;

export type CreditArchiveCommand =
  | OpenCreditArchive
  | EnsureCreditArchive
  | ImposeCreditMeasures
  | CloseCreditCycle
  | PledgeCommitment
  | AttachCreditEvidence
  | ReportCommitmentBreach
  | RecordCreditInformation
  | AddListEntry
  | RemoveListEntry
  | CreditWakeUp;
