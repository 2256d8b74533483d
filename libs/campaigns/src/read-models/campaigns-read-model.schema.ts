import { ColumnType } from 'kysely';
import { MigrationSet } from '@bihuan/database';
import { createReportDutyTables } from './report-duties.schema';

/** One row per campaign (专项行动), for lists; the campaign's page reads its stream. */
export type CampaignRecordRow = {
  campaign_id: string;
  issuing_unit_id: string;
  title: string;
  year: number;
  status: string;
  /** First day of the first phase and last day of the last (YYYY-MM-DD). */
  starts_on: string;
  ends_on: string;
  institution_count: number;
  launched_at: string;
  launched_by: string;
  closed_at: string | null;
  carried_over: number;
  /** Log position of CampaignLaunched: lists show the newest first. */
  created_position: ColumnType<number, number, never>;
  updated_at: string;
};

/** The read model's tables (prefix `campaign_`), as Kysely sees them. */
export type CampaignTables = {
  campaign_records: CampaignRecordRow;
  /** The institutions each campaign scopes now: whom a hospital's or a district's list finds it by. */
  campaign_institutions: { campaign_id: string; institution_id: string };
};

export const CAMPAIGN_TABLES = ['campaign_records', 'campaign_institutions'] as const;

/** The campaigns context's schema in the read-model database (disposable: rebuilt from the log). */
export const CAMPAIGNS_MIGRATIONS: MigrationSet = {
  owner: 'campaigns',
  migrations: {
    '0001-baseline': async (db) => {
      await db.schema
        .createTable('campaign_records')
        .ifNotExists()
        .addColumn('campaign_id', 'text', (c) => c.primaryKey())
        .addColumn('issuing_unit_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('institution_count', 'integer', (c) => c.notNull())
        .addColumn('launched_at', 'text', (c) => c.notNull())
        .addColumn('launched_by', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('carried_over', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_position', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // Keyset pages walk this in order instead of sorting every campaign in scope.
      await db.schema.createIndex('campaign_records_created').ifNotExists().on('campaign_records').column('created_position').execute();
      await db.schema
        .createTable('campaign_institutions')
        .ifNotExists()
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_institutions_pkey', ['campaign_id', 'institution_id'])
        .execute();
      await db.schema
        .createIndex('campaign_institutions_institution')
        .ifNotExists()
        .on('campaign_institutions')
        .columns(['institution_id', 'campaign_id'])
        .execute();
    },
    '0002-report-duties': (db) => createReportDutyTables(db),
  },
};
