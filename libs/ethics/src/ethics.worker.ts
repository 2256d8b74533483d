import { Command } from '@bihuan/core';
import { WorkerContribution, WorkerDeps } from '@bihuan/platform';
import { CommandSender, handleCommand } from '@bihuan/processing';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from './domain/archive/ethics-archive.decider';
import { EthicsArchiveCommand } from './domain/archive/ethics-archive.commands';
import { DEFAULT_ETHICS_POLICY } from './domain/ethics-policy';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from './domain/evaluation/ethics-evaluation.decider';
import { EthicsEvaluationCommand } from './domain/evaluation/ethics-evaluation.commands';
import { ethicsProjection } from './read-models/ethics.projection';
import { ETHICS_POLICY_CONTEXT } from './application/ethics-command-runner';


/** Senders that decide with the ethics policy in force (PolicyRegistry), as the API's handlers do. */
function senders(deps: WorkerDeps): (readonly [string, CommandSender])[] {
  const policy = () => deps.policies.current(ETHICS_POLICY_CONTEXT, DEFAULT_ETHICS_POLICY);
  return [
    [ETHICS_ARCHIVE_CATEGORY, { send: async (stream: string, command: Command) => handleCommand(deps.store, stream, ethicsArchiveDecider(await policy()), command as EthicsArchiveCommand) }],
    [ETHICS_EVALUATION_CATEGORY, { send: async (stream: string, command: Command) => handleCommand(deps.store, stream, ethicsEvaluationDecider(await policy()), command as EthicsEvaluationCommand) }],
  ];
}

/**
 * The ethics context in the worker: its streams are reachable by sagas (the complaints context's
 * complaintConsequences and the credit context's commitmentBreach send AddEthicsRecord), and the
 * read model is kept. The `complaintEthics` saga is deliberately not run: complaintConsequences
 * (registered by the complaints context) already sends the same AddEthicsRecord for the same
 * ComplaintDecided, with the same deterministic record id.
 */
export const ETHICS_WORKER: WorkerContribution = {
  name: 'ethics',
  senders,
  projections: ({ readModels }) => [ethicsProjection(readModels)],
};
