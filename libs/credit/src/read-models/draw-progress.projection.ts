import { Kysely } from 'kysely';
import { categoryOf, idOf, isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { RANDOM_DRAW_CATEGORY } from '../domain/draw/random-draw.decider';
import { RANDOM_DRAW_EVENTS, RandomDrawEvent } from '../domain/draw/random-draw.messages';
import { drawnVisitId, VISIT_STREAM_CATEGORY } from '../workflows/random-draw-visits.workflow';
import { DRAW_PROGRESS_TABLES, DrawProgressTables } from './draw-progress.schema';

export const DRAW_PROGRESS_PROJECTION = 'credit-draw-progress';

type Db = Kysely<DrawProgressTables>;

/** The inspection context's events that end a visit, read by name (as drawnVisitOutcome reads them). */
const VISIT_ENDINGS = ['VisitConducted', 'VisitCancelled'] as const;
const DRAW_EVENTS = ['DrawMade', 'DrawPublished', 'DrawRevealed', 'DrawCancelled'] as const;

/** A made draw and its drawn visits, all pending; an older draw's (published at once) is kept but never waits for a reveal. */
async function applyDraw(db: Db, event: RandomDrawEvent, at: string): Promise<void> {
  const drawId = event.data.drawId;
  switch (event.type) {
    case 'DrawMade':
    case 'DrawPublished': {
      const d = event.data;
      const row = { jurisdiction: d.jurisdiction, status: event.type === 'DrawMade' ? 'drawn' : 'published', drawn_at: at };
      await db
        .insertInto('credit_draw_progress')
        .values({ draw_id: drawId, ...row, revealed_at: null })
        .onConflict((oc) => oc.column('draw_id').doUpdateSet(row))
        .execute();
      for (const visit of d.visits) {
        await db
          .insertInto('credit_drawn_visits')
          .values({
            visit_id: drawnVisitId(drawId, visit.institutionId),
            draw_id: drawId,
            institution_id: visit.institutionId,
            outcome: 'pending',
            outcome_at: null,
          })
          .onConflict((oc) => oc.column('visit_id').doNothing())
          .execute();
      }
      return;
    }
    case 'DrawRevealed':
      await db
        .updateTable('credit_draw_progress')
        .set({ status: 'revealed', revealed_at: event.data.revealedAt })
        .where('draw_id', '=', drawId)
        .execute();
      return;
    case 'DrawCancelled':
      await db.updateTable('credit_draw_progress').set({ status: 'cancelled' }).where('draw_id', '=', drawId).execute();
      return;
    default:
      // The commitment (or an older request) has no visits yet: nothing to follow.
      return;
  }
}

/** A visit's ending, on its row if the visit was drawn (no row otherwise: the update touches nothing). */
async function applyVisit(db: Db, event: RecordedEvent): Promise<void> {
  const visitId = idOf(event.streamName);
  const at = event.metadata.occurredAt;
  if (event.type === 'VisitConducted') {
    // Conducted wins over cancelled, as drawnVisitOutcome reads the stream.
    await db.updateTable('credit_drawn_visits').set({ outcome: 'conducted', outcome_at: at }).where('visit_id', '=', visitId).execute();
  } else if (event.type === 'VisitCancelled') {
    await db
      .updateTable('credit_drawn_visits')
      .set({ outcome: 'cancelled', outcome_at: at })
      .where('visit_id', '=', visitId)
      .where('outcome', '=', 'pending')
      .execute();
  }
}

/**
 * Each made draw's drawn visits and how they stand (pending / conducted / cancelled), and whether
 * the draw is revealed: the 揭示种子 to-do (docs/todos.md) without reading every visit's stream.
 * A drawn visit's stream is written after its draw's DrawMade (the randomDrawVisits saga plans it
 * from that event), so its row is always there when its events arrive.
 */
export function drawProgressProjection(database: SqlDatabase): TableProjection<DrawProgressTables> {
  return new TableProjection<DrawProgressTables>(database, {
    name: DRAW_PROGRESS_PROJECTION,
    filter: { categories: [RANDOM_DRAW_CATEGORY, VISIT_STREAM_CATEGORY], eventTypes: [...DRAW_EVENTS, ...VISIT_ENDINGS] },
    tables: DRAW_PROGRESS_TABLES,
    apply: async (event, db) => {
      const category = categoryOf(event.streamName);
      if (category === RANDOM_DRAW_CATEGORY && isEventOf(RANDOM_DRAW_EVENTS, event)) await applyDraw(db, event, event.metadata.occurredAt);
      else if (category === VISIT_STREAM_CATEGORY) await applyVisit(db, event);
    },
  });
}
