import { Kysely, sql } from 'kysely';
import { ComplaintsTables } from '@bihuan/complaints';
import { StepScope } from './finding-steps';
import { OpenStep, TodoKind } from './todo-kinds';

/** The commission units whose received tickets an inspector may dispatch (their jurisdiction). */
export interface ComplaintScope extends StepScope {
  readonly commissionUnits: readonly string[];
}

function inList(column: string, ids: readonly string[]) {
  return ids.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`${sql.ref(column)} in (${sql.join([...ids])})`;
}

type Row = {
  ticket_id: string;
  institution_id: string | null;
  receiving_unit: string;
  status: string;
  ack_due_at: string | null;
  answer_due_at: string | null;
  updated_at: string;
};

function step(kind: TodoKind, r: Row, unitId: string, dueAt: string | null): OpenStep {
  const link = `/complaints/${r.ticket_id}`;
  return { kind, caseId: r.ticket_id, institutionId: r.institution_id, unitId, link, dueAt, since: r.updated_at };
}

/**
 * Open steps of complaint tickets (the ticket decider's guards say who may take each): the
 * commission dispatches a received ticket (转办) and records the follow-up (回访); the assigned
 * hospital acknowledges (签收), then decides and answers (办理答复) — decided-but-unanswered is
 * still the answer step, due at the answer deadline. A clock stopped for the complainant keeps
 * the step on the list (the due date moves when it resumes).
 */
export async function complaintSteps(db: Kysely<ComplaintsTables>, scope: ComplaintScope): Promise<OpenStep[]> {
  const steps: OpenStep[] = [];
  const columns = ['ticket_id', 'institution_id', 'receiving_unit', 'status', 'ack_due_at', 'answer_due_at', 'updated_at'] as const;
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
      else steps.push(step('complaint-answer', r, unit, r.answer_due_at));
    }
  }
  if (scope.commissionUnits.length > 0) {
    const received = await db
      .selectFrom('complaints_tickets')
      .select(columns)
      .where(inList('receiving_unit', scope.commissionUnits))
      .where('status', '=', 'received')
      .execute();
    for (const r of received) steps.push(step('complaint-dispatch', r, r.receiving_unit, null));
  }
  if (scope.inspectorOver.length > 0) {
    const answered = await db
      .selectFrom('complaints_tickets')
      .select(columns)
      .where(inList('institution_id', scope.inspectorOver))
      .where('status', '=', 'answered')
      .execute();
    for (const r of answered) steps.push(step('complaint-follow-up', r, r.receiving_unit, null));
  }
  return steps;
}
