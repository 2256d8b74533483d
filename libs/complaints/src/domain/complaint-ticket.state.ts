import { AttachedFiles, DeadlineBook, DeadlineState } from '@bihuan/core';
import { ComplaintClockPurpose } from './complaint-policy';
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

/** What is known about a ticket from its receipt on, whatever its status. */
export interface TicketFacts {
  readonly ticketId: string;
  readonly ticketCode: string;
  readonly secretHash: string;
  readonly channel: ComplaintChannel;
  readonly category: ComplaintCategory;
  readonly description: string;
  readonly complainant: Complainant;
  /** The institution complained about, as known at receipt (ComplaintReceived.institutionId). */
  readonly concernedInstitutionId: string | null;
  readonly departmentId: string | null;
  readonly staffId: string | null;
  readonly externalReference: string | null;
  /** 首诉负责: the unit that received it and owns it whenever no institution holds it. */
  readonly receivingUnit: string;
  readonly receivedAt: string;
  /** Increments on every dispatch and reopen; deadline ids carry it (`answer-2`). */
  readonly round: number;
  readonly deadlines: DeadlineBook;
  /** Files attached to the ticket, by digest (EvidenceAttached). */
  readonly evidence: AttachedFiles;
  /** The digests of those the complainant attached, in order (capped by the policy's maxComplainantFiles; theirs to list and download). */
  readonly complainantFiles: readonly string[];
}

/** The institution currently holding the ticket, and the handling flags of the round. */
export interface Assignment {
  readonly institutionId: string;
  readonly departmentIds: readonly string[];
  readonly complexity: ComplaintComplexity;
  readonly dispatchedAt: string;
  readonly extensionRequest: { readonly deadlineId: string; readonly reason: string; readonly requestedAt: string } | null;
  /** 停表: set while waiting on the complainant. */
  readonly waiting: { readonly reason: string; readonly since: string } | null;
  /** 督办 of this round, and whether it has led to a 通报. */
  readonly supervision: { readonly supervisedAt: string; readonly publiclyNoticedAt: string | null } | null;
}

export interface DecisionRecord {
  readonly decision: ComplaintDecision;
  readonly findings: string;
  readonly implicatedStaffId: string | null;
  readonly decidedAt: string;
}

export interface FollowUpRecord {
  readonly rating: SatisfactionRating;
  readonly source: FollowUpSource;
  readonly comment: string | null;
  readonly followedUpAt: string;
}

/** The ticket's life as a union keyed on `status` (architecture.md rule 2). */
export type ComplaintTicketState =
  | { readonly status: 'none' }
  | (TicketFacts & { readonly status: 'received'; readonly lastReturn: { readonly institutionId: string; readonly reason: string } | null })
  | (TicketFacts & { readonly status: 'dispatched'; readonly assignment: Assignment })
  | (TicketFacts & { readonly status: 'acknowledged'; readonly assignment: Assignment })
  | (TicketFacts & { readonly status: 'decided'; readonly assignment: Assignment; readonly decision: DecisionRecord })
  | (TicketFacts & {
      readonly status: 'answered';
      readonly assignment: Assignment;
      readonly decision: DecisionRecord;
      readonly answeredAt: string;
    })
  | (TicketFacts & {
      readonly status: 'followed-up';
      readonly assignment: Assignment;
      readonly decision: DecisionRecord;
      readonly answeredAt: string;
      readonly followUp: FollowUpRecord;
    })
  | (TicketFacts & {
      readonly status: 'closed';
      readonly outcome: 'resolved-on-the-spot' | 'answered';
      readonly rating: SatisfactionRating | null;
      readonly closedAt: string;
    })
  | (TicketFacts & { readonly status: 'declined'; readonly ground: DeclineGround; readonly reason: string; readonly declinedAt: string });

export type ComplaintTicketStatus = ComplaintTicketState['status'];
export type ExistingTicket = Exclude<ComplaintTicketState, { status: 'none' }>;
/** A ticket an institution holds. */
export type AssignedTicket = Extract<ComplaintTicketState, { assignment: Assignment }>;

export const INITIAL_COMPLAINT_TICKET_STATE: ComplaintTicketState = Object.freeze({ status: 'none' });

/** Stream category of tickets: `complaintTicket-<ticketId>`. */
export const COMPLAINT_TICKET_CATEGORY = 'complaintTicket';

/** The deadline id of a clock in a round: `acknowledge-1`, `answer-2`, `supervision-2`. */
export function complaintDeadlineId(purpose: ComplaintClockPurpose, round: number): string {
  return `${purpose}-${round}`;
}

/** Deadlines still counting (pending) or stopped (paused): the ones a step must clear. */
export function openDeadlines(book: DeadlineBook): DeadlineState[] {
  return Object.values(book).filter((d) => d.status === 'pending' || d.status === 'paused');
}

/**
 * Paused deadlines with the time they had left: what the application layer needs to compute the
 * `resume` terms of RecordComplainantReply.
 */
export function pausedDeadlines(state: ComplaintTicketState): { deadlineId: string; purpose: string; remainingMs: number }[] {
  if (state.status === 'none') return [];
  return Object.values(state.deadlines)
    .filter((d) => d.status === 'paused')
    .map((d) => ({ deadlineId: d.terms.deadlineId, purpose: d.terms.purpose, remainingMs: d.remainingMs ?? 0 }));
}

/**
 * Pending deadlines with their terms: what the application layer needs to compute the
 * `remainingMs` of AwaitComplainant (StopClock.pause on each).
 */
export function runningDeadlines(
  state: ComplaintTicketState,
): { deadlineId: string; purpose: string; startedAt: string; dueAt: string; workingDays: number }[] {
  if (state.status === 'none') return [];
  return Object.values(state.deadlines)
    .filter((d) => d.status === 'pending')
    .map((d) => ({
      deadlineId: d.terms.deadlineId,
      purpose: d.terms.purpose,
      startedAt: d.terms.startedAt,
      dueAt: d.dueAt,
      workingDays: d.terms.workingDays,
    }));
}

/**
 * What an ExpireDeadline wake-up must carry in `data.next`: `supervision` when the running answer
 * deadline of an unsupervised round expires (督办 needs its own deadline), otherwise nothing.
 * The application layer calls this before sending the wake-up to the decider.
 */
export function expiryNeedsNext(state: ComplaintTicketState, deadlineId: string): 'supervision' | null {
  if (!isAssigned(state) || state.assignment.supervision !== null) return null;
  const deadline = state.deadlines[deadlineId];
  return deadlineId === complaintDeadlineId('answer', state.round) && deadline?.status === 'pending' ? 'supervision' : null;
}

export function isAssigned(state: ComplaintTicketState): state is AssignedTicket {
  return 'assignment' in state;
}
