import type Database from 'better-sqlite3';
import { categoryOf, EventTypes, idOf, isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
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
import { INSPECTOR_CONFLICTS_CATEGORY, InspectorConflictsEvent } from '../application/conflicts/inspector-conflicts.decider';
import { CREDIT_TABLES, ensureCreditSchema } from './credit-read-model.schema';

export const CREDIT_PROJECTION = 'credit';

/** Every type an inspector's conflicts stream holds (its decider lives in the application layer). */
const INSPECTOR_CONFLICTS_EVENTS: EventTypes<InspectorConflictsEvent> = {
  ConflictOfInterestDeclared: true,
  ConflictOfInterestWithdrawn: true,
};

function applyArchive(db: Database.Database, event: RecordedEvent & CreditArchiveEvent): void {
  const institutionId = idOf(event.streamName);
  const row = db.prepare('SELECT state FROM credit_archive_states WHERE institution_id = ?').get(institutionId) as
    { state: string } | undefined;
  const before = row ? (JSON.parse(row.state) as CreditArchiveState) : initialCreditArchiveState;
  const state = evolveCreditArchive(before, event);
  if (state !== before) db.prepare('INSERT OR REPLACE INTO credit_archive_states VALUES (?, ?)').run(institutionId, JSON.stringify(state));
}

/** A points entry, from its own stream or (before ADR 0006) from the archive stream: one row either way. */
function applyPoints(db: Database.Database, event: CreditPointsEvent): void {
  const d = event.data;
  if (event.type === 'CreditPointsAdded') {
    db.prepare('INSERT OR IGNORE INTO credit_points VALUES (?, ?, ?, ?, 0)').run(d.institutionId, d.pointsId, d.cycleNo, JSON.stringify(d));
  } else {
    db.prepare('UPDATE credit_points SET revoked = 1 WHERE institution_id = ? AND points_id = ?').run(d.institutionId, d.pointsId);
  }
}

function applyConflict(db: Database.Database, event: InspectorConflictsEvent): void {
  const d = event.data;
  if (event.type === 'ConflictOfInterestDeclared') {
    db.prepare('INSERT OR REPLACE INTO credit_conflicts VALUES (?, ?, ?, ?)').run(
      d.inspectorId,
      d.institutionId,
      d.reason,
      event.data.declaredAt,
    );
  } else {
    db.prepare('DELETE FROM credit_conflicts WHERE inspector_id = ? AND institution_id = ?').run(d.inspectorId, d.institutionId);
  }
}

function applyDraw(db: Database.Database, event: RandomDrawEvent): void {
  switch (event.type) {
    case 'DrawRequested':
      db.prepare(`INSERT OR REPLACE INTO credit_draws VALUES (?, ?, 'requested', ?, NULL)`).run(
        event.data.drawId,
        event.data.jurisdiction,
        event.data.requestedAt,
      );
      return;
    case 'DrawPublished':
      db.prepare(`UPDATE credit_draws SET status = 'published', visits = ? WHERE draw_id = ?`).run(
        event.data.visits.length,
        event.data.drawId,
      );
      return;
    case 'DrawCancelled':
      db.prepare(`UPDATE credit_draws SET status = 'cancelled' WHERE draw_id = ?`).run(event.data.drawId);
      return;
  }
}

/**
 * The credit read model: each archive's folded state, each points entry (levels and views are
 * computed from them when read), the inspectors' declared conflicts of interest, and the draws.
 */
export function creditProjection(db: Database.Database): SqliteProjection {
  ensureCreditSchema(db);
  return new SqliteProjection({
    name: CREDIT_PROJECTION,
    db,
    filter: { categories: [CREDIT_ARCHIVE_CATEGORY, CREDIT_POINTS_CATEGORY, INSPECTOR_CONFLICTS_CATEGORY, RANDOM_DRAW_CATEGORY] },
    apply: (event, target) => {
      const category = categoryOf(event.streamName);
      if ((category === CREDIT_POINTS_CATEGORY || category === CREDIT_ARCHIVE_CATEGORY) && isEventOf(CREDIT_POINTS_EVENTS, event))
        applyPoints(target, event);
      else if (category === CREDIT_ARCHIVE_CATEGORY && isEventOf(CREDIT_ARCHIVE_EVENTS, event)) applyArchive(target, event);
      else if (category === INSPECTOR_CONFLICTS_CATEGORY && isEventOf(INSPECTOR_CONFLICTS_EVENTS, event)) applyConflict(target, event);
      else if (category === RANDOM_DRAW_CATEGORY && isEventOf(RANDOM_DRAW_EVENTS, event)) applyDraw(target, event);
    },
    tables: CREDIT_TABLES,
  });
}
