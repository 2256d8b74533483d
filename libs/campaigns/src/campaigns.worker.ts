import { WorkerContribution } from '@bihuan/platform';
import { ReportDutySender } from './application/duties/report-duty.sender';
import { REPORT_DUTY_CATEGORY } from './domain/duty/report-duty-schedule';
import { campaignsProjection } from './read-models/campaigns.projection';
import { reportDutiesProjection } from './read-models/report-duties.projection';
import { reportDutiesWorkflow } from './workflows/report-duties.workflow';

/**
 * What the campaigns context adds to the worker: the campaigns' list read model; the reportDuties
 * workflow (a campaign's launch, amendments and close → its duties); the `reportDuty` sender
 * (every duty command through the write seam: an assignment's due instant and deadline, an
 * expiry's next rung, computed with the calendar when it is handled); the duties' read model.
 * A campaign's ledger is the inspection context's, filtered by campaign.
 */
export const CAMPAIGNS_WORKER: WorkerContribution = {
  name: 'campaigns',
  senders: ({ commands }) => [[REPORT_DUTY_CATEGORY, new ReportDutySender(commands)]],
  projections: ({ database }) => [campaignsProjection(database), reportDutiesProjection(database)],
  workflows: () => [reportDutiesWorkflow],
};
