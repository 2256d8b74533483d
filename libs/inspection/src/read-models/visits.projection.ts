import type Database from 'better-sqlite3';
import { isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
import { VISIT_EVENTS, VISIT_STREAM_CATEGORY, VisitEvent } from '../domain';
import { ensureInspectionSchema } from './inspection-read-model.schema';
import { wellFormed, withNulls } from './ledger.projection';

export const VISITS_PROJECTION = 'inspection-visits';

function changes(event: VisitEvent, reopenCount: number): Record<string, string | number | null> | null {
  switch (event.type) {
    case 'VisitConducted':
      return {
        status: 'conducted',
        conducted_on: event.data.conductedOn,
        summary: event.data.summary,
        inspector_ids: JSON.stringify(event.data.inspectorIds ?? []),
      };
    case 'VisitFindingsRegistered':
      return { status: 'findingsRegistered', finding_ids: JSON.stringify(event.data.allFindingIds ?? []) };
    case 'VisitClosed':
      return { status: 'closed', closed_at: event.data.closedAt };
    case 'VisitReopened':
      return { status: 'findingsRegistered', closed_at: null, reopen_count: reopenCount + 1 };
    case 'VisitCancelled':
      return { status: 'cancelled', cancelled_reason: event.data.reason };
    default:
      return null;
  }
}

/** Visits (检查) for lists and the visit page; the visit's ledger rows live in inspection_findings. */
export function visitsProjection(db: Database.Database): SqliteProjection {
  ensureInspectionSchema(db);
  const insert =
    db.prepare(`INSERT OR REPLACE INTO inspection_visits (visit_id, kind, institution_id, campaign_id, inspector_ids, planned_date,
    planned_by, status, created_position, created_at, updated_at)
    VALUES (@visitId, @kind, @institutionId, @campaignId, @inspectorIds, @plannedDate, @plannedBy, 'planned', @position, @at, @at)`);
  const reopenCount = db.prepare('SELECT reopen_count FROM inspection_visits WHERE visit_id = ?').pluck();
  return new SqliteProjection({
    name: VISITS_PROJECTION,
    db,
    filter: { categories: [VISIT_STREAM_CATEGORY] },
    tables: ['inspection_visits'],
    apply: (recorded: RecordedEvent) => {
      if (!isEventOf(VISIT_EVENTS, recorded)) return;
      const event = recorded;
      const at = recorded.metadata.occurredAt;
      if (event.type === 'VisitPlanned') {
        if (
          !wellFormed(event.data, ['visitId', 'kind', 'institutionId', 'plannedDate', 'plannedBy']) ||
          !Array.isArray(event.data.inspectorIds)
        )
          return;
        insert.run(
          withNulls({
            ...event.data,
            campaignId: event.data.campaignId ?? null,
            inspectorIds: JSON.stringify(event.data.inspectorIds),
            position: recorded.position,
            at,
          }),
        );
        return;
      }
      const id = recorded.streamName.slice(VISIT_STREAM_CATEGORY.length + 1);
      const set = changes(event, Number(reopenCount.get(id) ?? 0));
      if (!set) return;
      const columns = Object.keys(set);
      db.prepare(
        `UPDATE inspection_visits SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE visit_id = @visit_id`,
      ).run({ ...withNulls(set), updated_at: at, visit_id: id });
    },
  });
}
