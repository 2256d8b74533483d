import { Kysely } from 'kysely';
import { CONSOLE_LINKS } from '@bihuan/core';
import { REPORT_KIND_LABELS } from '../domain/campaign-labels';
import { ReportKind } from '../domain/campaign-values';
import { among } from './report-duties.queries';
import { ReportDutyTables } from './report-duties.schema';

/** The steps of reporting duties a to-do list (待办, docs/todos.md) shows. */
export const REPORT_DUTY_STEP_KINDS = ['report-duty', 'report-duty-review'] as const;
export type ReportDutyStepKind = (typeof REPORT_DUTY_STEP_KINDS)[number];

/**
 * Whose steps to read: the hospital's own institution; the commission units whose campaigns an
 * inspector reviews; and an inspector's own commission unit, for the reports it owes a campaign
 * issued above it (ADR 0024) — its own only: a city does not hand in its county's report.
 */
export interface ReportDutyStepScope {
  readonly hospitalOf: readonly string[];
  readonly commissionUnits: readonly string[];
  readonly ownCommission?: string | null;
}

/** A step of a duty that waits on someone (the shape every context's open steps share). */
export interface ReportDutyOpenStep {
  readonly kind: ReportDutyStepKind;
  readonly caseId: string;
  readonly institutionId: string;
  /** The unit that must act: the unit (institution or lower commission) that owes the report, or the office that reviews it. */
  readonly unitId: string;
  /** Which report of which campaign: 医疗乱象专项整治 · 月报（自查自纠阶段）. */
  readonly summary: string;
  readonly link: string;
  /** The report's due instant: once passed, the item is overdue until the report is in. */
  readonly dueAt: string | null;
  readonly since: string;
}

type Row = {
  duty_id: string;
  campaign_title: string;
  kind: string;
  phase_name: string;
  institution_id: string;
  issuing_unit_id: string;
  status: string;
  due_at: string;
  updated_at: string;
};

function step(kind: ReportDutyStepKind, r: Row, unitId: string): ReportDutyOpenStep {
  const link = CONSOLE_LINKS.reportDuty(r.duty_id);
  const report = REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind;
  const summary = `${r.campaign_title} · ${report}（${r.phase_name}）`;
  return { kind, caseId: r.duty_id, institutionId: r.institution_id, unitId, summary, link, dueAt: r.due_at, since: r.updated_at };
}

/**
 * Open steps of reporting duties: a report owed (assigned or returned) waits on its owing unit (a
 * hospital, or a lower commission's inspectors) from
 * the day its period opens (`today`, a Shanghai day) — a June report is not listed in March —; a
 * report handed in waits on the issuing office (inspectors over the issuing unit) to accept or return it.
 */
export async function reportDutyOpenSteps(
  db: Kysely<ReportDutyTables>,
  scope: ReportDutyStepScope,
  today: string,
): Promise<ReportDutyOpenStep[]> {
  const columns = [
    'duty_id',
    'campaign_title',
    'kind',
    'phase_name',
    'institution_id',
    'issuing_unit_id',
    'status',
    'due_at',
    'updated_at',
  ] as const;
  const steps: ReportDutyOpenStep[] = [];
  const owing = [...scope.hospitalOf, ...(scope.ownCommission ? [scope.ownCommission] : [])];
  if (owing.length > 0) {
    const rows = await db
      .selectFrom('campaign_report_duties')
      .select(columns)
      .where(() => among('institution_id', owing))
      .where('status', 'in', ['assigned', 'returned'])
      .where('opens_on', '<=', today)
      .execute();
    for (const r of rows) steps.push(step('report-duty', r, r.institution_id));
  }
  if (scope.commissionUnits.length > 0) {
    const rows = await db
      .selectFrom('campaign_report_duties')
      .select(columns)
      .where(() => among('issuing_unit_id', scope.commissionUnits))
      .where('status', '=', 'submitted')
      .execute();
    for (const r of rows) steps.push(step('report-duty-review', r, r.issuing_unit_id));
  }
  return steps;
}
