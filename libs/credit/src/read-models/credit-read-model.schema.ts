import { MigrationSet } from '@bihuan/database';
import { createDrawProgressTables } from './draw-progress.schema';

/** The credit read model's tables (prefix `credit_`), as Kysely sees them; 0/1 integers for booleans. */
export type CreditTables = {
  credit_archive_states: {
    institution_id: string;
    /** The archive's folded CreditArchiveState as JSON. */
    state: string;
  };
  credit_points: {
    institution_id: string;
    points_id: string;
    cycle_no: number;
    /** The entry's CreditPointsAdded data as JSON. */
    entry: string;
    revoked: number;
  };
  /** Applicants (ADR 0019): each `creditSubject-<subjectKey>` folded. */
  credit_subjects: {
    subject_key: string;
    kind: string;
    /** The subject's folded CreditSubjectState as JSON. */
    state: string;
  };
  /** One row per CreditChecked: the offices' checks, newest first. */
  credit_checks: {
    check_id: string;
    subject_key: string;
    kind: string;
    /** An organisation's 统一社会信用代码; null for a person (never their number). */
    credit_code: string | null;
    purpose: string;
    application_ref: string;
    institution_id: string | null;
    checked_by: string;
    checked_in: string;
    checked_at: string;
    /** The CreditCheckSummary as JSON. */
    result: string;
  };
  credit_draws: {
    draw_id: string;
    jurisdiction: string;
    status: string;
    requested_at: string;
    visits: number | null;
  };
};

/**
 * The credit read model's schema. `credit_archive_states` keeps each institution's folded archive
 * state (low-rate facts) and `credit_points` one row per points entry (ADR 0006), so applying an
 * event touches one small row whatever the institution's record holds; reads join them into a
 * CreditRecord for creditViewFor and creditLevel (as of now: levels age). Points live in the
 * entry's JSON and are summed by the domain, never by SQL, so totals cannot differ between engines.
 * The baseline is the schema `ensureCreditSchema` made before migrations, with `ifNotExists`, so a
 * data directory from before adopts it unchanged.
 */
export const CREDIT_MIGRATIONS: MigrationSet = {
  owner: 'credit',
  migrations: {
    '0001-baseline': async (db) => {
      await db.schema
        .createTable('credit_archive_states')
        .ifNotExists()
        .addColumn('institution_id', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('credit_points')
        .ifNotExists()
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('points_id', 'text', (c) => c.notNull())
        .addColumn('cycle_no', 'integer', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('credit_points_pkey', ['institution_id', 'points_id'])
        .execute();
      await db.schema
        .createTable('credit_conflicts')
        .ifNotExists()
        .addColumn('inspector_id', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('declared_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('credit_conflicts_pkey', ['inspector_id', 'institution_id'])
        .execute();
      await db.schema
        .createTable('credit_draws')
        .ifNotExists()
        .addColumn('draw_id', 'text', (c) => c.primaryKey())
        .addColumn('jurisdiction', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('visits', 'integer')
        .execute();
    },
    // Conflicts of interest moved to the directory (issue 16); the table was a projection of
    // credit's conflict events only, so dropping it loses nothing the log does not hold.
    '0002-drop-conflicts': async (db) => {
      await db.schema.dropTable('credit_conflicts').ifExists().execute();
    },
    // 准入信用核查 (issue 22): applicants keyed by identifier, and the checks the offices made.
    '0003-applicant-credit': async (db) => {
      await db.schema
        .createTable('credit_subjects')
        .addColumn('subject_key', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('credit_checks')
        .addColumn('check_id', 'text', (c) => c.primaryKey())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('application_ref', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text')
        .addColumn('checked_by', 'text', (c) => c.notNull())
        .addColumn('checked_in', 'text', (c) => c.notNull())
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .execute();
      // The list pages newest first (checked_at, check_id) within the reader's offices.
      await db.schema.createIndex('credit_checks_by_time').on('credit_checks').columns(['checked_at', 'check_id']).execute();
    },
    // How far each draw's visits have got, for the 揭示种子 to-do (projection `credit-draw-progress`).
    '0004-draw-progress': (db) => createDrawProgressTables(db),
  },
};

export const CREDIT_TABLES = ['credit_archive_states', 'credit_points', 'credit_draws', 'credit_subjects', 'credit_checks'] as const;
