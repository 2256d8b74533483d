import { expressionBuilder, Kysely, UpdateObject } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { VISIT_EVENTS, VISIT_STREAM_CATEGORY, VisitEvent } from '../domain';
import { InspectionTables } from './inspection-read-model.schema';
import { wellFormed, withNulls } from './ledger.projection';

export const VISITS_PROJECTION = 'inspection-visits';

type VisitSet = UpdateObject<InspectionTables, 'inspection_visits'>;

const visits = expressionBuilder<InspectionTables, 'inspection_visits'>();

function changes(event: VisitEvent): VisitSet | null {
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
      return { status: 'findingsRegistered', closed_at: null, reopen_count: visits('reopen_count', '+', 1) };
    case 'VisitCancelled':
      return { status: 'cancelled', cancelled_reason: event.data.reason };
    default:
      return null;
  }
}

/** A new visit row. VisitPlanned opens its stream, so a row already there can only be this one, handled again. */
async function insertPlanned(event: Extract<VisitEvent, { type: 'VisitPlanned' }> & RecordedEvent, db: Kysely<InspectionTables>) {
  const d = event.data;
  const at = event.metadata.occurredAt;
  const values = {
    visit_id: d.visitId,
    kind: d.kind,
    institution_id: d.institutionId,
    campaign_id: d.campaignId ?? null,
    inspector_ids: JSON.stringify(d.inspectorIds),
    planned_date: d.plannedDate,
    planned_by: d.plannedBy,
    status: 'planned',
    created_position: event.position,
    created_at: at,
    updated_at: at,
  };
  await db
    .insertInto('inspection_visits')
    .values(values)
    .onConflict((oc) => oc.column('visit_id').doUpdateSet(values))
    .execute();
}

/** Visits (检查) for lists and the visit page; the visit's ledger rows live in inspection_findings. */
export function visitsProjection(database: SqlDatabase): TableProjection<InspectionTables> {
  return new TableProjection<InspectionTables>(database, {
    name: VISITS_PROJECTION,
    filter: { categories: [VISIT_STREAM_CATEGORY] },
    tables: ['inspection_visits'],
    apply: async (recorded, db) => {
      if (!isEventOf(VISIT_EVENTS, recorded)) return;
      const event = recorded;
      if (event.type === 'VisitPlanned') {
        const planned = wellFormed(event.data, ['visitId', 'kind', 'institutionId', 'plannedDate', 'plannedBy']);
        if (planned && Array.isArray(event.data.inspectorIds)) await insertPlanned(event, db);
        return;
      }
      const set = changes(event);
      if (!set) return;
      await db
        .updateTable('inspection_visits')
        .set({ ...withNulls(set), updated_at: recorded.metadata.occurredAt })
        .where('visit_id', '=', recorded.streamName.slice(VISIT_STREAM_CATEGORY.length + 1))
        .execute();
    },
  });
}
