import { Command, Workflow } from '@bihuan/core';
import { WorkerContribution, WorkerDeps } from '@bihuan/platform';
import { CommandSender, handleCommand } from '@bihuan/processing';
import { CREDIT_POLICY_CONTEXT } from './application/credit-command-runner';
import { INSPECTOR_CONFLICTS_CATEGORY, inspectorConflictsDecider } from './application/conflicts/inspector-conflicts.decider';
import { CreditArchiveCommand } from './domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY, creditArchiveDecider } from './domain/archive/credit-archive.decider';
import { DEFAULT_CREDIT_POLICY } from './domain/credit-policy';
import { RandomDrawCommand } from './domain/draw/random-draw.messages';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider } from './domain/draw/random-draw.decider';
import { creditProjection } from './read-models/credit.projection';
import { commitmentBreachWorkflow } from './workflows/commitment-breach.workflow';
import { CreditConsequencesState, creditConsequencesWorkflow } from './workflows/credit-consequences.workflow';
import { randomDrawVisitsWorkflow } from './workflows/random-draw-visits.workflow';

/**
 * Senders that decide with the credit policy in force (PolicyRegistry), as the API does. The
 * archive's wake-ups (`cycle-<n>` end, `list-<entryId>` expiry) need no computed data — the
 * deadline timers send ExpireDeadline and the decider answers only a due one.
 */
function senders(deps: WorkerDeps): (readonly [string, CommandSender])[] {
  const policy = () => deps.policies.current(CREDIT_POLICY_CONTEXT, DEFAULT_CREDIT_POLICY);
  return [
    [CREDIT_ARCHIVE_CATEGORY, { send: async (stream: string, c: Command) => handleCommand(deps.store, stream, creditArchiveDecider(await policy()), c as CreditArchiveCommand) }],
    [RANDOM_DRAW_CATEGORY, { send: async (stream: string, c: Command) => handleCommand(deps.store, stream, randomDrawDecider(await policy()), c as RandomDrawCommand) }],
  ];
}

/**
 * creditConsequences restricted to the inspection inputs. A substantiated complaint's points are
 * sent by the complaints context's complaintConsequences saga (registered there), whose
 * AddCreditPoints derives the same points id (creditPointsIdFor); running both would send every
 * complaint's points twice (counted once), so one sender per consequence is kept: complaints →
 * complaintConsequences, findings → this saga.
 */
export function findingCreditConsequences(): Workflow<CreditConsequencesState> {
  const workflow = creditConsequencesWorkflow();
  return { ...workflow, inputs: workflow.inputs.filter((type) => type !== 'ComplaintDecided') };
}

/**
 * The credit context in the worker: its streams, its read model (archives with levels, conflicts,
 * draws) and three sagas — creditConsequences (findings in listed adverse categories, 挂牌督办,
 * withdrawals), commitmentBreach (breach → adverse
 * record, and an ethics record for a staff pledge) and randomDrawVisits (published draw → PlanVisit
 * to `visit-…`, whose decider the inspection context registers). Every saga command names its cause.
 */
export const CREDIT_WORKER: WorkerContribution = {
  name: 'credit',
  deciders: [[INSPECTOR_CONFLICTS_CATEGORY, inspectorConflictsDecider]],
  senders,
  projections: ({ readModels }) => [creditProjection(readModels)],
  workflows: () => [findingCreditConsequences(), commitmentBreachWorkflow, randomDrawVisitsWorkflow],
};
