import { Kysely } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { CAMPAIGN_CATEGORY } from '../domain/campaign.decider';
import { CAMPAIGN_EVENTS, CampaignFacts } from '../domain/campaign.messages';
import { CAMPAIGN_TABLES, CampaignTables } from './campaigns-read-model.schema';

export const CAMPAIGNS_PROJECTION = 'campaigns';

type Db = Kysely<CampaignTables>;

/** What the list shows of the facts in force (a launch and every amendment carry them whole). */
function listed(d: CampaignFacts) {
  return {
    issuing_unit_id: d.issuingUnitId,
    title: d.title,
    year: d.year,
    starts_on: d.phases[0]?.from ?? '',
    ends_on: d.phases[d.phases.length - 1]?.to ?? '',
    institution_count: d.institutionIds.length,
  };
}

/** The scope now: a replaced scope replaces its rows. */
async function scopeRows(db: Db, campaignId: string, institutionIds: readonly string[]): Promise<void> {
  await db.deleteFrom('campaign_institutions').where('campaign_id', '=', campaignId).execute();
  if (institutionIds.length === 0) return;
  await db
    .insertInto('campaign_institutions')
    .values(institutionIds.map((institution_id) => ({ campaign_id: campaignId, institution_id })))
    .execute();
}

async function apply(event: RecordedEvent, db: Db): Promise<void> {
  if (!isEventOf(CAMPAIGN_EVENTS, event)) return;
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CampaignLaunched': {
      const d = event.data;
      const row = { ...listed(d), status: 'launched', launched_at: d.launchedAt, launched_by: d.launchedBy, updated_at: at };
      // CampaignLaunched opens its stream: a row already there is this one, handled again.
      await db
        .insertInto('campaign_records')
        .values({ campaign_id: d.campaignId, ...row, closed_at: null, carried_over: 0, created_position: event.position })
        .onConflict((oc) => oc.column('campaign_id').doUpdateSet(row))
        .execute();
      await scopeRows(db, d.campaignId, d.institutionIds);
      return;
    }
    case 'CampaignAmended':
      await db
        .updateTable('campaign_records')
        .set({ ...listed(event.data), updated_at: at })
        .where('campaign_id', '=', event.data.campaignId)
        .execute();
      await scopeRows(db, event.data.campaignId, event.data.institutionIds);
      return;
    case 'CampaignClosed':
      await db
        .updateTable('campaign_records')
        .set({ status: 'closed', closed_at: event.data.closedAt, carried_over: event.data.carriedOver.length, updated_at: at })
        .where('campaign_id', '=', event.data.campaignId)
        .execute();
      return;
  }
}

/** Campaigns for lists (who issued it, its period and status) and their scope, by institution. */
export function campaignsProjection(database: SqlDatabase): TableProjection<CampaignTables> {
  return new TableProjection<CampaignTables>(database, {
    name: CAMPAIGNS_PROJECTION,
    filter: { categories: [CAMPAIGN_CATEGORY] },
    tables: CAMPAIGN_TABLES,
    apply,
  });
}
