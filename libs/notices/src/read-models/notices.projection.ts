import { Kysely } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { PUBLIC_NOTICE_CATEGORY } from '../domain/public-notice.decider';
import { NoticeDraft, PUBLIC_NOTICE_EVENTS } from '../domain/public-notice.messages';
import { NOTICE_TABLES, NoticeTables } from './notices-read-model.schema';

export const NOTICES_PROJECTION = 'notices';

type Db = Kysely<NoticeTables>;

/** What the lists show of a draft (a draft and every revision carry it whole). */
function listed(d: NoticeDraft) {
  return {
    issuing_unit_id: d.issuingUnitId,
    kind: d.kind,
    title: d.title,
    period_from: d.period?.from ?? null,
    period_to: d.period?.to ?? null,
    campaign_id: d.campaignId,
    corrects_id: d.corrects?.noticeId ?? null,
    withdraw: d.withdraw ? 1 : 0,
  };
}

async function apply(event: RecordedEvent, db: Db): Promise<void> {
  if (!isEventOf(PUBLIC_NOTICE_EVENTS, event)) return;
  const at = event.metadata.occurredAt;
  const row = (noticeId: string) => db.updateTable('public_notices').where('notice_id', '=', noticeId);
  switch (event.type) {
    case 'PublicNoticeDrafted': {
      const d = event.data;
      const values = { ...listed(d), status: 'draft', drafted_at: d.draftedAt, drafted_by: d.draftedBy, updated_at: at };
      // PublicNoticeDrafted opens its stream: a row already there is this one, handled again.
      await db
        .insertInto('public_notices')
        .values({ notice_id: d.noticeId, ...values, created_position: event.position })
        .onConflict((oc) => oc.column('notice_id').doUpdateSet(values))
        .execute();
      return;
    }
    case 'PublicNoticeDraftRevised':
      await row(event.data.noticeId)
        .set({ ...listed(event.data), updated_at: at })
        .execute();
      return;
    case 'PublicNoticePublished': {
      const d = event.data;
      await row(d.noticeId)
        .set({
          status: 'published',
          title: d.content.title,
          document_no: d.documentNo,
          published_at: d.publishedAt,
          public_until: d.publicity.until,
          published_position: event.position,
          updated_at: at,
        })
        .execute();
      return;
    }
    case 'PublicNoticeCorrected':
      await row(event.data.noticeId).set({ corrected_by_id: event.data.correctionNoticeId, updated_at: at }).execute();
      return;
  }
}

/** Notices for the lists: whose they are, what they report, whether and when published, and their corrections. */
export function noticesProjection(database: SqlDatabase): TableProjection<NoticeTables> {
  return new TableProjection<NoticeTables>(database, {
    name: NOTICES_PROJECTION,
    filter: { categories: [PUBLIC_NOTICE_CATEGORY] },
    tables: NOTICE_TABLES,
    apply,
  });
}
