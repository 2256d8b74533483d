import { Kysely } from 'kysely';
import { idOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { COMPLAINT_TICKET_CATEGORY } from '../domain/complaint-ticket.state';
import { COMPLAINTS_TABLES, ComplaintsTables } from './complaints.tables';
import { TicketChanges, ticketUpdate } from './ticket-changes';

type Data = Record<string, unknown>;
type Db = Kysely<ComplaintsTables>;

/**
 * Event data as history shows it: never the complainant (nor the subject a file is sealed under),
 * the secret hash or a policy blob.
 */
export function historyData(type: string, data: Data): Data {
  const { complainant: _c, secretHash: _s, policy: _p, ...rest } = data;
  if (type === 'EvidenceAttached') {
    const { sealed, ...file } = (rest['file'] ?? {}) as { sealed?: { subjectId?: string } };
    const { subjectId: _subject, ...kept } = sealed ?? {};
    return { ...rest, file: sealed ? { ...file, sealed: kept } : file };
  }
  return type.startsWith('Deadline') || type.startsWith('Complaint') ? rest : {};
}

const STEP_OF: Readonly<Record<string, string>> = { acknowledge: 'acknowledge', answer: 'answer' };

function deadlineParts(deadlineId: unknown): { purpose: string; round: number } | null {
  const match = /^([a-z]+)-(\d+)$/.exec(String(deadlineId));
  return match ? { purpose: match[1]!, round: Number(match[2]) } : null;
}

async function update(db: Db, ticketId: string, row: TicketChanges, at: string): Promise<void> {
  await db
    .updateTable('complaints_tickets')
    .set({ ...row, updated_at: at })
    .where('ticket_id', '=', ticketId)
    .execute();
}

const COUNTER_OF = { ComplaintReminded: 'reminders', ComplaintReturned: 'returns', ComplaintReopened: 'reopens' } as const;

async function counters(db: Db, ticketId: string, type: string): Promise<void> {
  const column = COUNTER_OF[type as keyof typeof COUNTER_OF] as (typeof COUNTER_OF)[keyof typeof COUNTER_OF] | undefined;
  if (!column) return;
  await db
    .updateTable('complaints_tickets')
    .set((eb) => ({ [column]: eb(column, '+', 1) }))
    .where('ticket_id', '=', ticketId)
    .execute();
}

/** The due date of a deadline purpose and the calendar version it was counted on (is it provisional?). */
const DUE_COLUMNS: Readonly<Record<string, (due: string | null, version: string | null) => TicketChanges>> = {
  acknowledge: (due, version) => ({ ack_due_at: due, ack_calendar_version: version }),
  answer: (due, version) => ({ answer_due_at: due, answer_calendar_version: version }),
  supervision: (due, version) => ({ supervision_due_at: due, supervision_calendar_version: version }),
};

/** One step row of a round, as the deadline's id names it. */
function stepRow(db: Db, ticketId: string, round: number, step: string) {
  return db.updateTable('complaints_steps').where('ticket_id', '=', ticketId).where('round', '=', round).where('step', '=', step);
}

/** DeadlineSet/Resumed/Extended/Recomputed/Expired/Cleared → due columns and the on-time steps table. */
async function deadline(db: Db, ticketId: string, type: string, d: Data): Promise<void> {
  const parts = deadlineParts(d['deadlineId']);
  if (!parts) return;
  const due = (d['dueAt'] ?? null) as string | null;
  const dueColumns = DUE_COLUMNS[parts.purpose];
  const step = STEP_OF[parts.purpose];
  if (type === 'DeadlineSet' || type === 'DeadlineResumed' || type === 'DeadlineExtended' || type === 'DeadlineRecomputed') {
    // The version goes with the due date it computed: views say from it whether the date is provisional.
    const version = typeof d['calendarVersion'] === 'string' ? d['calendarVersion'] : null;
    if (dueColumns) await db.updateTable('complaints_tickets').set(dueColumns(due, version)).where('ticket_id', '=', ticketId).execute();
    if (step)
      await db
        .insertInto('complaints_steps')
        .values((eb) => ({
          ticket_id: ticketId,
          round: parts.round,
          step,
          institution_id: eb.selectFrom('complaints_tickets').select('institution_id').where('ticket_id', '=', ticketId),
          due_at: due,
        }))
        .onConflict((oc) => oc.columns(['ticket_id', 'round', 'step']).doUpdateSet({ due_at: (eb) => eb.ref('excluded.due_at') }))
        .execute();
  } else if (type === 'DeadlineExpired') {
    if (parts.purpose === 'acknowledge' || parts.purpose === 'answer')
      await db
        .updateTable('complaints_tickets')
        .set(parts.purpose === 'acknowledge' ? { ack_overdue: 1 } : { answer_overdue: 1 })
        .where('ticket_id', '=', ticketId)
        .execute();
    if (step) await stepRow(db, ticketId, parts.round, step).set({ expired: 1 }).execute();
  } else if (type === 'DeadlineCleared' && d['outcome'] === 'cancelled' && step) {
    await db
      .deleteFrom('complaints_steps')
      .where('ticket_id', '=', ticketId)
      .where('round', '=', parts.round)
      .where('step', '=', step)
      .where('done_at', 'is', null)
      .execute();
  }
}

async function stepDone(db: Db, ticketId: string, step: string, d: Data, at: string): Promise<void> {
  await stepRow(db, ticketId, Number(d['round']), step)
    .set({ done_at: at, on_time: d['onTime'] ? 1 : 0 })
    .execute();
}

async function received(db: Db, d: Data, receiverRole: string): Promise<void> {
  const complainant = d['complainant'] as { kind: string; subjectId?: string };
  const s = (k: string) => d[k] as string;
  const optional = (k: string) => (d[k] ?? null) as string | null;
  await db
    .insertInto('complaints_tickets')
    .values({
      ticket_id: s('ticketId'),
      ticket_code: s('ticketCode'),
      secret_hash: s('secretHash'),
      channel: s('channel'),
      category: s('category'),
      description: s('description'),
      complainant_kind: complainant.kind,
      subject_id: complainant.subjectId ?? null,
      staff_id: optional('staffId'),
      external_reference: optional('externalReference'),
      receiving_unit: s('receivingUnit'),
      received_by: s('receivingUnit'),
      received_at_institution: receiverRole === 'hospital' ? 1 : 0,
      concerned_institution_id: optional('institutionId'),
      status: 'received',
      received_at: s('receivedAt'),
      updated_at: s('receivedAt'),
    })
    .onConflict((oc) => oc.column('ticket_id').doNothing())
    .execute();
}

/** Applies one event of a `complaintTicket-*` stream to the read model, through `db` (the batch's transaction). */
export async function applyComplaintEvent(event: RecordedEvent, db: Db): Promise<void> {
  const d = event.data as Data;
  const ticketId = typeof d['ticketId'] === 'string' ? (d['ticketId'] as string) : idOf(event.streamName);
  const at = event.metadata.occurredAt;
  if (event.type === 'ComplaintReceived') await received(db, d, event.metadata.actor.role);
  else if (event.type.startsWith('Deadline')) await deadline(db, ticketId, event.type, d);
  else {
    const row = ticketUpdate(event.type, d);
    if (row) await update(db, ticketId, row, at);
    await counters(db, ticketId, event.type);
    if (event.type === 'ComplaintAcknowledged') await stepDone(db, ticketId, 'acknowledge', d, String(d['acknowledgedAt'] ?? at));
    if (event.type === 'ComplaintAnswered') await stepDone(db, ticketId, 'answer', d, String(d['answeredAt'] ?? at));
  }
  const { id, role, unit } = event.metadata.actor;
  await db
    .insertInto('complaints_history')
    .values({
      position: event.position,
      ticket_id: ticketId,
      type: event.type,
      at,
      actor_id: id,
      actor_role: role,
      actor_unit: unit,
      data: JSON.stringify(historyData(event.type, d)),
    })
    .onConflict((oc) => oc.column('position').doNothing())
    .execute();
}

/** The `complaints-tickets` projection: tickets, on-time steps and history, a batch of events per transaction. */
export function complaintTicketsProjection(database: SqlDatabase): TableProjection<ComplaintsTables> {
  return new TableProjection<ComplaintsTables>(database, {
    name: 'complaints-tickets',
    filter: { categories: [COMPLAINT_TICKET_CATEGORY] },
    apply: applyComplaintEvent,
    tables: COMPLAINTS_TABLES,
  });
}
