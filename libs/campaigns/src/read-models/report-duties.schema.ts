import { Kysely } from 'kysely';
import { NoTables } from '@bihuan/database';

/** One row per reporting duty (报送任务): lists, to-do lists, the campaign's report matrix and its counts. */
export type ReportDutyRow = {
  duty_id: string;
  campaign_id: string;
  campaign_title: string;
  issuing_unit_id: string;
  institution_id: string;
  kind: string;
  phase_index: number;
  phase_name: string;
  /** The day the campaign names; `due_at` is the due instant (a recurring day moved to a working day). */
  due_on: string;
  opens_on: string;
  due_at: string;
  status: string;
  round: number;
  /** Highest rung of the overdue ladder reached (逾期催报 1, 督办 2), null before. */
  escalation_step: number | null;
  escalation_rung: string | null;
  /** The last submission (a returned report keeps it until the next). */
  submitted_at: string | null;
  /** 1 / 0: that submission was in by the due instant; null before any. */
  on_time: number | null;
  submissions: number;
  reviewed_at: string | null;
  return_reason: string | null;
  assigned_at: string;
  updated_at: string;
};

export type ReportDutyTables = { campaign_report_duties: ReportDutyRow };

export const REPORT_DUTY_TABLES = ['campaign_report_duties'] as const;

/** The duties' table, in the campaigns context's MigrationSet (CAMPAIGNS_MIGRATIONS `0002-report-duties`). */
export async function createReportDutyTables(db: Kysely<NoTables>): Promise<void> {
  await db.schema
    .createTable('campaign_report_duties')
    .ifNotExists()
    .addColumn('duty_id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('campaign_title', 'text', (c) => c.notNull())
    .addColumn('issuing_unit_id', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phase_index', 'integer', (c) => c.notNull())
    .addColumn('phase_name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('escalation_step', 'integer')
    .addColumn('escalation_rung', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A campaign's matrix and counts; a hospital's list and to-dos; the issuing office's reviews; lists in due order.
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).ifNotExists().on('campaign_report_duties').columns(columns).execute();
  await index('campaign_report_duties_campaign', ['campaign_id', 'institution_id']);
  await index('campaign_report_duties_institution', ['institution_id', 'status']);
  await index('campaign_report_duties_issuer', ['issuing_unit_id', 'status']);
  await index('campaign_report_duties_due', ['due_at', 'duty_id']);
}
