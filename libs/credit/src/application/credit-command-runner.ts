import { Inject, Injectable } from '@nestjs/common';
import { Actor, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CommandBody, CommandExecution, CommandOutcome, POLICIES, PolicyRegistry } from '@bihuan/platform';
import { CreditArchiveCommand } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY, creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveState } from '../domain/archive/credit-archive.state';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { RandomDrawCommand } from '../domain/draw/random-draw.messages';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider, RandomDrawState } from '../domain/draw/random-draw.decider';
import { INSPECTOR_CONFLICTS_CATEGORY, inspectorConflictsDecider, InspectorConflictsCommand } from './conflicts/inspector-conflicts.decider';

/** The policy context name in the PolicyRegistry (`policy-credit`). */
export const CREDIT_POLICY_CONTEXT = 'credit';

export type CreditCommandOutcome = Omit<CommandOutcome, 'state'>;

const outcomeOf = ({ id, stream, position, events }: CommandOutcome): CreditCommandOutcome => ({ id, stream, position, events });

/**
 * Where the credit handlers turn a request into a domain command: the credit policy in force,
 * then the platform's CommandExecution (metadata, handleCommand, read-your-writes).
 */
@Injectable()
export class CreditCommandRunner {
  readonly store: EventStore;

  constructor(
    private readonly execution: CommandExecution,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
  ) {
    this.store = execution.store;
  }

  policy(): Promise<CreditPolicy> {
    return this.policies.current(CREDIT_POLICY_CONTEXT, DEFAULT_CREDIT_POLICY);
  }

  now(): string {
    return this.execution.now();
  }

  async archive(institutionId: string, body: CommandBody<CreditArchiveCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.execution.execute(actor, { category: CREDIT_ARCHIVE_CATEGORY, id: institutionId, decider: creditArchiveDecider(await this.policy()), build: () => body }).then(outcomeOf);
  }

  async draw(drawId: string, body: CommandBody<RandomDrawCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.execution.execute(actor, { category: RANDOM_DRAW_CATEGORY, id: drawId, decider: randomDrawDecider(await this.policy()), build: () => body }).then(outcomeOf);
  }

  conflicts(inspectorId: string, body: CommandBody<InspectorConflictsCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.execution.execute(actor, { category: INSPECTOR_CONFLICTS_CATEGORY, id: inspectorId, decider: inspectorConflictsDecider, build: () => body }).then(outcomeOf);
  }

  archiveState(institutionId: string): Promise<CreditArchiveState> {
    return this.execution.state(creditArchiveDecider(), CREDIT_ARCHIVE_CATEGORY, institutionId);
  }

  drawState(drawId: string): Promise<RandomDrawState> {
    return this.execution.state(randomDrawDecider(), RANDOM_DRAW_CATEGORY, drawId);
  }
}
