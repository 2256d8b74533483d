import { Kysely, sql } from 'kysely';
import { ComplaintsTables } from './complaints.tables';
import { CONSOLE_LINKS } from '@bihuan/core';
import { ComplaintCategory } from '../domain/complaint-vocabulary';
import { COMPLAINT_CATEGORY_LABELS } from '../domain/complaint-labels';

/** The ticket steps a to-do list (待办, docs/todos.md) shows. */
export const COMPLAINT_STEP_KINDS = ['complaint-dispatch', 'complaint-acknowledge', 'complaint-answer', 'complaint-follow-up'] as const;
export type ComplaintStepKind = (typeof COMPLAINT_STEP_KINDS)[number];

/** Whose steps to read, by the side of the loop the caller is on (empty lists read nothing). */
export interface ComplaintStepScope {
  /** The hospital's own institution (role hospital). */
  readonly hospitalOf: readonly string[];
  /** Institutions within an inspector's jurisdiction: answered tickets to follow up. */
  readonly inspectorOver: readonly string[];
  /** Commission units within an inspector's jurisdiction: received tickets to dispatch. */
  readonly commissionUnits: readonly string[];
}

/** A step of a ticket that waits on someone. */
export interface ComplaintOpenStep {
  readonly kind: ComplaintStepKind;
  readonly caseId: string;
  /**
   * The institution it is about: the one it is assigned to, else (before dispatch) the one the
   * complainant named; null when they named none.
   */
  readonly institutionId: string | null;
  /** The unit that must act: the assigned institution, or the receiving commission unit. */
  readonly unitId: string;
  /**
   * Which ticket: its code and category (TS… · 服务态度). Never the complainant's words, which may
   * name people: a to-do list is seen by everyone in the unit, the ticket only by those it concerns.
   */
  readonly summary: string;
  /** Console path of the ticket. */
  readonly link: string;
  readonly dueAt: string | null;
  /** When the row last changed. */
  readonly since: string;
}

function inList(column: string, ids: readonly string[]) {
  return ids.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`${sql.ref(column)} in (${sql.join([...ids])})`;
}

type Row = {
  ticket_id: string;
  ticket_code: string;
  category: string;
  institution_id: string | null;
  concerned_institution_id: string | null;
  receiving_unit: string;
  status: string;
  ack_due_at: string | null;
  answer_due_at: string | null;
  waiting_since: string | null;
  updated_at: string;
};

function step(kind: ComplaintStepKind, r: Row, unitId: string, dueAt: string | null): ComplaintOpenStep {
  const link = CONSOLE_LINKS.complaint(r.ticket_id);
  const category = COMPLAINT_CATEGORY_LABELS[r.category as ComplaintCategory] ?? r.category;
  const summary = `${r.ticket_code} · ${category}`;
  const institutionId = r.institution_id ?? r.concerned_institution_id;
  return { kind, caseId: r.ticket_id, institutionId, unitId, summary, link, dueAt, since: r.updated_at };
}

/**
 * Open steps of complaint tickets (the ticket decider's guards say who may take each): the owner
 * (首诉负责: the receiving commission, or an institution's own complaint office) dispatches a
 * received ticket (转办; a hospital handles it itself or escalates it) and records the follow-up (回访); the assigned
 * hospital acknowledges (签收), then decides and answers (办理答复) — decided-but-unanswered is
 * still the answer step, due at the answer deadline. While the clock is stopped for the
 * complainant (停表) the answer waits on the complainant, not the hospital (it may not decide or
 * answer meanwhile), so it leaves the list and comes back, with its moved due date, on resume.
 */
export async function complaintOpenSteps(db: Kysely<ComplaintsTables>, scope: ComplaintStepScope): Promise<ComplaintOpenStep[]> {
  const steps: ComplaintOpenStep[] = [];
  const columns = [
    'ticket_id',
    'ticket_code',
    'category',
    'institution_id',
    'concerned_institution_id',
    'receiving_unit',
    'status',
    'ack_due_at',
    'answer_due_at',
    'waiting_since',
    'updated_at',
  ] as const;
  if (scope.hospitalOf.length > 0) {
    const rows = await db
      .selectFrom('complaints_tickets')
      .select(columns)
      .where(inList('institution_id', scope.hospitalOf))
      .where('status', 'in', ['dispatched', 'acknowledged', 'decided'])
      .execute();
    for (const r of rows) {
      const unit = r.institution_id ?? r.receiving_unit;
      if (r.status === 'dispatched') steps.push(step('complaint-acknowledge', r, unit, r.ack_due_at));
      else if (r.waiting_since === null) steps.push(step('complaint-answer', r, unit, r.answer_due_at));
    }
    // 首诉负责 at the hospital: what its own office received waits on it to be handled or escalated, and followed up once answered.
    steps.push(...(await ownerSteps(db, scope.hospitalOf, columns)));
  }
  // An institution's own tickets are its office's to dispatch and follow up, not the commission's.
  const commissionOwned = (r: Row) => !scope.inspectorOver.includes(r.receiving_unit);
  if (scope.commissionUnits.length > 0) {
    const received = await db
      .selectFrom('complaints_tickets')
      .select(columns)
      .where(inList('receiving_unit', scope.commissionUnits))
      .where('status', '=', 'received')
      .execute();
    for (const r of received.filter(commissionOwned)) steps.push(step('complaint-dispatch', r, r.receiving_unit, null));
  }
  if (scope.inspectorOver.length > 0) {
    const answered = await db
      .selectFrom('complaints_tickets')
      .select(columns)
      .where(inList('institution_id', scope.inspectorOver))
      .where('status', '=', 'answered')
      .execute();
    for (const r of answered.filter(commissionOwned)) steps.push(step('complaint-follow-up', r, r.receiving_unit, null));
  }
  return steps;
}

/** The owner's steps of tickets an institution's own office received and still owns: 研判 (as 转办) and 回访. */
async function ownerSteps(db: Kysely<ComplaintsTables>, institutions: readonly string[], columns: readonly (keyof Row)[]) {
  const rows = await db
    .selectFrom('complaints_tickets')
    .select(columns)
    .where(inList('receiving_unit', institutions))
    .where('status', 'in', ['received', 'answered'])
    .execute();
  return rows.map((r) => step(r.status === 'received' ? 'complaint-dispatch' : 'complaint-follow-up', r, r.receiving_unit, null));
}
