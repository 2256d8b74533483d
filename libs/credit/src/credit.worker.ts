import { policySender, WorkerContribution, WorkerDeps } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import { creditArchiveSenders } from './application/credit-points.writes';
import { CREDIT_POLICY } from './application/credit-writes';
import { CreditPolicy } from './domain/credit-policy';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider } from './domain/draw/random-draw.decider';
import { creditProjection } from './read-models/credit.projection';
import { drawProgressProjection } from './read-models/draw-progress.projection';
import { commitmentBreachWorkflow } from './workflows/commitment-breach.workflow';
import { creditConsequencesWorkflow } from './workflows/credit-consequences.workflow';
import { creditThresholdsWorkflow } from './workflows/credit-thresholds.workflow';
import { randomDrawVisitsWorkflow } from './workflows/random-draw-visits.workflow';

/**
 * The streams whose decider takes the credit policy are written through the write seam
 * (CommandExecution.deliver), deciding with the policy in force as the API does; points commands,
 * addressed to the archive or to their entry's stream, go to the entry's stream (creditArchiveSenders). The archive's wake-ups (`cycle-<n>` end,
 * `list-<entryId>` expiry) need no computed data — the deadline timers send ExpireDeadline and the
 * decider answers only a due one.
 */
function senders(deps: WorkerDeps): (readonly [string, CommandSender])[] {
  const execution = deps.commands;
  return [
    ...creditArchiveSenders(execution),
    policySender(execution, RANDOM_DRAW_CATEGORY, (policy: CreditPolicy) => randomDrawDecider(policy), CREDIT_POLICY),
  ];
}

/**
 * The credit context in the worker: its streams, its read models (archives with levels and
 * draws; how far each draw's visits have got, for the 揭示种子 to-do) and four sagas — creditThresholds (a cycle's points total → ImposeCreditMeasures), creditConsequences (findings in listed adverse categories, 挂牌督办,
 * withdrawals; a substantiated complaint's points are the complaints context's complaintConsequences),
 * commitmentBreach (breach → adverse record, and an ethics record for a staff pledge) and
 * randomDrawVisits (published draw → PlanVisit to `visit-…`, whose decider the inspection context
 * registers). Every saga command names its cause.
 */
export const CREDIT_WORKER: WorkerContribution = {
  name: 'credit',
  senders,
  projections: ({ database }) => [creditProjection(database), drawProgressProjection(database)],
  workflows: () => [creditConsequencesWorkflow(), creditThresholdsWorkflow, commitmentBreachWorkflow, randomDrawVisitsWorkflow],
};
