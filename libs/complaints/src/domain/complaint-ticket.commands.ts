import { Command, EvidenceFile, ExpireDeadlineData, RecomputeDeadline, WarnDeadlineData } from '@bihuan/core';
import { ClockTerms, ComplaintPolicy, RescheduleTerms } from './complaint-policy';
import {
  Complainant,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintComplexity,
  ComplaintDecision,
  DeclineGround,
  SatisfactionRating,
} from './complaint-vocabulary';

/**
 * Commands of the ComplaintTicket decider. Time (`metadata.now`) and the actor come from the
 * metadata; ids, hashes, ciphertext and precomputed working-day terms come in `data`, because the
 * domain has no clock, no calendar, no key store and no id generator. Text fields are plain text
 * and must not contain the complainant's identity (the API and the public form say so).
 */
type C<T extends string, D extends object> = Command<T, D>;

/**
 * 受理. Allowed to commission staff (any channel), `public` (channel `web` only), `system` (imports)
 * and an institution's complaint office (`hospital`, HOSPITAL_CHANNELS only): it receives
 * complaints about its own institution at its own window (首诉负责), so both the receiving unit and
 * the institution complained about are its own.
 */
export type ReceiveComplaint = C<
  'ReceiveComplaint',
  {
    ticketId: string;
    /** Short public code printed for the complainant. */
    ticketCode: string;
    /** Hash (e.g. SM3 with salt) of the public secret; the domain never sees the secret. */
    secretHash: string;
    channel: ComplaintChannel;
    category: ComplaintCategory;
    description: string;
    complainant: Complainant;
    institutionId?: string | null;
    departmentId?: string | null;
    staffId?: string | null;
    externalReference?: string | null;
    /** Owner (首诉负责). Defaults to the actor's unit for staff (a hospital's is always its own); required for `public` and `system`. */
    receivingUnit?: string;
    /** The complainant consented to status SMS (ticket code only); absent: no. */
    notifyBySms?: boolean;
  }
>;

/** 当场办结, by the owner (commission staff, or the hospital that received it), only for a ticket never dispatched. */
export type ResolveComplaintOnTheSpot = C<'ResolveComplaintOnTheSpot', { resolution: string }>;

/**
 * 转办/派单 (also re-dispatch after 退单), by commission staff — or by the hospital that received the
 * ticket, to itself only (自行办理: the acknowledge and answer path as any institution's). The application layer computes both
 * clocks from `policy` and the calendar: acknowledge = policy.acknowledgeWorkingDays, answer =
 * policy.answerWorkingDays[complexity], counted from the day after `startedAt` (receipt on the first
 * dispatch, now on a re-dispatch), with warnAt = reminderWorkingDaysBefore before dueAt.
 */
export type DispatchComplaint = C<
  'DispatchComplaint',
  {
    institutionId: string;
    /** Departments asked to handle it; more than one requires complexity `complex`. */
    departmentIds?: string[];
    complexity: ComplaintComplexity;
    policy: ComplaintPolicy;
    acknowledge: ClockTerms;
    answer: ClockTerms;
  }
>;

/**
 * 上报卫健委: the hospital that received a ticket (首诉负责) hands it to its commission — before it
 * decided, whether it handles it itself or not. `commissionUnit` is the institution's parent unit,
 * which the application layer looks up: the ticket joins that commission's queue as if received there.
 */
export type EscalateComplaint = C<'EscalateComplaint', { reason: string; commissionUnit: string }>;

/** 签收, by role `hospital` of the assigned institution. */
export type AcknowledgeComplaint = C<'AcknowledgeComplaint', Record<string, never>>;
/** 退单 as wrongly assigned, by the assigned institution, before its decision. */
export type ReturnComplaint = C<'ReturnComplaint', { reason: string }>;
/** 调查核实 note, by the assigned institution after acknowledging. */
export type RecordInvestigationNote = C<'RecordInvestigationNote', { note: string }>;
/** 处理意见, by the assigned institution. `implicatedStaffId` defaults to none. */
export type DecideComplaint = C<'DecideComplaint', { decision: ComplaintDecision; findings: string; implicatedStaffId?: string | null }>;
/** 反馈 to the complainant, by the assigned institution after its decision. */
export type AnswerComplaint = C<'AnswerComplaint', { answer: string }>;
/** 回访 rating, by the complainant (`public`), commission staff or the owner hospital recording a call. */
export type RecordFollowUp = C<'RecordFollowUp', { rating: SatisfactionRating; comment?: string | null }>;
/**
 * 办结, by the owner (commission staff, or the hospital that received and kept it) after the answer. A reason is required when there is no follow-up
 * (e.g. anonymous and unreachable) or the rating was `dissatisfied` (why no 重办).
 */
