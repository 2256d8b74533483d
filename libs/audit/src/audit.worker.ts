import { WorkerContribution } from '@bihuan/platform';
import { SqlCaseIndex } from './case-index/sql-case-index.adapter';

/**
 * The audit's worker part: the case index (which streams are linked to which, through
 * correlation and causation ids) as a TableProjection on the read-model database, rows and
 * checkpoint in one transaction. The API's AuditModule reads the same tables (READ_MODELS);
 * `rebuild audit.caseIndex` rebuilds it aside and swaps it in.
 */
export const AUDIT_WORKER: WorkerContribution = {
  name: 'audit',
  projections: ({ database }) => [new SqlCaseIndex(database).projection],
};
