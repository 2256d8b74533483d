import { Actor } from '@bihuan/core';
import { isProvisionalVersion } from '@bihuan/calendar';
import { PublicTicketStep } from '../domain/complaint-labels';
import { COMMISSION_ROLES } from '../domain/complaint-vocabulary';

/** A row of complaints_tickets (snake_case as stored), with the computed `overdue`. */
export interface TicketRow {
  readonly [column: string]: string | number | null;
}

export interface TicketListItem {
  readonly ticketId: string;
  readonly ticketCode: string;
  readonly status: string;
  readonly channel: string;
  readonly category: string;
  /** The owner (首诉负责) now: the unit that received it, or the commission a hospital escalated it to. */
  readonly receivingUnit: string;
  /** The unit that first received it: a commission, or an institution's own complaint office. */
  readonly receivedBy: string;
  readonly institutionId: string | null;
  readonly round: number;
  readonly receivedAt: string;
  readonly acknowledgeDueAt: string | null;
  /** acknowledgeDueAt was counted over a year without the State Council's notice (recomputed on import). */
  readonly acknowledgeDueProvisional: boolean;
  readonly answerDueAt: string | null;
  readonly answerDueProvisional: boolean;
  readonly answeredAt: string | null;
  readonly closedAt: string | null;
  readonly overdue: boolean;
  readonly waitingOnComplainant: boolean;
  readonly supervisedAt: string | null;
  readonly publiclyNoticedAt: string | null;
  readonly decision: string | null;
  readonly rating: string | null;
  /** Commission staff only: anonymous or named and the key-store subject (never for hospitals). */
  readonly complainant?: { readonly kind: string; readonly subjectId: string | null };
}

export interface TicketHistoryEntry {
  readonly position: number;
  readonly type: string;
  readonly at: string;
  readonly actor: { readonly id: string; readonly role: string; readonly unit: string };
  readonly data: Record<string, unknown>;
  /** The Chinese one-line summary (the audit's registry), from the data as this reader sees it. */
  readonly summary?: string;
}

export interface TicketDetail extends TicketListItem {
  readonly description: string;
  readonly concernedInstitutionId: string | null;
  readonly departmentIds: string[];
  readonly complexity: string | null;
  readonly staffId: string | null;
  readonly externalReference: string | null;
  readonly resolution: string | null;
  /** 上报卫健委 by the hospital that received it, and why. */
  readonly escalatedAt: string | null;
  readonly escalationReason: string | null;
  readonly dispatchedAt: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedOnTime: boolean | null;
  readonly decidedAt: string | null;
  readonly findings: string | null;
  readonly implicatedStaffId: string | null;
  readonly answer: string | null;
  readonly answeredOnTime: boolean | null;
  readonly followedUpAt: string | null;
  readonly closeOutcome: string | null;
  readonly closeReason: string | null;
  readonly declinedAt: string | null;
  readonly declineGround: string | null;
  readonly declineReason: string | null;
  readonly supervisionDueAt: string | null;
  readonly supervisionDueProvisional: boolean;
  readonly extensionPending: boolean;
  readonly reminders: number;
  readonly returns: number;
  readonly reopens: number;
  readonly lastReturnReason: string | null;
  readonly history: TicketHistoryEntry[];
}

/** The complainant's view: the step and its dates, the answer once given — nothing internal. */
export interface PublicTicketStatus {
  readonly ticketCode: string;
  readonly step: PublicTicketStep;
  readonly category: string;
  readonly receivedAt: string;
  readonly answerDueAt: string | null;
  /** The answer date may still move by a few working days when next year's official calendar is imported. */
  readonly answerDueProvisional: boolean;
  readonly answeredAt: string | null;
  readonly answer: string | null;
  readonly rating: string | null;
  readonly canRate: boolean;
  readonly closedAt: string | null;
  readonly declinedAt: string | null;
  readonly declineGround: string | null;
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));
/** Whether the due date in `<prefix>_due_at` is provisional (its recorded calendar version says so). */
const provisional = (r: TicketRow, prefix: string): boolean => {
  const version = r[`${prefix}_calendar_version`];
  return r[`${prefix}_due_at`] !== null && typeof version === 'string' && isProvisionalVersion(version);
};
const bool = (v: string | number | null | undefined): boolean | null => (v === null || v === undefined ? null : Number(v) === 1);

