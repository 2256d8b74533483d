import { MigrationSet, SqlDialectName } from '@bihuan/database';

/** The ethics read model's tables (prefix `ethics_`), as Kysely sees them; 0/1 integers for booleans. */
export type EthicsTables = {
  ethics_archives: {
    staff_id: string;
    institution_id: string;
    department_id: string | null;
    name: string | null;
    implicit: number;
    opened_by: string;
    opened_at: string;
  };
  ethics_records: {
    staff_id: string;
    record_id: string;
    institution_id: string;
    source_kind: string;
    record_kind: string | null;
    category: string | null;
    summary: string;
    /** JSON array of strings. */
    evidence: string;
    points: number;
    veto_item: string | null;
    occurred_at: string;
    year: number;
    /** JSON `{ stream, eventId }` or null. */
    caused_by: string | null;
    added_by: string;
    retracted: number;
    retract_reason: string | null;
    position: number;
  };
  /** Files attached to an archive (EvidenceAttached), which its records cite by digest. */
  ethics_files: {
    staff_id: string;
    digest: string;
    name: string;
    size: number;
    media_type: string;
    note: string | null;
    attached_by: string;
    position: number;
  };
  /** 红黑榜 entries of staff members (StaffListEntryAdded / Expired / Removed). */
  ethics_list_entries: {
    entry_id: string;
    staff_id: string;
    institution_id: string;
    list: string;
    reason: string;
    /** JSON array of the archive's record ids the listing rests on. */
    record_ids: string;
    listed_at: string;
    expires_at: string;
    listed_by: string;
    /** active / expired / removed. */
    status: string;
    ended_at: string | null;
    end_reason: string | null;
  };
  ethics_evaluations: {
    evaluation_id: string;
    institution_id: string;
    year: number;
    staff_id: string;
    department_id: string | null;
    status: string;
    self_summary: string | null;
    self_score: number | null;
    department_score: number | null;
    assessed_score: number | null;
    deductions: number | null;
    additions: number | null;
    final_score: number | null;
    /** JSON array of strings. */
    veto_items: string | null;
    provisional_grade: string | null;
    reason: string | null;
    grade: string | null;
    downgraded_by_cap: number | null;
    passes_assessment: number | null;
    posted_until: string | null;
  };
};

/**
 * Scores and points are fractional (e.g. −0.5). SQLite's REAL is an 8-byte float; PostgreSQL's
 * `real` is only 4 bytes (87.35 would come back as 87.3499984741211), so there the same column is
 * `double precision`, which holds and returns exactly what SQLite does.
 */
const real = (dialect: SqlDialectName) => (dialect === 'postgres' ? 'double precision' : 'real');

/**
 * The ethics read model's schema. The baseline is the schema `ensureEthicsSchema` made before
 * migrations (same tables, columns, indexes), with `ifNotExists`, so a data directory from before
 * adopts it unchanged.
 */
export const ETHICS_MIGRATIONS: MigrationSet = {
  owner: 'ethics',
  migrations: {
    '0001-baseline': async (db, dialect) => {
      await db.schema
        .createTable('ethics_archives')
        .ifNotExists()
        .addColumn('staff_id', 'text', (c) => c.primaryKey())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text')
        .addColumn('name', 'text')
        .addColumn('implicit', 'integer', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ethics_archives_institution').ifNotExists().on('ethics_archives').column('institution_id').execute();
      await db.schema
        .createTable('ethics_records')
        .ifNotExists()
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('record_kind', 'text')
        .addColumn('category', 'text')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('points', real(dialect), (c) => c.notNull())
        .addColumn('veto_item', 'text')
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('caused_by', 'text')
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('retracted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('retract_reason', 'text')
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('ethics_records_pkey', ['staff_id', 'record_id'])
        .execute();
      await db.schema
        .createTable('ethics_evaluations')
        .ifNotExists()
        .addColumn('evaluation_id', 'text', (c) => c.primaryKey())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('self_summary', 'text')
        .addColumn('self_score', real(dialect))
        .addColumn('department_score', real(dialect))
        .addColumn('assessed_score', real(dialect))
        .addColumn('deductions', real(dialect))
        .addColumn('additions', real(dialect))
        .addColumn('final_score', real(dialect))
        .addColumn('veto_items', 'text')
        .addColumn('provisional_grade', 'text')
        .addColumn('reason', 'text')
        .addColumn('grade', 'text')
        .addColumn('downgraded_by_cap', 'integer')
        .addColumn('passes_assessment', 'integer')
        .addColumn('posted_until', 'text')
        .execute();
      await db.schema
        .createIndex('ethics_evaluations_inst_year')
        .ifNotExists()
        .on('ethics_evaluations')
        .columns(['institution_id', 'year'])
        .execute();
    },
    '0002-files': async (db) => {
      await db.schema
        .createTable('ethics_files')
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('attached_by', 'text', (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('ethics_files_pkey', ['staff_id', 'digest'])
        .execute();
    },
    // 医务人员红黑榜 (issue 22): filled as the projection reaches StaffListEntry* events.
    '0003-staff-lists': async (db) => {
      await db.schema
        .createTable('ethics_list_entries')
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('record_ids', 'text', (c) => c.notNull())
        .addColumn('listed_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('listed_by', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('end_reason', 'text')
        .addPrimaryKeyConstraint('ethics_list_entries_pkey', ['staff_id', 'entry_id'])
        .execute();
      await db.schema.createIndex('ethics_list_entries_institution').on('ethics_list_entries').column('institution_id').execute();
    },
  },
};

export const ETHICS_TABLES = ['ethics_archives', 'ethics_records', 'ethics_files', 'ethics_list_entries', 'ethics_evaluations'] as const;
