import { WorkerContribution } from '@bihuan/platform';
import { SqliteCaseIndex } from './case-index/sqlite-case-index.adapter';

/**
 * The audit's worker part: the case index (which streams are linked to which, through
 * correlation and causation ids) as a projection on READ_MODEL_DB, rows and checkpoint in one
 * transaction. The API's AuditModule reads the same tables; `rebuild audit.caseIndex` rebuilds it aside and swaps it in.
 */
export const AUDIT_WORKER: WorkerContribution = {
  name: 'audit',
  projections: ({ readModels }) => [new SqliteCaseIndex(readModels)],
};
