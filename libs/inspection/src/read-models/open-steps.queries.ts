import { Kysely, sql } from 'kysely';
import { InspectionTables } from './inspection-read-model.schema';
import { CONSOLE_LINKS, excerpt } from '@bihuan/core';

/** The finding steps a to-do list (待办, docs/todos.md) shows. */
export const FINDING_STEP_KINDS = [
  'rectification-notice',
  'rectification-plan',
  'sign-off-verification',
  'extension-decision',
  'recheck',
] as const;
export type FindingStepKind = (typeof FINDING_STEP_KINDS)[number];

/** A step of a finding that waits on someone: the institution it concerns is also the unit it waits on or is about. */
export interface FindingOpenStep {
  readonly kind: FindingStepKind;
  readonly caseId: string;
  readonly institutionId: string;
  readonly unitId: string;
  /** What the finding is: its description as one short line (`excerpt`). */
  readonly summary: string;
  /** Console path of the finding. */
  readonly link: string;
  readonly dueAt: string | null;
  /** When the row last changed. */
  readonly since: string;
}

/** Institutions whose open steps the caller acts on, by the side of the loop they are on. */
export interface FindingStepScope {
  /** The hospital's own institution (role hospital), else empty. */
  readonly hospitalOf: readonly string[];
  /** Institutions within an inspector's jurisdiction, else empty. */
  readonly inspectorOver: readonly string[];
}

/** No institution matches nothing: PostgreSQL refuses an empty `IN ()` list. */
function within(ids: readonly string[]) {
  return ids.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`institution_id in (${sql.join([...ids])})`;
}

type Row = {
  finding_id: string;
  institution_id: string;
  description: string;
  status: string;
  current_due_at: string | null;
  recheck_status: string;
  recheck_due_at: string | null;
  pending_extension_id: string | null;
  updated_at: string;
};

function step(kind: FindingStepKind, r: Row, dueAt: string | null): FindingOpenStep {
  const link = CONSOLE_LINKS.finding(r.finding_id);
  const summary = excerpt(r.description);
  return {
    kind,
    caseId: r.finding_id,
    institutionId: r.institution_id,
    unitId: r.institution_id,
    summary,
    link,
    dueAt,
    since: r.updated_at,
  };
}

/**
 * Open steps of the rectification ledger (整改台账), read from its rows: a notice without a plan
 * waits on the hospital; a finding recorded without its notice yet (the loop's first step: nothing
 * reaches the hospital until it is issued), a sign-off request, an extension request and a re-check
 * that has fallen due (FindingRecheckDue, or its date passed before the wake-up) wait on the
 * inspectors.
 */
export async function findingOpenSteps(db: Kysely<InspectionTables>, scope: FindingStepScope, now: string): Promise<FindingOpenStep[]> {
  const steps: FindingOpenStep[] = [];
  const columns = [
    'finding_id',
    'institution_id',
    'description',
    'status',
    'current_due_at',
    'recheck_status',
    'recheck_due_at',
    'pending_extension_id',
    'updated_at',
  ] as const;
  if (scope.hospitalOf.length > 0) {
    const rows = await db
      .selectFrom('inspection_findings')
      .select(columns)
      .where(within(scope.hospitalOf))
      .where('status', '=', 'noticeIssued')
      .execute();
    for (const r of rows) steps.push(step('rectification-plan', r, r.current_due_at));
  }
  if (scope.inspectorOver.length > 0) {
    const rows = await db
      .selectFrom('inspection_findings')
      .select(columns)
      .where(within(scope.inspectorOver))
      .where((eb) =>
        eb.or([
          eb('status', '=', 'open'),
          eb('status', '=', 'signOffRequested'),
          eb.and([eb('pending_extension_id', 'is not', null), eb('status', 'in', ['noticeIssued', 'inProgress', 'signOffRequested'])]),
          eb.and([eb('status', '=', 'signedOff'), eb('recheck_status', '=', 'due')]),
          eb.and([eb('status', '=', 'signedOff'), eb('recheck_status', '=', 'scheduled'), eb('recheck_due_at', '<=', now)]),
        ]),
      )
      .execute();
    for (const r of rows) {
      // No deadline runs before the notice: its own deadline starts with it.
      if (r.status === 'open') steps.push(step('rectification-notice', r, null));
      if (r.status === 'signOffRequested') steps.push(step('sign-off-verification', r, r.current_due_at));
      if (r.pending_extension_id !== null && r.status !== 'signedOff') steps.push(step('extension-decision', r, r.current_due_at));
      if (r.status === 'signedOff') steps.push(step('recheck', r, r.recheck_due_at));
    }
  }
  return steps;
}
