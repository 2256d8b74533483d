import { ColumnType, Generated, Kysely, sql } from 'kysely';
import { MigrationSet, NoTables, SqlDialectName } from '@bihuan/database';
import { createEvidenceFiles, EvidenceFileRecord } from './evidence-files.schema';

/** A column the database fills in when an insert leaves it out (its DEFAULT). */
type Defaulted<T> = Generated<T>;

/** One row per finding: the rectification ledger (整改台账). */
export type FindingRecord = {
  finding_id: string;
  institution_id: string;
  visit_id: string;
  visit_kind: string;
  campaign_id: string | null;
  category: string;
  severity: string;
  description: string;
  /** JSON array of strings (the draft's free-text references). */
  evidence: Defaulted<string>;
  /** How many files are attached to the finding (inspection_evidence_files). */
  evidence_files: Defaulted<number>;
  required_action: string;
  responsible_department: string;
  responsible_person: string | null;
  measures: string | null;
  plan_revision: Defaulted<number>;
  planned_completion: string | null;
  notice_no: string | null;
  notice_issued_at: string | null;
  /** 文号 of the printed 整改通知书 (NoticeDocumentIssued, kind rectification-notice); null until one is printed. */
  notice_document_no: string | null;
  round: Defaulted<number>;
  rectify_deadline_id: string | null;
  rectify_due_at: string | null;
  rectify_calendar_version: string | null;
  current_deadline_id: string | null;
  current_due_at: string | null;
  current_calendar_version: string | null;
  /** `current_due_at`, or NO_DUE_DATE while there is none: never NULL, so keyset pages can sort by it (`?sort=due`). */
  due_order: Defaulted<string>;
  progress_summary: string | null;
  percent_complete: number | null;
  progress_reports: Defaulted<number>;
  status: string;
  escalation_rung: string | null;
  escalation_step: number | null;
  /** 0/1, null until signed off. */
  on_time: number | null;
  signed_off_at: string | null;
  signed_off_by: string | null;
  recheck_status: Defaulted<string>;
  recheck_due_at: string | null;
  pending_extension_id: string | null;
  pending_extension_due_at: string | null;
  extensions_approved: Defaulted<number>;
  /** JSON array of the reasons. */
  last_rejection: string | null;
  withdrawn_reason: string | null;
  opened_at: string;
  opened_by: string;
  /** Log position of FindingOpened: the ledger's order (序号). */
  opened_position: ColumnType<number, number, never>;
  updated_at: string;
};

/** One row per visit (检查). */
export type VisitRecord = {
  visit_id: string;
  kind: string;
  institution_id: string;
  campaign_id: string | null;
  /** JSON array of user ids. */
  inspector_ids: Defaulted<string>;
  planned_date: string;
  planned_by: string;
  conducted_on: string | null;
  summary: string | null;
  status: string;
  /** JSON array of finding ids. */
  finding_ids: Defaulted<string>;
  closed_at: string | null;
  reopen_count: Defaulted<number>;
  cancelled_reason: string | null;
  /** Log position of VisitPlanned: lists show the newest first. */
  created_position: ColumnType<number, number, never>;
  created_at: string;
  updated_at: string;
};

/**
 * Read-model tables of the inspection context (prefix `inspection_`), in the read-model database.
 * Disposable: rebuilt from the log by the projections.
 */
export type InspectionTables = {
  inspection_findings: FindingRecord;
  inspection_visits: VisitRecord;
  inspection_evidence_files: EvidenceFileRecord;
};

/** The `due_order` of a row without a due date (not yet noticed): after every real instant. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';

/** Columns added after the first release: the calendar version of each due date (is it provisional?). */
const ADDED_FINDING_COLUMNS = ['rectify_calendar_version', 'current_calendar_version'] as const;

