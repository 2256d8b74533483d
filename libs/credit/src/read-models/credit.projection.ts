import { Kysely } from 'kysely';
import { categoryOf, idOf, isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { CREDIT_ARCHIVE_CATEGORY } from '../domain/archive/credit-archive.decider';
import {
  CREDIT_ARCHIVE_EVENTS,
  CREDIT_POINTS_EVENTS,
  CreditArchiveEvent,
  CreditPointsEvent,
} from '../domain/archive/credit-archive.events';
import { CREDIT_POINTS_CATEGORY } from '../domain/archive/credit-points.decider';
import { CreditArchiveState, evolveCreditArchive, initialCreditArchiveState } from '../domain/archive/credit-archive.state';
import { RANDOM_DRAW_CATEGORY } from '../domain/draw/random-draw.decider';
import { RANDOM_DRAW_EVENTS, RandomDrawEvent } from '../domain/draw/random-draw.messages';
import { CREDIT_SUBJECT_CATEGORY, CREDIT_SUBJECT_EVENTS } from '../domain/subject/credit-subject.messages';
import { applySubject } from './applicant-credit.rows';
import { CREDIT_TABLES, CreditTables } from './credit-read-model.schema';

export const CREDIT_PROJECTION = 'credit';

type Db = Kysely<CreditTables>;

/** Folds the event into the archive's state: read and written in the batch's transaction, so no other writer slips between. */
async function applyArchive(db: Db, event: RecordedEvent & CreditArchiveEvent): Promise<void> {
  const institutionId = idOf(event.streamName);
  const row = await db.selectFrom('credit_archive_states').select('state').where('institution_id', '=', institutionId).executeTakeFirst();
  const before = row ? (JSON.parse(row.state) as CreditArchiveState) : initialCreditArchiveState;
  const state = evolveCreditArchive(before, event);
  if (state === before) return;
  const json = JSON.stringify(state);
  await db
    .insertInto('credit_archive_states')
    .values({ institution_id: institutionId, state: json })
    .onConflict((oc) => oc.column('institution_id').doUpdateSet({ state: json }))
    .execute();
}

/** A points entry, from its own stream or (before ADR 0006) from the archive stream: one row either way. */
async function applyPoints(db: Db, event: CreditPointsEvent): Promise<void> {
  const d = event.data;
  if (event.type === 'CreditPointsAdded') {
    await db
      .insertInto('credit_points')
      .values({ institution_id: d.institutionId, points_id: d.pointsId, cycle_no: d.cycleNo, entry: JSON.stringify(d), revoked: 0 })
      .onConflict((oc) => oc.columns(['institution_id', 'points_id']).doNothing())
      .execute();
  } else {
    await db
      .updateTable('credit_points')
      .set({ revoked: 1 })
      .where('institution_id', '=', d.institutionId)
      .where('points_id', '=', d.pointsId)
      .execute();
  }
}

/** A draw's list row: its jurisdiction and first instant, then its status as it moves (ADR 0018; older draws: requested → published). */
async function applyDraw(db: Db, event: RandomDrawEvent): Promise<void> {
  const drawId = event.data.drawId;
  const setStatus = (value: string, visits?: number) =>
    db
      .updateTable('credit_draws')
      .set(visits === undefined ? { status: value } : { status: value, visits })
      .where('draw_id', '=', drawId)
      .execute();
  switch (event.type) {
    case 'DrawCommitted':
    case 'DrawRequested': {
      const [status, requestedAt] =
        event.type === 'DrawCommitted' ? ['committed', event.data.committedAt] : ['requested', event.data.requestedAt];
      const row = { jurisdiction: event.data.jurisdiction, status, requested_at: requestedAt, visits: null };
      await db
        .insertInto('credit_draws')
        .values({ draw_id: drawId, ...row })
        .onConflict((oc) => oc.column('draw_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'DrawMade':
      await setStatus('drawn', event.data.visits.length);
      return;
    case 'DrawPublished':
      await setStatus('published', event.data.visits.length);
      return;
    case 'DrawRevealed':
      await setStatus('revealed');
      return;
    case 'DrawCancelled':
      await setStatus('cancelled');
      return;
  }
}

/**
 * The credit read model: each archive's folded state, each points entry (levels and views are
 * computed from them when read), the applicants and their checks (ADR 0019) and the draws. Old logs' credit conflict events
 * (`inspectorConflicts-…`, historical since issue 16) are not read: conflicts live in the directory.
 */
export function creditProjection(database: SqlDatabase): TableProjection<CreditTables> {
  return new TableProjection<CreditTables>(database, {
    name: CREDIT_PROJECTION,
    filter: { categories: [CREDIT_ARCHIVE_CATEGORY, CREDIT_POINTS_CATEGORY, CREDIT_SUBJECT_CATEGORY, RANDOM_DRAW_CATEGORY] },
    tables: CREDIT_TABLES,
    apply: async (event, db) => {
      const category = categoryOf(event.streamName);
      if ((category === CREDIT_POINTS_CATEGORY || category === CREDIT_ARCHIVE_CATEGORY) && isEventOf(CREDIT_POINTS_EVENTS, event))
        await applyPoints(db, event);
      else if (category === CREDIT_ARCHIVE_CATEGORY && isEventOf(CREDIT_ARCHIVE_EVENTS, event)) await applyArchive(db, event);
      else if (category === CREDIT_SUBJECT_CATEGORY && isEventOf(CREDIT_SUBJECT_EVENTS, event)) await applySubject(db, event);
      else if (category === RANDOM_DRAW_CATEGORY && isEventOf(RANDOM_DRAW_EVENTS, event)) await applyDraw(db, event);
    },
  });
}
