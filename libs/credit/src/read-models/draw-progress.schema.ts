import { Kysely } from 'kysely';
import { NoTables } from '@bihuan/database';

/**
 * How far each made draw has got (ADR 0018's reveal waits on it): one row per draw and one per drawn
 * visit. The visits' events do not name the draw; the row is found by the visit's id, which the draw
 * determines (`drawnVisitId`), so only drawn visits ever have a row.
 */
export type DrawProgressTables = {
  credit_draw_progress: {
    draw_id: string;
    jurisdiction: string;
    /** `drawn` (DrawMade), `published` (an older draw, never revealed), `revealed`, `cancelled`. */
    status: string;
    drawn_at: string;
    revealed_at: string | null;
  };
  credit_drawn_visits: {
    visit_id: string;
    draw_id: string;
    institution_id: string;
    /** `pending`, `conducted` or `cancelled`, as drawnVisitOutcome reads the visit's stream. */
    outcome: string;
    /** When the visit was conducted or cancelled (null while pending). */
    outcome_at: string | null;
  };
};

export const DRAW_PROGRESS_TABLES = ['credit_draw_progress', 'credit_drawn_visits'] as const;

/** The tables, in the credit context's MigrationSet (CREDIT_MIGRATIONS `0004-draw-progress`). */
export async function createDrawProgressTables(db: Kysely<NoTables>): Promise<void> {
  await db.schema
    .createTable('credit_draw_progress')
    .addColumn('draw_id', 'text', (c) => c.primaryKey())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text')
    .execute();
  // The to-do list reads the draws waiting for their reveal within a jurisdiction.
  await db.schema.createIndex('credit_draw_progress_by_status').on('credit_draw_progress').columns(['status', 'jurisdiction']).execute();
  await db.schema
    .createTable('credit_drawn_visits')
    .addColumn('visit_id', 'text', (c) => c.primaryKey())
    .addColumn('draw_id', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_at', 'text')
    .execute();
  await db.schema.createIndex('credit_drawn_visits_by_draw').on('credit_drawn_visits').column('draw_id').execute();
}