async function createFindings(db: Kysely<NoTables>): Promise<void> {
  await db.schema
    .createTable('inspection_findings')
    .ifNotExists()
    .addColumn('finding_id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('visit_kind', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required_action', 'text', (c) => c.notNull())
    .addColumn('responsible_department', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text')
    .addColumn('measures', 'text')
    .addColumn('plan_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('planned_completion', 'text')
    .addColumn('notice_no', 'text')
    .addColumn('notice_issued_at', 'text')
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('rectify_deadline_id', 'text')
    .addColumn('rectify_due_at', 'text')
    .addColumn('rectify_calendar_version', 'text')
    .addColumn('current_deadline_id', 'text')
    .addColumn('current_due_at', 'text')
    .addColumn('current_calendar_version', 'text')
    .addColumn('progress_summary', 'text')
    .addColumn('percent_complete', 'integer')
    .addColumn('progress_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalation_rung', 'text')
    .addColumn('escalation_step', 'integer')
    .addColumn('on_time', 'integer')
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_by', 'text')
    .addColumn('recheck_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('recheck_due_at', 'text')
    .addColumn('pending_extension_id', 'text')
    .addColumn('pending_extension_due_at', 'text')
    .addColumn('extensions_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_rejection', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_findings_institution')
    .ifNotExists()
    .on('inspection_findings')
    .columns(['institution_id', 'opened_position'])
    .execute();
  await db.schema
    .createIndex('inspection_findings_visit')
    .ifNotExists()
    .on('inspection_findings')
    .columns(['visit_id', 'opened_position'])
    .execute();
  // Keyset pages of the whole scope walk this in order instead of sorting every row in scope.
  await db.schema.createIndex('inspection_findings_opened').ifNotExists().on('inspection_findings').column('opened_position').execute();
}

/**
 * A SQLite data directory from before the calendar versions were recorded has the table without
 * them (`ifNotExists` leaves it as it is): add them, as the schema check at start used to.
 * PostgreSQL databases are all younger than these columns.
 */
async function addMissingFindingColumns(db: Kysely<NoTables>, dialect: SqlDialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  const table = (await db.introspection.getTables()).find((t) => t.name === 'inspection_findings');
  const present = new Set(table?.columns.map((c) => c.name));
  for (const column of ADDED_FINDING_COLUMNS) {
    if (!present.has(column)) await db.schema.alterTable('inspection_findings').addColumn(column, 'text').execute();
  }
}

async function createVisits(db: Kysely<NoTables>): Promise<void> {
  await db.schema
    .createTable('inspection_visits')
    .ifNotExists()
    .addColumn('visit_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text')
    .addColumn('inspector_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('planned_by', 'text', (c) => c.notNull())
    .addColumn('conducted_on', 'text')
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('finding_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('closed_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled_reason', 'text')
    .addColumn('created_position', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('inspection_visits_institution')
    .ifNotExists()
    .on('inspection_visits')
    .columns(['institution_id', 'created_position'])
    .execute();
  // Keyset pages of the whole scope walk this in order instead of sorting every row in scope.
  await db.schema.createIndex('inspection_visits_created').ifNotExists().on('inspection_visits').column('created_position').execute();
}

/**
 * The inspection context's schema in the read-model database. The baseline is the tables as the
 * SQLite schema check made them (same names, columns, defaults, indexes), so an existing data
 * directory adopts it unchanged.
 */
export const INSPECTION_MIGRATIONS: MigrationSet = {
  owner: 'inspection',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      await createFindings(db);
      await addMissingFindingColumns(db, dialect);
      await createVisits(db);
    },
    // The printed notice's number for the ledger's 通知书文号. Rows projected before this column
    // show the typed number until the ledger projection is rebuilt from the log.
    '0002-notice-document-no': async (db) => {
      await db.schema.alterTable('inspection_findings').addColumn('notice_document_no', 'text').execute();
    },
    // Files attached to visits and findings (issue 18). Filled as the projections reach the
    // EvidenceAttached events; there are none in a log written before this migration.
    '0003-evidence-files': createEvidenceFiles,
    // The ledger sorted by due date (`GET /findings?sort=due`): keyset pages compare columns, and a
    // NULL due date compares as nothing, so the sort reads a copy that is never NULL.
    '0004-due-order': async (db) => {
      await db.schema
        .alterTable('inspection_findings')
        .addColumn('due_order', 'text', (c) => c.notNull().defaultTo(NO_DUE_DATE))
        .execute();
      await sql`UPDATE inspection_findings SET due_order = current_due_at WHERE current_due_at IS NOT NULL`.execute(db);
      await db.schema
        .createIndex('inspection_findings_due')
        .ifNotExists()
        .on('inspection_findings')
        .columns(['due_order', 'opened_position'])
        .execute();
    },
  },
};
