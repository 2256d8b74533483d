import { Inject, Injectable } from '@nestjs/common';
import { Actor, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CommandBody, CommandExecution, CommandOutcome, POLICIES, PolicyRegistry } from '@bihuan/platform';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from '../domain/archive/ethics-archive.decider';
import { EthicsArchiveCommand } from '../domain/archive/ethics-archive.commands';
import { EthicsArchiveState } from '../domain/archive/ethics-archive.state';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsEvaluationCommand } from '../domain/evaluation/ethics-evaluation.commands';
import { EthicsEvaluationState } from '../domain/evaluation/ethics-evaluation.state';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../domain/ethics-policy';

/** The policy context name in the PolicyRegistry (`policy-ethics`). */
export const ETHICS_POLICY_CONTEXT = 'ethics';

export type EthicsCommandOutcome = Omit<CommandOutcome, 'state'>;

const outcomeOf = ({ id, stream, position, events }: CommandOutcome): EthicsCommandOutcome => ({ id, stream, position, events });

/**
 * Where the ethics handlers turn a request into a domain command: the ethics policy in force,
 * then the platform's CommandExecution (metadata, handleCommand, read-your-writes).
 */
@Injectable()
export class EthicsCommandRunner {
  readonly store: EventStore;

  constructor(
    private readonly execution: CommandExecution,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
  ) {
    this.store = execution.store;
  }

  policy(): Promise<EthicsPolicy> {
    return this.policies.current(ETHICS_POLICY_CONTEXT, DEFAULT_ETHICS_POLICY);
  }

  now(): string {
    return this.execution.now();
  }

  async archive(staffId: string, body: CommandBody<EthicsArchiveCommand>, actor: Actor): Promise<EthicsCommandOutcome> {
    return this.execution.execute(actor, { category: ETHICS_ARCHIVE_CATEGORY, id: staffId, decider: ethicsArchiveDecider(await this.policy()), build: () => body }).then(outcomeOf);
  }

  async evaluation(evaluationId: string, body: CommandBody<EthicsEvaluationCommand>, actor: Actor): Promise<EthicsCommandOutcome> {
    return this.execution.execute(actor, { category: ETHICS_EVALUATION_CATEGORY, id: evaluationId, decider: ethicsEvaluationDecider(await this.policy()), build: () => body }).then(outcomeOf);
  }

  /** The archive as its stream tells it now (for scoring, which needs the year's reckoning). */
  archiveState(staffId: string): Promise<EthicsArchiveState> {
    return this.execution.state(ethicsArchiveDecider(), ETHICS_ARCHIVE_CATEGORY, staffId);
  }

  evaluationState(evaluationId: string): Promise<EthicsEvaluationState> {
    return this.execution.state(ethicsEvaluationDecider(), ETHICS_EVALUATION_CATEGORY, evaluationId);
  }
}
