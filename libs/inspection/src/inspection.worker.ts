import { WorkerContribution } from '@bihuan/platform';
import { FindingWakeUpSender } from './application';
import { FINDING_STREAM_CATEGORY, VISIT_STREAM_CATEGORY, visitDecider } from './domain';
import { ledgerProjection, visitsProjection } from './read-models';
import { visitClosureWorkflow } from './workflows';

/**
 * What the inspection context adds to the worker: the visit decider (addressed by the
 * visit-closure workflow), the finding sender (deadline wake-ups climb the escalation ladder with
 * the next rung's working-day window computed at handling time), the ledger and visit read
 * models, and the visit-closure workflow.
 */
export const INSPECTION_WORKER: WorkerContribution = {
  name: 'inspection',
  deciders: [[VISIT_STREAM_CATEGORY, visitDecider]],
  senders: ({ store, calendar, policies }) => [[FINDING_STREAM_CATEGORY, new FindingWakeUpSender(store, calendar, policies)]],
  projections: ({ readModels }) => [ledgerProjection(readModels), visitsProjection(readModels)],
  workflows: () => [visitClosureWorkflow],
};
