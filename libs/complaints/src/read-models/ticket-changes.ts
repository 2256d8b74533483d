import { Updateable } from 'kysely';
import { ComplaintTicketsTable } from './complaints.tables';

/** Column values of a ticket row that an event sets. */
export type TicketChanges = Updateable<ComplaintTicketsTable>;

type Data = Record<string, unknown>;

/** Column updates for one complaint event (the domain event's own fields). */
export function ticketUpdate(type: string, d: Data): TicketChanges | null {
  const s = (k: string) => (d[k] ?? null) as string | null;
  switch (type) {
    case 'ComplaintResolvedOnTheSpot':
      return { resolution: s('resolution') };
    case 'ComplaintDispatched':
      return {
        status: 'dispatched',
        institution_id: s('institutionId'),
        department_ids: JSON.stringify(d['departmentIds'] ?? []),
        complexity: s('complexity'),
        round: d['round'] as number,
        dispatched_at: s('dispatchedAt'),
        acknowledged_at: null,
        ack_on_time: null,
        ack_overdue: 0,
        answer_overdue: 0,
        decided_at: null,
        decision: null,
        findings: null,
        implicated_staff_id: null,
        supervised_at: null,
        supervision_due_at: null,
        extension_pending: 0,
      };
    case 'ComplaintEscalated':
      // In the commission's queue as if received there: nobody holds it, no clock runs.
      return {
        status: 'received',
        receiving_unit: String(d['toUnit']),
        escalated_at: s('escalatedAt'),
        escalation_reason: s('reason'),
        institution_id: null,
        ack_due_at: null,
        answer_due_at: null,
        waiting_since: null,
      };
    case 'ComplaintAcknowledged':
      return { status: 'acknowledged', acknowledged_at: s('acknowledgedAt'), ack_on_time: d['onTime'] ? 1 : 0 };
    case 'ComplaintReturned':
      return {
        status: 'received',
        institution_id: null,
        last_return_reason: s('reason'),
        ack_due_at: null,
        answer_due_at: null,
        waiting_since: null,
      };
    case 'ComplaintDecided':
      return {
        status: 'decided',
        decided_at: s('decidedAt'),
        decision: s('decision'),
        findings: s('findings'),
        implicated_staff_id: s('implicatedStaffId'),
      };
    case 'ComplaintAnswered':
      return { status: 'answered', answered_at: s('answeredAt'), answer: s('answer'), answer_on_time: d['onTime'] ? 1 : 0 };
    case 'ComplaintFollowedUp':
      return { status: 'followed-up', followed_up_at: s('followedUpAt'), rating: s('rating'), rating_source: s('source') };
    case 'ComplaintClosed':
      return { status: 'closed', closed_at: s('closedAt'), close_outcome: s('outcome'), close_reason: s('reason') };
    case 'ComplaintDeclined':
      return { status: 'declined', declined_at: s('declinedAt'), decline_ground: s('ground'), decline_reason: s('reason') };
    case 'ComplaintExtensionRequested':
      return { extension_pending: 1 };
    case 'ComplaintExtensionApproved':
    case 'ComplaintExtensionDenied':
      return { extension_pending: 0 };
    case 'ComplaintSupervised':
      return { supervised_at: s('supervisedAt') };
    case 'ComplaintPubliclyNoticed':
      return { publicly_noticed_at: s('noticedAt') };
    case 'ComplaintAwaitingComplainant':
      return { waiting_since: s('since') };
    case 'ComplaintComplainantReplied':
      return { waiting_since: null };
    case 'ComplaintReopened':
      return {
        status: 'acknowledged',
        round: d['round'] as number,
        complexity: s('complexity'),
        answered_at: null,
        answer: null,
        answer_on_time: null,
        answer_overdue: 0,
        followed_up_at: null,
        rating: null,
        rating_source: null,
        supervised_at: null,
        supervision_due_at: null,
      };
    default:
      return null;
  }
}
