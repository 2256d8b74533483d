import { expressionBuilder, Kysely, UpdateObject } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { FINDING_EVENTS, FINDING_STREAM_CATEGORY, FindingEvent } from '../domain';
import { InspectionTables, NO_DUE_DATE } from './inspection-read-model.schema';

export const LEDGER_PROJECTION = 'inspection-ledger';

/** Columns an event sets on its finding's row (values, or expressions over the row). */
type FindingSet = UpdateObject<InspectionTables, 'inspection_findings'>;

const findings = expressionBuilder<InspectionTables, 'inspection_findings'>();

/** A round starts (notice or reopening) with its rectification deadline as the current one. */
function roundColumns(d: { readonly round: number; readonly deadlineId: string; readonly dueAt: string }): FindingSet {
  return {
    round: d.round,
    rectify_deadline_id: d.deadlineId,
    rectify_due_at: d.dueAt,
    current_deadline_id: d.deadlineId,
    current_due_at: d.dueAt,
    due_order: d.dueAt,
  };
}

/**
 * Applies one finding event as an UPDATE of its row's columns (events carry their own data).
 * Deadline events are `deadlineChanges`: they touch only the columns of the deadline they name.
 */
function changes(event: FindingEvent): FindingSet | null {
  switch (event.type) {
    case 'RectificationNoticeIssued':
      return { ...roundColumns(event.data), status: 'noticeIssued', notice_no: event.data.noticeNo };
    case 'RectificationPlanSubmitted': {
      const d = event.data;
      return {
        status: 'inProgress',
        measures: d.measures,
        plan_revision: d.revision,
        planned_completion: d.plannedCompletion,
        responsible_department: d.responsibleDepartment,
        responsible_person: d.responsiblePerson,
      };
    }
    case 'RectificationProgressReported':
      return { progress_summary: event.data.summary, percent_complete: event.data.percentComplete, progress_reports: event.data.reportNo };
    case 'SignOffRequested':
      return { status: 'signOffRequested', progress_summary: event.data.summary };
    case 'SignOffRejected':
      return { status: 'inProgress', last_rejection: JSON.stringify(event.data.reasons) };
    case 'FindingSignedOff': {
      const d = event.data;
      const recheck = d.recheckDueAt === null ? 'none' : 'scheduled';
      return {
        status: 'signedOff',
        signed_off_at: d.signedOffAt,
        signed_off_by: d.signedOffBy,
        on_time: d.onTime ? 1 : 0,
        recheck_status: recheck,
        recheck_due_at: d.recheckDueAt,
      };
    }
    case 'ExtensionRequested':
      return { pending_extension_id: event.data.extensionId, pending_extension_due_at: event.data.requestedDueAt };
    case 'ExtensionApproved':
      return {
        pending_extension_id: null,
        pending_extension_due_at: null,
        extensions_approved: findings('extensions_approved', '+', 1),
      };
    case 'ExtensionDenied':
      return { pending_extension_id: null, pending_extension_due_at: null };
    case 'FindingEscalated': {
      const d = event.data;
      return {
        escalation_rung: d.rung,
        escalation_step: d.step,
        ...(d.deadlineId ? { current_deadline_id: d.deadlineId, current_due_at: d.dueAt, due_order: d.dueAt ?? NO_DUE_DATE } : {}),
      };
    }
    case 'FindingRecheckDue':
      return { recheck_status: 'due' };
    case 'FindingRecheckPassed':
      return { recheck_status: 'passed' };
    case 'FindingReopened': {
      const d = event.data;
      return {
        status: 'noticeIssued',
        ...roundColumns(d),
        escalation_rung: null,
        escalation_step: null,
        on_time: null,
        signed_off_at: null,
        signed_off_by: null,
        recheck_status: 'reopened',
        notice_document_no: null, // a new round prints its own notice (as the finding's state keeps it)
        plan_revision: 0,
        progress_reports: 0,
        percent_complete: null,
        pending_extension_id: null,
        pending_extension_due_at: null,
        extensions_approved: 0,
        last_rejection: null,
        progress_summary: null,
      };
    }
    case 'FindingWithdrawn':
      return { status: 'withdrawn', withdrawn_reason: event.data.reason };
    case 'EvidenceAttached':
      return { evidence_files: findings('evidence_files', '+', 1) };
    case 'NoticeDocumentIssued':
      // The printed 整改通知书's number is the one offices file; the other notices keep their own registers.
      return event.data.kind === 'rectification-notice' ? { notice_document_no: event.data.documentNo } : null;
    default:
      return null; // FindingOpened is an insert; deadline events are deadlineChanges
  }
}

