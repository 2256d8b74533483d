import type Database from 'better-sqlite3';
import { isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
import { FINDING_EVENTS, FINDING_STREAM_CATEGORY, FindingEvent } from '../domain';
import { ensureInspectionSchema } from './inspection-read-model.schema';

export const LEDGER_PROJECTION = 'inspection-ledger';

type Row = Record<string, string | number | null | undefined>;

/** A round starts (notice or reopening) with its rectification deadline as the current one. */
function roundColumns(d: { readonly round: number; readonly deadlineId: string; readonly dueAt: string }): Row {
  return {
    round: d.round,
    rectify_deadline_id: d.deadlineId,
    rectify_due_at: d.dueAt,
    current_deadline_id: d.deadlineId,
    current_due_at: d.dueAt,
  };
}

/** Applies one finding event as an UPDATE of its row's columns (events carry their own data). */
function changes(event: FindingEvent, row: Row | undefined): Row | null {
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
        extensions_approved: Number(row?.['extensions_approved'] ?? 0) + 1,
      };
    case 'ExtensionDenied':
      return { pending_extension_id: null, pending_extension_due_at: null };
    case 'DeadlineSet':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
    case 'DeadlineRecomputed': {
      // DeadlineSet comes after the event that named the deadline (notice, rung, reopening): it adds
      // the version, which says whether the due date is provisional; the others move the date too.
      const { deadlineId, dueAt, calendarVersion } = event.data;
      const set: Row = {};
      for (const prefix of ['current', 'rectify'] as const) {
        if (row?.[`${prefix}_deadline_id`] !== deadlineId) continue;
        set[`${prefix}_due_at`] = dueAt;
        set[`${prefix}_calendar_version`] = calendarVersion;
      }
      return set;
    }
    case 'FindingEscalated': {
      const d = event.data;
      return {
        escalation_rung: d.rung,
        escalation_step: d.step,
        ...(d.deadlineId ? { current_deadline_id: d.deadlineId, current_due_at: d.dueAt } : {}),
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
    default:
      return null; // FindingOpened is an insert; other deadline events change no ledger column
  }
}

/** Events the deciders wrote always have these; anything else in the log is skipped, not allowed to wedge the projection. */
export function wellFormed(data: object, fields: readonly string[]): boolean {
  const record = data as Record<string, unknown>;
  return fields.every((f) => typeof record[f] === 'string' && (record[f] as string).length > 0);
}

/** SQLite has no undefined: a missing value is stored as NULL. */
export function withNulls(set: Row): Row {
  return Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v === undefined ? null : v]));
}

/**
 * The rectification ledger (整改台账): one row per finding, updated by its events. Rows and the
 * checkpoint commit together (SqliteProjection), so a replay never applies an event twice.
 */
export function ledgerProjection(db: Database.Database): SqliteProjection {
  ensureInspectionSchema(db);
  const insert =
    db.prepare(`INSERT OR REPLACE INTO inspection_findings (finding_id, institution_id, visit_id, visit_kind, campaign_id, category,
    severity, description, evidence, required_action, responsible_department, responsible_person, status, opened_at, opened_by, opened_position, updated_at)
    VALUES (@findingId, @institutionId, @visitId, @visitKind, @campaignId, @category, @severity, @description, @evidence, @requiredAction,
    @responsibleDepartment, @responsiblePerson, 'open', @at, @openedBy, @position, @at)`);
  const select = db.prepare('SELECT * FROM inspection_findings WHERE finding_id = ?');
  return new SqliteProjection({
    name: LEDGER_PROJECTION,
    db,
    filter: { categories: [FINDING_STREAM_CATEGORY] },
    tables: ['inspection_findings'],
    apply: (recorded: RecordedEvent) => {
      if (!isEventOf(FINDING_EVENTS, recorded)) return;
      const event = recorded;
      const at = recorded.metadata.occurredAt;
      if (event.type === 'FindingOpened') {
        const d = event.data;
        if (
          !wellFormed(d, [
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
          ])
        )
          return;
        insert.run(
          withNulls({
            ...d,
            campaignId: d.campaignId ?? null,
            responsiblePerson: d.responsiblePerson ?? null,
            evidence: JSON.stringify(d.evidence ?? []),
            at,
            position: recorded.position,
          } as Row),
        );
        return;
      }
      const id = recorded.streamName.slice(FINDING_STREAM_CATEGORY.length + 1);
      const row = select.get(id) as Row | undefined;
      const set = row ? changes(event, row) : null;
      if (!set || Object.keys(set).length === 0) return;
      const columns = Object.keys(set);
      const sql = `UPDATE inspection_findings SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE finding_id = @finding_id`;
      db.prepare(sql).run({ ...withNulls(set), updated_at: at, finding_id: id });
    },
  });
}
