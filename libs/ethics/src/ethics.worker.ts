import { policySender, WorkerContribution } from '@bihuan/platform';
import { ETHICS_POLICY } from './application/ethics-writes';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from './domain/archive/ethics-archive.decider';
import { EthicsPolicy } from './domain/ethics-policy';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from './domain/evaluation/ethics-evaluation.decider';
import { ethicsProjection } from './read-models/ethics.projection';

/**
 * The ethics context in the worker: its streams are reachable by sagas (the complaints context's
 * complaintConsequences — the one home of "substantiated complaint → ethics record" — and the
 * credit context's commitmentBreach send AddEthicsRecord), written through the write seam
 * (CommandExecution.deliver) with the ethics policy in force as the API's are; and the read model
 * is kept. This context runs no saga of its own.
 */
export const ETHICS_WORKER: WorkerContribution = {
  name: 'ethics',
  senders: (deps) => {
    const execution = deps.commands;
    return [
      policySender(execution, ETHICS_ARCHIVE_CATEGORY, (policy: EthicsPolicy) => ethicsArchiveDecider(policy), ETHICS_POLICY),
      policySender(execution, ETHICS_EVALUATION_CATEGORY, (policy: EthicsPolicy) => ethicsEvaluationDecider(policy), ETHICS_POLICY),
    ];
  },
  projections: ({ database }) => [ethicsProjection(database)],
};
