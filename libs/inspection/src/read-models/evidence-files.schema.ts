import { ColumnType, Kysely } from 'kysely';
import { NoTables } from '@bihuan/database';

/** One row per file attached to a visit or a finding (EvidenceAttached), for the case's page. */
export type EvidenceFileRecord = {
  /** `visit` or `finding`: the stream category the file was attached in. */
  case_category: string;
  case_id: string;
  digest: string;
  name: string;
  size: ColumnType<number | string, number, never>;
  media_type: string;
  step: string;
  note: string | null;
  attached_at: string;
  attached_by: string;
  /** Log position of the EvidenceAttached: the files' order on the page. */
  position: ColumnType<number | string, number, never>;
};

/** The table of attached files, and the ledger's count of them (migration 0003). */
export async function createEvidenceFiles(db: Kysely<NoTables>): Promise<void> {
  await db.schema
    .createTable('inspection_evidence_files')
    .ifNotExists()
    .addColumn('case_category', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addColumn('attached_by', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_evidence_files_pk', ['case_category', 'case_id', 'digest'])
    .execute();
  await db.schema
    .alterTable('inspection_findings')
    .addColumn('evidence_files', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