export type CloseComplaint = C<'CloseComplaint', { reason?: string | null }>;
/** 不予受理/终止 as out of scope, by commission staff, any time before the answer. */
export type DeclineComplaint = C<'DeclineComplaint', { ground: DeclineGround; reason: string }>;
/** 延期申请 of the running answer deadline, by the assigned institution. */
export type RequestExtension = C<'RequestExtension', { reason: string }>;
/** 延期批准 (inspector / leader). `extended` is the new answer due date from the application layer. */
/** `extraWorkingDays` is what `extended` was computed from, recorded so a new calendar can recompute it. */
export type ApproveExtension = C<'ApproveExtension', { extended: RescheduleTerms; extraWorkingDays: number }>;
export type DenyExtension = C<'DenyExtension', { reason: string }>;
/** 督办 by commission staff before or without an overdue answer; `supervision` uses publicNoticeWorkingDaysAfterSupervision. */
export type SuperviseComplaint = C<'SuperviseComplaint', { reason: string; policy: ComplaintPolicy; supervision: ClockTerms }>;
/**
 * 停表: waiting on the complainant, by the assigned institution or commission staff. `remainingMs`
 * maps every running deadline id (see `runningDeadlines(state)`) to the WORKING milliseconds it has
 * left at `now`, as the calendar's StopClock.pause computes them; it is recorded on DeadlinePaused.
 */
export type AwaitComplainant = C<'AwaitComplainant', { reason: string; remainingMs: Readonly<Record<string, number>> }>;
/**
 * The complainant's reply ends the wait. `resume` maps every paused deadline id (see
 * `pausedDeadlines(state)`) to its new due date: the application layer adds the recorded
 * `remainingMs` back as working time from now.
 */
export type RecordComplainantReply = C<
  'RecordComplainantReply',
  { note?: string | null; resume: Readonly<Record<string, RescheduleTerms>> }
>;
/** 重办 after a `dissatisfied` follow-up judged valid, by commission staff; a fresh answer clock. */
export type ReopenComplaint = C<
  'ReopenComplaint',
  { reason: string; complexity: ComplaintComplexity; policy: ComplaintPolicy; answer: ClockTerms }
>;

/**
 * 上传材料: attach one file already prepared by the evidence vault (sealed under the ticket's
 * subject, see evidenceSubjectOf). The decider names the step from who attaches and when;
 * `maxComplainantFiles` is the policy's cap on the complainant's own files.
 */
export type AttachComplaintEvidence = C<'AttachEvidence', { file: EvidenceFile; note?: string | null; maxComplainantFiles: number }>;

/** Terms for the step that follows an expired deadline, computed when the wake-up is handled. */
export interface ExpiryNext {
  readonly policy: ComplaintPolicy;
  /** Required when `answer-<n>` expires: the 督办 deadline (publicNoticeWorkingDaysAfterSupervision from now). */
  readonly supervision?: ClockTerms;
}
/** Timer wake-ups (actor role `system`); late or duplicate ones are answered with []. */
export type WarnDeadline = C<'WarnDeadline', WarnDeadlineData>;
export type ExpireDeadline = C<'ExpireDeadline', ExpireDeadlineData & { next?: ExpiryNext }>;

export type ComplaintTicketCommand =
  | ReceiveComplaint
  | ResolveComplaintOnTheSpot
  | DispatchComplaint
  | EscalateComplaint
  | AcknowledgeComplaint
  | ReturnComplaint
  | RecordInvestigationNote
  | DecideComplaint
  | AnswerComplaint
  | RecordFollowUp
  | CloseComplaint
  | DeclineComplaint
  | RequestExtension
  | ApproveExtension
  | DenyExtension
  | SuperviseComplaint
  | AwaitComplainant
  | RecordComplainantReply
  | ReopenComplaint
  | AttachComplaintEvidence
  | WarnDeadline
  | ExpireDeadline
  | RecomputeDeadline;

export type ComplaintCommandType = ComplaintTicketCommand['type'];
