import type Database from 'better-sqlite3';
import { idOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
import { COMPLAINT_TICKET_CATEGORY } from '../domain/complaint-ticket.state';
import { COMPLAINTS_TABLES, ensureComplaintsSchema } from './complaints.schema';

type Data = Record<string, unknown>;
type Row = Record<string, string | number | null>;

/** Event data as history shows it: never the complainant, the secret hash or a policy blob. */
export function historyData(type: string, data: Data): Data {
  const { complainant: _c, secretHash: _s, policy: _p, ...rest } = data;
  return type.startsWith('Deadline') || type.startsWith('Complaint') ? rest : {};
}

const STEP_OF: Readonly<Record<string, string>> = { acknowledge: 'acknowledge', answer: 'answer' };

function deadlineParts(deadlineId: unknown): { purpose: string; round: number } | null {
  const match = /^([a-z]+)-(\d+)$/.exec(String(deadlineId));
  return match ? { purpose: match[1]!, round: Number(match[2]) } : null;
}

/** Column updates for one complaint event (the domain event's own fields). */
function ticketUpdate(type: string, d: Data): Row | null {
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

function update(db: Database.Database, ticketId: string, row: Row, at: string): void {
  const cols = Object.keys(row);
  const sets = [...cols.map((c) => `${c} = @${c}`), 'updated_at = @updated_at'].join(', ');
  db.prepare(`UPDATE complaints_tickets SET ${sets} WHERE ticket_id = @ticket_id`).run({ ...row, updated_at: at, ticket_id: ticketId });
}

function counters(db: Database.Database, ticketId: string, type: string): void {
  const column = { ComplaintReminded: 'reminders', ComplaintReturned: 'returns', ComplaintReopened: 'reopens' }[type];
  if (column) db.prepare(`UPDATE complaints_tickets SET ${column} = ${column} + 1 WHERE ticket_id = ?`).run(ticketId);
}

/** DeadlineSet/Resumed/Extended/Recomputed/Expired/Cleared → due columns and the on-time steps table. */
function deadline(db: Database.Database, ticketId: string, type: string, d: Data): void {
  const parts = deadlineParts(d['deadlineId']);
  if (!parts) return;
  const due = (d['dueAt'] ?? null) as string | null;
  const prefix = { acknowledge: 'ack', answer: 'answer', supervision: 'supervision' }[parts.purpose];
  const step = STEP_OF[parts.purpose];
  if (type === 'DeadlineSet' || type === 'DeadlineResumed' || type === 'DeadlineExtended' || type === 'DeadlineRecomputed') {
    // The version goes with the due date it computed: views say from it whether the date is provisional.
    const version = typeof d['calendarVersion'] === 'string' ? d['calendarVersion'] : null;
    if (prefix)
      db.prepare(`UPDATE complaints_tickets SET ${prefix}_due_at = ?, ${prefix}_calendar_version = ? WHERE ticket_id = ?`).run(
        due,
        version,
        ticketId,
      );
    if (step) {
      db.prepare(
        `INSERT INTO complaints_steps (ticket_id, round, step, institution_id, due_at) VALUES (?, ?, ?, (SELECT institution_id FROM complaints_tickets WHERE ticket_id = ?), ?)
         ON CONFLICT (ticket_id, round, step) DO UPDATE SET due_at = excluded.due_at`,
      ).run(ticketId, parts.round, step, ticketId, due);
    }
  } else if (type === 'DeadlineExpired') {
    if (parts.purpose === 'acknowledge') db.prepare('UPDATE complaints_tickets SET ack_overdue = 1 WHERE ticket_id = ?').run(ticketId);
    if (parts.purpose === 'answer') db.prepare('UPDATE complaints_tickets SET answer_overdue = 1 WHERE ticket_id = ?').run(ticketId);
    if (step)
      db.prepare('UPDATE complaints_steps SET expired = 1 WHERE ticket_id = ? AND round = ? AND step = ?').run(ticketId, parts.round, step);
  } else if (type === 'DeadlineCleared' && d['outcome'] === 'cancelled' && step) {
    db.prepare('DELETE FROM complaints_steps WHERE ticket_id = ? AND round = ? AND step = ? AND done_at IS NULL').run(
      ticketId,
      parts.round,
      step,
    );
  }
}

function stepDone(db: Database.Database, ticketId: string, step: string, d: Data, at: string): void {
  db.prepare('UPDATE complaints_steps SET done_at = ?, on_time = ? WHERE ticket_id = ? AND round = ? AND step = ?').run(
    at,
    d['onTime'] ? 1 : 0,
    ticketId,
    d['round'],
    step,
  );
}

function received(db: Database.Database, d: Data): void {
  const complainant = d['complainant'] as { kind: string; subjectId?: string };
  db.prepare(
    `INSERT OR IGNORE INTO complaints_tickets (ticket_id, ticket_code, secret_hash, channel, category, description, complainant_kind, subject_id, staff_id,
       external_reference, receiving_unit, concerned_institution_id, status, received_at, updated_at)
     VALUES (@ticketId, @ticketCode, @secretHash, @channel, @category, @description, @kind, @subjectId, @staffId, @externalReference, @receivingUnit,
       @institutionId, 'received', @receivedAt, @receivedAt)`,
  ).run({ ...d, kind: complainant.kind, subjectId: complainant.subjectId ?? null });
}

/** Applies one event of a `complaintTicket-*` stream to the read model. */
export function applyComplaintEvent(event: RecordedEvent, db: Database.Database): void {
  const d = event.data as Data;
  const ticketId = typeof d['ticketId'] === 'string' ? (d['ticketId'] as string) : idOf(event.streamName);
  const at = event.metadata.occurredAt;
  if (event.type === 'ComplaintReceived') received(db, d);
  else if (event.type.startsWith('Deadline')) deadline(db, ticketId, event.type, d);
  else {
    const row = ticketUpdate(event.type, d);
    if (row) update(db, ticketId, row, at);
    counters(db, ticketId, event.type);
    if (event.type === 'ComplaintAcknowledged') stepDone(db, ticketId, 'acknowledge', d, String(d['acknowledgedAt'] ?? at));
    if (event.type === 'ComplaintAnswered') stepDone(db, ticketId, 'answer', d, String(d['answeredAt'] ?? at));
  }
  const { id, role, unit } = event.metadata.actor;
  db.prepare(
    'INSERT OR IGNORE INTO complaints_history (position, ticket_id, type, at, actor_id, actor_role, actor_unit, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(event.position, ticketId, event.type, at, id, role, unit, JSON.stringify(historyData(event.type, d)));
}

/** The `complaints-tickets` projection: tickets, on-time steps and history in one transaction per event. */
export function complaintTicketsProjection(db: Database.Database): SqliteProjection {
  ensureComplaintsSchema(db);
  return new SqliteProjection({
    name: 'complaints-tickets',
    db,
    filter: { categories: [COMPLAINT_TICKET_CATEGORY] },
    apply: applyComplaintEvent,
    tables: COMPLAINTS_TABLES,
  });
}
