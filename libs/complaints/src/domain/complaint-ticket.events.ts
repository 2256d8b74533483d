import { DeadlineEvent, DomainEvent, EvidenceAttached } from '@bihuan/core';
import {
  Complainant,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintComplexity,
  ComplaintDecision,
  DeclineGround,
  FollowUpSource,
  SatisfactionRating,
} from './complaint-vocabulary';

/**
 * Events of the `complaintTicket-<ticketId>` stream. Every complaint event carries `ticketId` so
 * that workflows and projections need not parse stream names; dates are ISO-8601 strings; the
 * complainant appears only as a subject id plus SM4 ciphertext (or not at all when anonymous).
 * The stream also holds the generic deadline events of @bihuan/core (see ComplaintTicketEvent).
 */
export const COMPLAINT_TICKET_SCHEMA_VERSION = 1;

type E<T extends string, D extends object> = DomainEvent<T, D & { readonly ticketId: string }>;

/** 受理: the receiving unit owns the ticket (首诉负责) until it dispatches it. */
export type ComplaintReceived = E<
  'ComplaintReceived',
  {
    ticketCode: string;
    /** Hash of the public secret; the secret itself is never stored. */
    secretHash: string;
    channel: ComplaintChannel;
    category: ComplaintCategory;
    description: string;
    complainant: Complainant;
    /** The institution complained about, when known at receipt. */
    institutionId: string | null;
    departmentId: string | null;
    /** A named staff member the complaint is about. */
    staffId: string | null;
    /** Number of the 12345 / other agency's ticket for transfers. */
    externalReference: string | null;
    receivingUnit: string;
    receivedAt: string;
    /**
     * The complainant consented to an SMS at their (encrypted) phone when the status changes: the
     * ticket code only. Absent on tickets received without consent and on every earlier ticket.
     */
    notifyBySms?: true;
    /** The partner agency whose lead (交办线索) this ticket is, when one sent it itself; absent otherwise. */
    fromAgency?: string;
  }
>;
/** 当场办结: always followed by ComplaintClosed with outcome `resolved-on-the-spot`. */
export type ComplaintResolvedOnTheSpot = E<'ComplaintResolvedOnTheSpot', { resolution: string; resolvedAt: string }>;
/** 转办/派单; comes with DeadlineSet for `acknowledge-<round>` and `answer-<round>`. */
export type ComplaintDispatched = E<
  'ComplaintDispatched',
  {
    round: number;
    institutionId: string;
    departmentIds: string[];
    complexity: ComplaintComplexity;
    policyVersion: string;
    dispatchedAt: string;
  }
>;
/**
 * 上报卫健委 by the hospital that received the ticket: the receiving unit (owner) becomes the
 * commission `toUnit`, the ticket is `received` again there (round kept); running deadlines of a
 * round the hospital was handling itself are cleared as `cancelled`. `fromUnit` keeps reading it.
 */
export type ComplaintEscalated = E<
  'ComplaintEscalated',
  { round: number; fromUnit: string; toUnit: string; reason: string; escalatedAt: string }
>;
/** 签收 by the assigned institution; comes with DeadlineCleared(acknowledge) when it was running. */
export type ComplaintAcknowledged = E<
  'ComplaintAcknowledged',
  { round: number; institutionId: string; acknowledgedAt: string; onTime: boolean }
>;
/** 退单: back to the owner; every running deadline of the round is cleared as `cancelled`. */
export type ComplaintReturned = E<'ComplaintReturned', { round: number; institutionId: string; reason: string; returnedAt: string }>;
/** 调查核实 note. */
export type ComplaintInvestigationNoted = E<'ComplaintInvestigationNoted', { round: number; note: string; notedAt: string }>;
/** 处理意见. `implicatedStaffId` only when substantiated or partly substantiated. */
export type ComplaintDecided = E<
  'ComplaintDecided',
  {
    round: number;
    institutionId: string;
    category: ComplaintCategory;
    decision: ComplaintDecision;
    findings: string;
    implicatedStaffId: string | null;
    decidedAt: string;
  }
>;
/** 反馈 to the complainant; clears the answer (and a running supervision) deadline. */
export type ComplaintAnswered = E<
  'ComplaintAnswered',
  { round: number; institutionId: string; answer: string; answeredAt: string; onTime: boolean }
