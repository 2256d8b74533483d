import { WorkerContribution } from '@bihuan/platform';
import { FindingSender } from './application';
import { FINDING_STREAM_CATEGORY, VISIT_STREAM_CATEGORY, visitDecider } from './domain';
import { evidenceFilesProjection, ledgerProjection, visitsProjection } from './read-models';
import { findingOpeningWorkflow, visitClosureWorkflow } from './workflows';

/**
 * What the inspection context adds to the worker: the visit decider (addressed by the
 * visit-closure workflow), the finding sender (every `finding-*` command through the write seam;
 * deadline wake-ups climb the escalation ladder with the next rung's working-day window computed
 * at handling time), the ledger, visit and attached-file read models, and the workflows: visit closure, and the
 * opening of findings recorded on their visit.
 */
export const INSPECTION_WORKER: WorkerContribution = {
  name: 'inspection',
  deciders: [[VISIT_STREAM_CATEGORY, visitDecider]],
  senders: ({ commands }) => [[FINDING_STREAM_CATEGORY, new FindingSender(commands)]],
  projections: ({ database }) => [ledgerProjection(database), visitsProjection(database), evidenceFilesProjection(database)],
  workflows: () => [visitClosureWorkflow, findingOpeningWorkflow],
};
