import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK, Command, ID_GENERATOR, IdGenerator, streamName } from '@bihuan/core';
import { EVENT_STORE, EventStore, RecordedEvent } from '@bihuan/event-store';
import { POLICIES, PolicyRegistry, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from '../domain/archive/ethics-archive.decider';
import { EthicsArchiveCommand } from '../domain/archive/ethics-archive.commands';
import { EthicsArchiveState } from '../domain/archive/ethics-archive.state';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsEvaluationCommand } from '../domain/evaluation/ethics-evaluation.commands';
import { EthicsEvaluationState } from '../domain/evaluation/ethics-evaluation.state';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../domain/ethics-policy';

/** The policy context name in the PolicyRegistry (`policy-ethics`). */
export const ETHICS_POLICY_CONTEXT = 'ethics';

/** What a command endpoint answers: the stream, the last position written, and the events' types. */
export interface CommandOutcome {
  readonly id: string;
  readonly stream: string;
  readonly position: number | null;
  readonly events: readonly string[];
}

type Body<C extends Command> = Pick<C, 'type' | 'data'>;

/**
 * The one place the ethics handlers turn an HTTP request into a domain command (application-layer.md):
 * the policy in force, metadata from the clock and id generator, `handleCommand`, then read-your-writes.
 */
@Injectable()
export class EthicsCommandRunner {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  policy(): Promise<EthicsPolicy> {
    return this.policies.current(ETHICS_POLICY_CONTEXT, DEFAULT_ETHICS_POLICY);
  }

  metadata(actor: Actor): Command['metadata'] {
    const commandId = this.ids.next();
    return { commandId, correlationId: commandId, causationId: null, actor, now: this.clock.now().toISOString() };
  }

  async archive(staffId: string, body: Body<EthicsArchiveCommand>, actor: Actor): Promise<CommandOutcome> {
    const stream = streamName(ETHICS_ARCHIVE_CATEGORY, staffId);
    const command = { ...body, metadata: this.metadata(actor) } as EthicsArchiveCommand;
    const result = await handleCommand(this.store, stream, ethicsArchiveDecider(await this.policy()), command);
    return this.settled(staffId, stream, result.events);
  }

  async evaluation(evaluationId: string, body: Body<EthicsEvaluationCommand>, actor: Actor): Promise<CommandOutcome> {
    const stream = streamName(ETHICS_EVALUATION_CATEGORY, evaluationId);
    const command = { ...body, metadata: this.metadata(actor) } as EthicsEvaluationCommand;
    const result = await handleCommand(this.store, stream, ethicsEvaluationDecider(await this.policy()), command);
    return this.settled(evaluationId, stream, result.events);
  }

  /** The archive as its stream tells it now (for scoring, which needs the year's reckoning). */
  async archiveState(staffId: string): Promise<EthicsArchiveState> {
    const decider = ethicsArchiveDecider();
    const events = await this.store.readStream(streamName(ETHICS_ARCHIVE_CATEGORY, staffId));
    return events.reduce((s, e) => decider.evolve(s, e as never), decider.initialState);
  }

  async evaluationState(evaluationId: string): Promise<EthicsEvaluationState> {
    const decider = ethicsEvaluationDecider();
    const events = await this.store.readStream(streamName(ETHICS_EVALUATION_CATEGORY, evaluationId));
    return events.reduce((s, e) => decider.evolve(s, e as never), decider.initialState);
  }

  private async settled(id: string, stream: string, events: readonly RecordedEvent[]): Promise<CommandOutcome> {
    const position = events.length > 0 ? events[events.length - 1]!.position : null;
    await this.sync.waitFor(position);
    return { id, stream, position, events: events.map((e) => e.type) };
  }
}