export function toListItem(r: TicketRow, actor: Actor): TicketListItem {
  const item: TicketListItem = {
    ticketId: String(r['ticket_id']),
    ticketCode: String(r['ticket_code']),
    status: String(r['status']),
    channel: String(r['channel']),
    category: String(r['category']),
    receivingUnit: String(r['receiving_unit']),
    receivedBy: String(r['received_by'] ?? r['receiving_unit']),
    institutionId: str(r['institution_id']),
    round: Number(r['round']),
    receivedAt: String(r['received_at']),
    acknowledgeDueAt: str(r['ack_due_at']),
    acknowledgeDueProvisional: provisional(r, 'ack'),
    answerDueAt: str(r['answer_due_at']),
    answerDueProvisional: provisional(r, 'answer'),
    answeredAt: str(r['answered_at']),
    closedAt: str(r['closed_at']),
    overdue: Number(r['overdue']) === 1,
    waitingOnComplainant: r['waiting_since'] !== null,
    supervisedAt: str(r['supervised_at']),
    publiclyNoticedAt: str(r['publicly_noticed_at']),
    decision: str(r['decision']),
    rating: str(r['rating']),
  };
  return COMMISSION_ROLES.includes(actor.role)
    ? { ...item, complainant: { kind: String(r['complainant_kind']), subjectId: str(r['subject_id']) } }
    : item;
}

export function toDetail(r: TicketRow, actor: Actor, history: TicketHistoryEntry[]): TicketDetail {
  return {
    ...toListItem(r, actor),
    description: String(r['description']),
    concernedInstitutionId: str(r['concerned_institution_id']),
    departmentIds: JSON.parse(String(r['department_ids'] ?? '[]')) as string[],
    complexity: str(r['complexity']),
    staffId: str(r['staff_id']),
    externalReference: str(r['external_reference']),
    resolution: str(r['resolution']),
    escalatedAt: str(r['escalated_at']),
    escalationReason: str(r['escalation_reason']),
    dispatchedAt: str(r['dispatched_at']),
    acknowledgedAt: str(r['acknowledged_at']),
    acknowledgedOnTime: bool(r['ack_on_time']),
    decidedAt: str(r['decided_at']),
    findings: str(r['findings']),
    implicatedStaffId: str(r['implicated_staff_id']),
    answer: str(r['answer']),
    answeredOnTime: bool(r['answer_on_time']),
    followedUpAt: str(r['followed_up_at']),
    closeOutcome: str(r['close_outcome']),
    closeReason: str(r['close_reason']),
    declinedAt: str(r['declined_at']),
    declineGround: str(r['decline_ground']),
    declineReason: str(r['decline_reason']),
    supervisionDueAt: str(r['supervision_due_at']),
    supervisionDueProvisional: provisional(r, 'supervision'),
    extensionPending: Number(r['extension_pending']) === 1,
    reminders: Number(r['reminders']),
    returns: Number(r['returns']),
    reopens: Number(r['reopens']),
    lastReturnReason: str(r['last_return_reason']),
    history,
  };
}

function publicStep(r: TicketRow): PublicTicketStatus['step'] {
  switch (r['status']) {
    case 'received':
      return 'received';
    case 'dispatched':
      return r['waiting_since'] !== null ? 'awaiting-your-reply' : 'dispatched';
    case 'acknowledged':
    case 'decided':
      return r['waiting_since'] !== null ? 'awaiting-your-reply' : 'in-progress';
    case 'answered':
      return 'answered';
    case 'followed-up':
      return 'rated';
    case 'declined':
      return 'declined';
    default:
      return 'closed';
  }
}

export function toPublicStatus(r: TicketRow): PublicTicketStatus {
  const step = publicStep(r);
  const answered = step === 'answered' || step === 'rated' || (step === 'closed' && r['answer'] !== null);
  const showDue = !(answered || step === 'closed' || step === 'declined');
  return {
    ticketCode: String(r['ticket_code']),
    step,
    category: String(r['category']),
    receivedAt: String(r['received_at']),
    answerDueAt: showDue ? str(r['answer_due_at']) : null,
    answerDueProvisional: showDue && provisional(r, 'answer'),
    answeredAt: answered ? str(r['answered_at']) : null,
    answer: answered ? str(r['answer']) : null,
    rating: str(r['rating']),
    canRate: step === 'answered',
    closedAt: str(r['closed_at']),
    declinedAt: str(r['declined_at']),
    declineGround: str(r['decline_ground']),
  };
}
