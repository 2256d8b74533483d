import { Kysely } from 'kysely';
import { chineseDate, CONSOLE_LINKS } from '@bihuan/core';
import { DrawProgressTables } from './draw-progress.schema';

/** The draw steps a to-do list (待办, docs/todos.md) shows. */
export const DRAW_STEP_KINDS = ['draw-reveal'] as const;
export type DrawStepKind = (typeof DRAW_STEP_KINDS)[number];

/** A draw waiting for its seed to be revealed (the shape every context's open steps share). */
export interface DrawOpenStep {
  readonly kind: DrawStepKind;
  /** The draw's id. */
  readonly caseId: string;
  /** A draw is about a jurisdiction, not one institution. */
  readonly institutionId: null;
  /** The draw's jurisdiction: its staff reveal it. */
  readonly unitId: string;
  /** When it was drawn and how many institutions it drew: 2026年3月3日抽取 · 5 家机构. */
  readonly summary: string;
  readonly link: string;
  /** ADR 0018 sets no deadline for the reveal. */
  readonly dueAt: null;
  /** When its last drawn visit was conducted or cancelled. */
  readonly since: string;
}

/**
 * Made draws of the given jurisdictions (the units whose draws the reader may reveal) whose every
 * drawn visit is conducted or cancelled and whose seed is not revealed yet (ADR 0018): the reveal
 * would now succeed, and nothing else reminds anyone to make it.
 */
export async function drawRevealOpenSteps(db: Kysely<DrawProgressTables>, units: readonly string[]): Promise<DrawOpenStep[]> {
  if (units.length === 0) return [];
  const rows = await db
    .selectFrom('credit_draw_progress as d')
    .leftJoin('credit_drawn_visits as v', 'v.draw_id', 'd.draw_id')
    .select(['d.draw_id', 'd.jurisdiction', 'd.drawn_at', 'v.outcome', 'v.outcome_at'])
    .where('d.status', '=', 'drawn')
    .where('d.jurisdiction', 'in', [...units])
    .orderBy('d.draw_id')
    .execute();
  const draws = new Map<string, { jurisdiction: string; drawnAt: string; since: string; pending: boolean; drawn: number }>();
  for (const r of rows) {
    const draw = draws.get(r.draw_id) ?? { jurisdiction: r.jurisdiction, drawnAt: r.drawn_at, since: r.drawn_at, pending: false, drawn: 0 };
    if (r.outcome !== null) draw.drawn += 1;
    if (r.outcome === 'pending') draw.pending = true;
    if (r.outcome_at !== null && r.outcome_at > draw.since) draw.since = r.outcome_at;
    draws.set(r.draw_id, draw);
  }
  return [...draws]
    .filter(([, d]) => !d.pending)
    .map(([drawId, d]) => ({
      kind: 'draw-reveal',
      caseId: drawId,
      institutionId: null,
      unitId: d.jurisdiction,
      summary: `${chineseDate(d.drawnAt)}抽取 · ${d.drawn} 家机构`,
      link: CONSOLE_LINKS.draw(drawId),
      dueAt: null,
      since: d.since,
    }));
}
