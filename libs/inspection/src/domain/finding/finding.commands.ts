import { AttachEvidenceData, Command } from '@bihuan/core';
import { DeadlineWindow } from '../deadline-rules';
import { FindingCategory, RecheckOutcome, RequiredAction, Severity, VisitKind } from '../inspection-values';
import { WakeUpCommand } from '../wake-up.commands';
import type { NoticeKind } from '../notice-kinds';

/**
 * Commands of the Finding aggregate (问题), stream `finding-<findingId>`; a finding is also its
 * row of the institution's rectification ledger (整改台账). Actor and time come from metadata.
 * Who may send each is in docs/events/inspection.md (checked by the decider as well as the API).
 */

/** What an inspector (or, on a self-inspection, the hospital) reports as a finding on a visit. */
export interface FindingDraft {
  readonly findingId: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly description: string;
  /**
   * Free-text references recorded with the draft (kept as given, may be empty). Files are attached
   * to the finding once it is open (AttachFindingEvidence, step `finding`).
   */
  readonly evidence?: readonly string[];
  readonly responsibleDepartment: string;
  readonly responsiblePerson?: string | null;
  readonly requiredAction: RequiredAction;
}

/** A draft as its visit recorded it: with the visit's kind, institution and campaign. */
export interface NewFinding extends FindingDraft {
  readonly visitId: string;
  readonly visitKind: VisitKind;
  readonly institutionId: string;
  readonly campaignId?: string | null;
}

/**
 * Opens the finding stream. Sent from the visit's record of it (`VisitFindingsRegistered.findings`,
 * see the findingOpening workflow), so a finding never exists without its visit recording it.
 */
export type OpenFinding = Command<'OpenFinding', NewFinding>;

/** Inspector issues the rectification notice (整改通知书), which starts the rectification clock. */
export type IssueRectificationNotice = Command<
  'IssueRectificationNotice',
  {
    readonly findingId: string;
    /** The document number printed on the notice, if any. */
    readonly noticeNo?: string | null;
    /** What the notice requires, in words. */
    readonly requirements?: string | null;
    /** Computed by the application layer: policy.rectifyWorkingDays[requiredAction] (or the inspector's date). */
    readonly deadline: DeadlineWindow;
  }
>;

/** Hospital submits (or revises) its rectification plan (整改措施). */
export type SubmitRectificationPlan = Command<
  'SubmitRectificationPlan',
  {
    readonly findingId: string;
    readonly measures: string;
    readonly responsibleDepartment?: string | null;
    readonly responsiblePerson?: string | null;
    /** ISO-8601 date the hospital expects to finish by. */
    readonly plannedCompletion?: string | null;
  }
>;

/**
 * Attaches a stored file to the finding: the inspector's (step `finding`, or `recheck` once signed
 * off) or the hospital's while it rectifies (`plan`, `progress`, `signOff`). Steps then cite it by digest.
 */
export type AttachFindingEvidence = Command<'AttachEvidence', AttachEvidenceData & { readonly findingId: string }>;

/** Hospital reports progress; `evidence` cites files attached to the finding, by digest. Repeatable. */
export type ReportRectificationProgress = Command<
  'ReportRectificationProgress',
  {
    readonly findingId: string;
    readonly summary: string;
    readonly evidence?: readonly string[];
    /** 0–100, optional. */
    readonly percentComplete?: number | null;
  }
>;

/** Hospital asks for sign-off (申请销号), citing attached files. The rectification clock keeps running meanwhile. */
export type RequestSignOff = Command<
  'RequestSignOff',
  {
    readonly findingId: string;
    readonly summary: string;
    readonly evidence?: readonly string[];
  }
>;

/**
 * Inspector signs the row off (销号). `recheck` is the re-check (回头看) deadline, computed by the
 * application layer (policy.recheck.afterCalendarDays after now, workingDays 0): required when the
 * severity is in policy.recheck.mandatoryFor, optional otherwise.
 */
export type SignOffFinding = Command<
  'SignOffFinding',
  {
    readonly findingId: string;
    readonly comment?: string | null;
    readonly recheck?: DeadlineWindow | null;
  }
>;

/** Inspector rejects a sign-off request with reasons; the row goes back to in-progress. */
export type RejectSignOff = Command<
  'RejectSignOff',
  {
    readonly findingId: string;
    readonly reasons: readonly string[];
  }
>;

/** Hospital asks for more time (延期) with a reason. */
export type RequestExtension = Command<
  'RequestExtension',
  {
    readonly findingId: string;
    readonly extensionId: string;
    readonly reason: string;
    readonly requestedDueAt: string;
  }
>;

/**
 * Inspector approves an extension; `deadline` is the new window of the finding's current deadline
 * (startedAt = now, workingDays = days granted, at most policy.extensions.maxWorkingDays).
 */
export type ApproveExtension = Command<
  'ApproveExtension',
  {
    readonly findingId: string;
    readonly extensionId: string;
    readonly deadline: DeadlineWindow;
    readonly comment?: string | null;
  }
>;

export type DenyExtension = Command<
  'DenyExtension',
  {
    readonly findingId: string;
    readonly extensionId: string;
    readonly reason: string;
  }
>;

/**
 * Inspector records a re-check (回头看) of a signed-off row. `reopened` (反弹) starts a new
 * rectification round and needs `deadline` (computed like a notice's).
 */
export type RecordRecheck = Command<
  'RecordRecheck',
  {
    readonly findingId: string;
    readonly outcome: RecheckOutcome;
    readonly notes: string;
    readonly evidence?: readonly string[];
    readonly deadline?: DeadlineWindow | null;
  }
>;

/** Inspector withdraws (voids) a finding opened in error, with a reason; the record stays. */
export type WithdrawFinding = Command<
  'WithdrawFinding',
  {
    readonly findingId: string;
    readonly reason: string;
  }
>;

/**
 * Records a printed notice (整改通知书, 提醒敦促函 …) issued by the documents context: its number from
 * the issuing unit's register, the SM3 digest of the DOCX bytes, the template version and the
 * printed field values (so the document can be regenerated and checked against the log).
 */
export type RecordNoticeDocument = Command<
  'RecordNoticeDocument',
  {
    readonly findingId: string;
    readonly kind: NoticeKind;
    readonly documentNo: string;
    readonly issuingUnitId: string;
    readonly digest: string;
    readonly templateVersion: number;
    readonly templateDigest: string;
    readonly fileName: string;
    readonly fields: Readonly<Record<string, string>>;
  }
>;

export type FindingCommand =
  | OpenFinding
  | IssueRectificationNotice
  | SubmitRectificationPlan
  | ReportRectificationProgress
  | RequestSignOff
  | SignOffFinding
  | RejectSignOff
  | RequestExtension
  | ApproveExtension
  | DenyExtension
  | RecordRecheck
  | WithdrawFinding
  | RecordNoticeDocument
  | AttachFindingEvidence
  | WakeUpCommand;
