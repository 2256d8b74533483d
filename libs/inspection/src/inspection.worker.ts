import { openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { WorkerContribution, WorkerDeps } from '@bihuan/platform';
import { FindingSender } from './application';
import { FINDING_STREAM_CATEGORY, VISIT_STREAM_CATEGORY, visitDecider } from './domain';
import { ledgerProjection, visitsProjection } from './read-models';
import { findingOpeningWorkflow, visitClosureWorkflow } from './workflows';

/**
 * TRANSITIONAL (issue 15): the worker hands contributions only the raw read-model connection.
 * One SqlDatabase per connection, so both projections share one Kysely driver, whose lock keeps
 * one transaction at a time on the connection. Use the READ_MODELS database once WorkerDeps
 * carries it (then the API's queries share that lock too, and PostgreSQL works in the worker).
 */
const databases = new WeakMap<WorkerDeps['readModels'], SqlDatabase>();
function readModelDatabase(connection: WorkerDeps['readModels']): SqlDatabase {
  let database = databases.get(connection);
  if (!database) databases.set(connection, (database = openSqliteDatabase({ file: connection })));
  return database;
}

/**
 * What the inspection context adds to the worker: the visit decider (addressed by the
 * visit-closure workflow), the finding sender (every `finding-*` command through the write seam;
 * deadline wake-ups climb the escalation ladder with the next rung's working-day window computed
 * at handling time), the ledger and visit read models, and the workflows: visit closure, and the
 * opening of findings recorded on their visit.
 */
export const INSPECTION_WORKER: WorkerContribution = {
  name: 'inspection',
  deciders: [[VISIT_STREAM_CATEGORY, visitDecider]],
  senders: ({ commands }) => [[FINDING_STREAM_CATEGORY, new FindingSender(commands)]],
  projections: ({ readModels }) => {
    const database = readModelDatabase(readModels);
    return [ledgerProjection(database), visitsProjection(database)];
  },
  workflows: () => [visitClosureWorkflow, findingOpeningWorkflow],
};
