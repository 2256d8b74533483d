import { Kysely } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { REPORT_DUTY_OWN_EVENTS } from '../domain/duty/report-duty.messages';
import { REPORT_DUTY_CATEGORY } from '../domain/duty/report-duty-schedule';
import { REPORT_DUTY_TABLES, ReportDutyRow, ReportDutyTables } from './report-duties.schema';

export const REPORT_DUTIES_PROJECTION = 'campaigns-report-duties';

type Db = Kysely<ReportDutyTables>;

async function update(db: Db, dutyId: string, set: Partial<ReportDutyRow>): Promise<void> {
  await db.updateTable('campaign_report_duties').set(set).where('duty_id', '=', dutyId).execute();
}

async function apply(event: RecordedEvent, db: Db): Promise<void> {
  if (!isEventOf(REPORT_DUTY_OWN_EVENTS, event)) return;
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'ReportDutyAssigned': {
      const d = event.data;
      const row = {
        campaign_id: d.campaignId,
        campaign_title: d.campaignTitle,
        issuing_unit_id: d.issuingUnitId,
        institution_id: d.institutionId,
        kind: d.kind,
        phase_index: d.phaseIndex,
        phase_name: d.phaseName,
        due_on: d.dueOn,
        opens_on: d.opensOn,
        due_at: d.dueAt,
        status: 'assigned',
        round: d.round,
        escalation_step: null,
        escalation_rung: null,
        assigned_at: d.assignedAt,
        updated_at: at,
      };
      // A reassignment (after a withdrawal) keeps what was handed in before.
      await db
        .insertInto('campaign_report_duties')
        .values({ duty_id: d.dutyId, ...row, submitted_at: null, on_time: null, submissions: 0, reviewed_at: null, return_reason: null })
        .onConflict((oc) => oc.column('duty_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'ReportSubmitted': {
      const d = event.data;
      const row = await db.selectFrom('campaign_report_duties').select('submissions').where('duty_id', '=', d.dutyId).executeTakeFirst();
      const submissions = Number(row?.submissions ?? 0) + 1;
      await update(db, d.dutyId, {
        status: 'submitted',
        submitted_at: d.submittedAt,
        on_time: d.onTime ? 1 : 0,
        submissions,
        updated_at: at,
      });
      return;
    }
    case 'ReportAccepted':
      await update(db, event.data.dutyId, { status: 'accepted', reviewed_at: event.data.acceptedAt, updated_at: at });
      return;
    case 'ReportReturned': {
      const d = event.data;
      await update(db, d.dutyId, {
        status: 'returned',
        round: d.round + 1,
        reviewed_at: d.returnedAt,
        return_reason: d.reason,
        updated_at: at,
      });
      return;
    }
    case 'ReportDutyEscalated':
      await update(db, event.data.dutyId, { escalation_step: event.data.step, escalation_rung: event.data.rung, updated_at: at });
      return;
    case 'ReportDutyWithdrawn':
      await update(db, event.data.dutyId, { status: 'withdrawn', updated_at: at });
      return;
  }
}

/** Reporting duties (报送任务) for lists, to-do lists and the campaign's report matrix; one row per duty. */
export function reportDutiesProjection(database: SqlDatabase): TableProjection<ReportDutyTables> {
  return new TableProjection<ReportDutyTables>(database, {
    name: REPORT_DUTIES_PROJECTION,
    filter: { categories: [REPORT_DUTY_CATEGORY], eventTypes: Object.keys(REPORT_DUTY_OWN_EVENTS) },
    tables: REPORT_DUTY_TABLES,
    apply,
    ignores: (event) => !isEventOf(REPORT_DUTY_OWN_EVENTS, event),
  });
}
