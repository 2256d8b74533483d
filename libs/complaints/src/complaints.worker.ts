import type Database from 'better-sqlite3';
import { openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { WorkerContribution } from '@bihuan/platform';
import { ComplaintTicketSender } from './application/complaint-ticket.sender';
import { COMPLAINT_TICKET_CATEGORY } from './domain/complaint-ticket.state';
import { complaintTicketsProjection } from './read-models/complaint-tickets.projection';
import { complaintConsequencesWorkflow } from './workflows/complaint-consequences.workflow';

/**
 * TRANSITIONAL, until WorkerDeps carries the READ_MODELS database itself: Kysely over the worker's
 * read-model connection (which the platform migrated at start), one per connection, so this
 * context's projection batches queue on one driver instead of overlapping on the connection.
 */
const databases = new WeakMap<Database.Database, SqlDatabase>();
function readModelDatabase(connection: Database.Database): SqlDatabase {
  let database = databases.get(connection);
  if (!database) databases.set(connection, (database = openSqliteDatabase({ file: connection })));
  return database;
}

/**
 * The complaints context in the worker: a sender for `complaintTicket-*` (every command through
 * CommandExecution.deliver, the API's write seam; wake-ups get the 督办 terms the decider cannot
 * compute, so reminder → supervision → public notice run by themselves),
 * the tickets/steps/history read model, and the complaintConsequences saga (ethics records and
 * credit points to `ethicsArchive-*` / `creditArchive-*`, registered by those contexts).
 */
export const COMPLAINTS_WORKER: WorkerContribution = {
  name: 'complaints',
  senders: (deps) => [[COMPLAINT_TICKET_CATEGORY, new ComplaintTicketSender(deps.commands)]],
  projections: ({ readModels }) => [complaintTicketsProjection(readModelDatabase(readModels))],
  workflows: () => [complaintConsequencesWorkflow()],
};