/**
 * DeadlineSet comes after the event that named the deadline (notice, rung, reopening): it adds the
 * version, which says whether the due date is provisional; the others move the date too. Each
 * names one deadline, which may be the round's rectification deadline, the current one, or both.
 */
function deadlineMoved(event: FindingEvent): { deadlineId: string; dueAt: string; calendarVersion: string } | null {
  switch (event.type) {
    case 'DeadlineSet':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
    case 'DeadlineRecomputed':
      return event.data;
    default:
      return null;
  }
}

async function deadlineChanges(event: FindingEvent, db: Kysely<InspectionTables>, findingId: string, at: string): Promise<void> {
  const moved = deadlineMoved(event);
  if (!moved) return;
  const { deadlineId, dueAt, calendarVersion } = moved;
  const row = db.updateTable('inspection_findings').where('finding_id', '=', findingId);
  await row
    .set({ current_due_at: dueAt, due_order: dueAt, current_calendar_version: calendarVersion, updated_at: at })
    .where('current_deadline_id', '=', deadlineId)
    .execute();
  await row
    .set({ rectify_due_at: dueAt, rectify_calendar_version: calendarVersion, updated_at: at })
    .where('rectify_deadline_id', '=', deadlineId)
    .execute();
}

/** Events the deciders wrote always have these; anything else in the log is skipped, not allowed to wedge the projection. */
export function wellFormed(data: object, fields: readonly string[]): boolean {
  const record = data as Record<string, unknown>;
  return fields.every((f) => typeof record[f] === 'string' && (record[f] as string).length > 0);
}

/** A value missing from an event's data is stored as NULL (the query layer would leave the column as it was). */
export function withNulls<T extends object>(set: T): T {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v === undefined ? null : v])) as T;
}

/** A new ledger row. FindingOpened opens its stream, so a row already there can only be this one, handled again. */
async function insertOpened(event: Extract<FindingEvent, { type: 'FindingOpened' }> & RecordedEvent, db: Kysely<InspectionTables>) {
  const d = event.data;
  const at = event.metadata.occurredAt;
  const values = {
    finding_id: d.findingId,
    institution_id: d.institutionId,
    visit_id: d.visitId,
    visit_kind: d.visitKind,
    campaign_id: d.campaignId ?? null,
    category: d.category,
    severity: d.severity,
    description: d.description,
    evidence: JSON.stringify(d.evidence ?? []),
    required_action: d.requiredAction,
    responsible_department: d.responsibleDepartment,
    responsible_person: d.responsiblePerson ?? null,
    status: 'open',
    opened_at: at,
    opened_by: d.openedBy,
    opened_position: event.position,
    updated_at: at,
  };
  await db
    .insertInto('inspection_findings')
    .values(values)
    .onConflict((oc) => oc.column('finding_id').doUpdateSet(values))
    .execute();
}

const OPENED_FIELDS = [
  'findingId',
  'institutionId',
  'visitId',
  'visitKind',
  'category',
  'severity',
  'description',
  'requiredAction',
  'responsibleDepartment',
  'openedBy',
] as const;

/**
 * The rectification ledger (整改台账): one row per finding, updated by its events. Rows and the
 * checkpoint commit together (TableProjection), so a replay never applies an event twice.
 */
export function ledgerProjection(database: SqlDatabase): TableProjection<InspectionTables> {
  return new TableProjection<InspectionTables>(database, {
    name: LEDGER_PROJECTION,
    filter: { categories: [FINDING_STREAM_CATEGORY] },
    tables: ['inspection_findings'],
    apply: async (recorded, db) => {
      if (!isEventOf(FINDING_EVENTS, recorded)) return;
      const event = recorded;
      if (event.type === 'FindingOpened') {
        if (wellFormed(event.data, OPENED_FIELDS)) await insertOpened(event, db);
        return;
      }
      const id = recorded.streamName.slice(FINDING_STREAM_CATEGORY.length + 1);
      const at = recorded.metadata.occurredAt;
      await deadlineChanges(event, db, id, at);
      const set = changes(event);
      if (!set) return;
      await db
        .updateTable('inspection_findings')
        .set({ ...withNulls(set), updated_at: at })
        .where('finding_id', '=', id)
        .execute();
    },
  });
}
