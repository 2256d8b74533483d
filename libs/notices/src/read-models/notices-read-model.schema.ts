import { ColumnType } from 'kysely';
import { MigrationSet } from '@bihuan/database';

/** One row per public notice, for the staff's and the public's lists; a notice's page reads its stream. */
export type PublicNoticeRow = {
  notice_id: string;
  issuing_unit_id: string;
  kind: string;
  status: string;
  title: string;
  /** Beijing days of the period, or null (a campaign summary). */
  period_from: string | null;
  period_to: string | null;
  campaign_id: string | null;
  /** The notice this one corrects, and whether it withdraws it. */
  corrects_id: string | null;
  withdraw: number;
  /** The correction that corrects this one (marked before the correction is published). */
  corrected_by_id: string | null;
  document_no: string | null;
  published_at: string | null;
  /** Shown to the public until then (null: without end; seed 002's classes). */
  public_until: string | null;
  drafted_at: string;
  drafted_by: string;
  /** Log position of PublicNoticeDrafted: staff lists show the newest first. */
  created_position: ColumnType<number, number, never>;
  /** Log position of PublicNoticePublished: the public list shows the newest publication first. */
  published_position: number | null;
  updated_at: string;
};

/** The read model's tables (prefix `public_notice`), as Kysely sees them. */
export type NoticeTables = {
  public_notices: PublicNoticeRow;
};

export const NOTICE_TABLES = ['public_notices'] as const;

/** The notices context's schema in the read-model database (disposable: rebuilt from the log). */
export const NOTICES_MIGRATIONS: MigrationSet = {
  owner: 'notices',
  migrations: {
    '0001-baseline': async (db) => {
      await db.schema
        .createTable('public_notices')
        .ifNotExists()
        .addColumn('notice_id', 'text', (c) => c.primaryKey())
        .addColumn('issuing_unit_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('period_from', 'text')
        .addColumn('period_to', 'text')
        .addColumn('campaign_id', 'text')
        .addColumn('corrects_id', 'text')
        .addColumn('withdraw', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('corrected_by_id', 'text')
        .addColumn('document_no', 'text')
        .addColumn('published_at', 'text')
        .addColumn('public_until', 'text')
        .addColumn('drafted_at', 'text', (c) => c.notNull())
        .addColumn('drafted_by', 'text', (c) => c.notNull())
        .addColumn('created_position', 'bigint', (c) => c.notNull())
        .addColumn('published_position', 'bigint')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Keyset pages walk these in order instead of sorting every notice.
      await db.schema.createIndex('public_notices_created').ifNotExists().on('public_notices').column('created_position').execute();
      await db.schema.createIndex('public_notices_published').ifNotExists().on('public_notices').column('published_position').execute();
    },
  },
};
