import { openSqliteDatabase } from '@bihuan/database';
import { WorkerContribution } from '@bihuan/platform';
import { SqlCaseIndex } from './case-index/sql-case-index.adapter';

/**
 * The audit's worker part: the case index (which streams are linked to which, through
 * correlation and causation ids) as a TableProjection on the read-model database, rows and
 * checkpoint in one transaction. The API's AuditModule reads the same tables (READ_MODELS);
 * `rebuild audit.caseIndex` rebuilds it aside and swaps it in.
 *
 * WorkerDeps carries the read-model connection, not yet its `SqlDatabase`: until it does, the
 * projection runs on a Kysely handle over that same connection (lent, so closing it is a no-op;
 * the tables are made by AUDIT_MIGRATIONS when READ_MODELS is opened).
 */
export const AUDIT_WORKER: WorkerContribution = {
  name: 'audit',
  projections: ({ readModels }) => [new SqlCaseIndex(openSqliteDatabase({ file: readModels })).projection],
};
