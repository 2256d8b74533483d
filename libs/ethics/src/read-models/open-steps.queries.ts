import { Kysely, sql } from 'kysely';
import { EthicsTables } from './ethics-read-model.schema';
import { CONSOLE_LINKS } from '@bihuan/core';

/** The evaluation steps a to-do list (待办, docs/todos.md) shows. */
export const ETHICS_STEP_KINDS = ['ethics-evaluation'] as const;
export type EthicsStepKind = (typeof ETHICS_STEP_KINDS)[number];

/** An evaluation not yet final: every stage (self, department, institution, posting, final grade) is the institution's to enter. */
export interface EthicsOpenStep {
  readonly kind: EthicsStepKind;
  /** The evaluation id (`<institution>.<year>.<staff>`). */
  readonly caseId: string;
  readonly institutionId: string;
  readonly unitId: string;
  /** Whose evaluation of which year: 2026年度 · 张医生 (the staff id where the archive keeps no name). */
  readonly summary: string;
  /** Console path of the evaluation. */
  readonly link: string;
  /** The evaluation has no deadline of its own (the year-end cycle is the institution's to plan). */
  readonly dueAt: null;
  /** The stage it stands at (opened, selfSubmitted, departmentReviewed, scored, posted). */
  readonly stage: string;
  /** The read model keeps no time of the last change. */
  readonly since: null;
}

/**
 * Evaluations of the hospital's own institution not yet finalised (医德考评待完成). Only role
 * hospital enters the stages (the evaluation decider's `authorise`), so inspectors list none.
 */
export async function ethicsOpenSteps(db: Kysely<EthicsTables>, hospitalOf: readonly string[]): Promise<EthicsOpenStep[]> {
  if (hospitalOf.length === 0) return [];
  const rows = await db
    .selectFrom('ethics_evaluations as e')
    .leftJoin('ethics_archives as a', 'a.staff_id', 'e.staff_id')
    .select(['e.evaluation_id', 'e.institution_id', 'e.year', 'e.staff_id', 'e.status', 'a.name'])
    .where(sql<boolean>`e.institution_id in (${sql.join([...hospitalOf])})`)
    .where('e.status', '!=', 'finalised')
    .execute();
  return rows.map((r) => ({
    kind: 'ethics-evaluation',
    caseId: r.evaluation_id,
    institutionId: r.institution_id,
    unitId: r.institution_id,
    summary: `${Number(r.year)}年度 · ${r.name ?? r.staff_id}`,
    link: CONSOLE_LINKS.ethicsEvaluation(r.institution_id, Number(r.year), r.staff_id),
    dueAt: null,
    stage: r.status,
    since: null,
  }));
}