>;
/** 回访 · 满意度. */
export type ComplaintFollowedUp = E<
  'ComplaintFollowedUp',
  {
    round: number;
    rating: SatisfactionRating;
    source: FollowUpSource;
    comment: string | null;
    followedUpAt: string;
  }
>;
/** 办结. `rating` is null when closed without a follow-up (reason then given). */
export type ComplaintClosed = E<
  'ComplaintClosed',
  {
    outcome: 'resolved-on-the-spot' | 'answered';
    rating: SatisfactionRating | null;
    reason: string | null;
    closedAt: string;
  }
>;
/** 不予受理 / 终止: out of scope; clears every running deadline. */
export type ComplaintDeclined = E<'ComplaintDeclined', { ground: DeclineGround; reason: string; declinedAt: string }>;
/** 延期申请 by the institution. */
export type ComplaintExtensionRequested = E<
  'ComplaintExtensionRequested',
  { round: number; deadlineId: string; reason: string; requestedAt: string }
>;
/** 延期批准; comes with DeadlineExtended. */
export type ComplaintExtensionApproved = E<
  'ComplaintExtensionApproved',
  { round: number; deadlineId: string; previousDueAt: string; dueAt: string; approvedAt: string }
>;
export type ComplaintExtensionDenied = E<
  'ComplaintExtensionDenied',
  { round: number; deadlineId: string; reason: string; deniedAt: string }
>;
/** 催办: a reminder before a due date; comes with DeadlineWarned. */
export type ComplaintReminded = E<
  'ComplaintReminded',
  { round: number; institutionId: string; deadlineId: string; purpose: string; dueAt: string; remindedAt: string }
>;
/** 督办: to the institution's head and the commission; comes with DeadlineSet(`supervision-<round>`). */
export type ComplaintSupervised = E<
  'ComplaintSupervised',
  {
    round: number;
    institutionId: string;
    trigger: 'answer-overdue' | 'commission';
    reason: string | null;
    policyVersion: string;
    supervisedAt: string;
  }
>;
/** 通报: still open when the supervision deadline expired. */
export type ComplaintPubliclyNoticed = E<
  'ComplaintPubliclyNoticed',
  { round: number; institutionId: string; supervisedAt: string; noticedAt: string }
>;
/** 停表: waiting on the complainant; comes with DeadlinePaused for each running deadline. */
export type ComplaintAwaitingComplainant = E<'ComplaintAwaitingComplainant', { round: number; reason: string; since: string }>;
/** The complainant's reply; comes with DeadlineResumed for each paused deadline. */
export type ComplaintComplainantReplied = E<'ComplaintComplainantReplied', { round: number; note: string | null; repliedAt: string }>;
/** 重办 on valid dissatisfaction; starts a new round with a fresh answer deadline (DeadlineSet). */
export type ComplaintReopened = E<
  'ComplaintReopened',
  {
    round: number;
    institutionId: string;
    complexity: ComplaintComplexity;
    reason: string;
    policyVersion: string;
    reopenedAt: string;
  }
>;

export type ComplaintDomainEvent =
  | ComplaintReceived
  | ComplaintResolvedOnTheSpot
  | ComplaintDispatched
  | ComplaintEscalated
  | ComplaintAcknowledged
  | ComplaintReturned
  | ComplaintInvestigationNoted
  | ComplaintDecided
  | ComplaintAnswered
  | ComplaintFollowedUp
  | ComplaintClosed
  | ComplaintDeclined
  | ComplaintExtensionRequested
  | ComplaintExtensionApproved
  | ComplaintExtensionDenied
  | ComplaintReminded
  | ComplaintSupervised
  | ComplaintPubliclyNoticed
  | ComplaintAwaitingComplainant
  | ComplaintComplainantReplied
  | ComplaintReopened;

/** Everything in a `complaintTicket-<id>` stream: with core's generic deadline and evidence events. */
export type ComplaintTicketEvent = ComplaintDomainEvent | DeadlineEvent | EvidenceAttached;
export type ComplaintEventType = ComplaintTicketEvent['type'];
