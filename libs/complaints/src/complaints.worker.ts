import { WorkerContribution } from '@bihuan/platform';
import { ComplaintTicketSender } from './application/complaint-ticket.sender';
import { COMPLAINT_TICKET_CATEGORY } from './domain/complaint-ticket.state';
import { complaintTicketsProjection } from './read-models/complaint-tickets.projection';
import { complaintConsequencesWorkflow } from './workflows/complaint-consequences.workflow';

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
  projections: ({ database }) => [complaintTicketsProjection(database)],
  workflows: () => [complaintConsequencesWorkflow()],
};
