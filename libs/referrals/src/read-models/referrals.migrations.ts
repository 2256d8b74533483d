import { MigrationSet } from '@bihuan/database';

/** The referrals read model's tables (prefix `referrals_`), as Kysely sees them. */
export type ReferralsTables = {
  referrals_referrals: {
    referral_id: string;
    source_stream: string;
    source_category: string;
    institution_id: string | null;
    from_unit: string;
    to_unit: string;
    agency_type: string;
    /** Whose jurisdiction reads it: the case's institution, else the referring commission. */
    scope_unit: string;
    reason: string;
    status: string;
    dossier_digest: string;
    referred_by: string;
    referred_at: string;
    /** The acknowledgement deadline while it runs (签收时限), and whether it passed. */
    ack_due_at: string | null;
    ack_overdue: number;
    acknowledged_by: string | null;
    acknowledged_at: string | null;
    outcome: string | null;
    outcome_text: string | null;
    /** JSON array of digests. */
    outcome_evidence: string | null;
    outcome_by: string | null;
    outcome_at: string | null;
    closed_by: string | null;
    closed_at: string | null;
    close_note: string | null;
    created_position: number;
  };
  /** Files of a referral (EvidenceAttached): its case file and the agency's documents. */
  referrals_files: {
    referral_id: string;
    digest: string;
    name: string;
    size: number;
    media_type: string;
    step: string;
    note: string | null;
    attached_by: string;
    attached_at: string;
    position: number;
  };
  referrals_leads: {
    lead_id: string;
    from_unit: string;
    agency_type: string;
    to_unit: string;
    institution_id: string | null;
    category: string;
    description: string;
    agency_reference: string | null;
    status: string;
    submitted_by: string;
    submitted_at: string;
    ticket_id: string | null;
    ticket_code: string | null;
    registered_at: string | null;
    created_position: number;
  };
};

export const REFERRALS_TABLES = ['referrals_referrals', 'referrals_files', 'referrals_leads'] as const;

/** The referrals read model's schema (ADR 0007): the same tables on SQLite and PostgreSQL. */
export const REFERRALS_MIGRATIONS: MigrationSet = {
  owner: 'referrals',
  migrations: {
    '0001-baseline': async (db) => {
      await db.schema
        .createTable('referrals_referrals')
        .addColumn('referral_id', 'text', (c) => c.primaryKey())
        .addColumn('source_stream', 'text', (c) => c.notNull())
        .addColumn('source_category', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text')
        .addColumn('from_unit', 'text', (c) => c.notNull())
        .addColumn('to_unit', 'text', (c) => c.notNull())
        .addColumn('agency_type', 'text', (c) => c.notNull())
        .addColumn('scope_unit', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('dossier_digest', 'text', (c) => c.notNull())
        .addColumn('referred_by', 'text', (c) => c.notNull())
        .addColumn('referred_at', 'text', (c) => c.notNull())
        .addColumn('ack_due_at', 'text')
        .addColumn('ack_overdue', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('acknowledged_by', 'text')
        .addColumn('acknowledged_at', 'text')
        .addColumn('outcome', 'text')
        .addColumn('outcome_text', 'text')
        .addColumn('outcome_evidence', 'text')
        .addColumn('outcome_by', 'text')
        .addColumn('outcome_at', 'text')
        .addColumn('closed_by', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('close_note', 'text')
        .addColumn('created_position', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('referrals_referrals_to_unit').on('referrals_referrals').column('to_unit').execute();
      await db.schema.createIndex('referrals_referrals_scope').on('referrals_referrals').column('scope_unit').execute();
      await db.schema.createIndex('referrals_referrals_source').on('referrals_referrals').column('source_stream').execute();
      await db.schema
        .createTable('referrals_files')
        .addColumn('referral_id', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('attached_by', 'text', (c) => c.notNull())
        .addColumn('attached_at', 'text', (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('referrals_files_pkey', ['referral_id', 'digest'])
        .execute();
      await db.schema
        .createTable('referrals_leads')
        .addColumn('lead_id', 'text', (c) => c.primaryKey())
        .addColumn('from_unit', 'text', (c) => c.notNull())
        .addColumn('agency_type', 'text', (c) => c.notNull())
        .addColumn('to_unit', 'text', (c) => c.notNull())
        .addColumn('institution_id', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('agency_reference', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text')
        .addColumn('ticket_code', 'text')
        .addColumn('registered_at', 'text')
        .addColumn('created_position', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('referrals_leads_from_unit').on('referrals_leads').column('from_unit').execute();
      await db.schema.createIndex('referrals_leads_to_unit').on('referrals_leads').column('to_unit').execute();
    },
  },
};
