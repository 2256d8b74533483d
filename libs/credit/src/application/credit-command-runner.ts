import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK, Command, Decider, DomainEvent, ID_GENERATOR, IdGenerator, streamName } from '@bihuan/core';
import { EVENT_STORE, EventStore, RecordedEvent } from '@bihuan/event-store';
import { POLICIES, PolicyRegistry, READ_MODEL_SYNC, ReadModelSync } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import { CreditArchiveCommand } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY, creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveState } from '../domain/archive/credit-archive.state';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { RandomDrawCommand } from '../domain/draw/random-draw.messages';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider, RandomDrawState } from '../domain/draw/random-draw.decider';
import { INSPECTOR_CONFLICTS_CATEGORY, inspectorConflictsDecider, InspectorConflictsCommand } from './conflicts/inspector-conflicts.decider';

/** The policy context name in the PolicyRegistry (`policy-credit`). */
export const CREDIT_POLICY_CONTEXT = 'credit';

export interface CreditCommandOutcome {
  readonly id: string;
  readonly stream: string;
  readonly position: number | null;
  readonly events: readonly string[];
}

type Body<C extends Command> = Pick<C, 'type' | 'data'>;

/**
 * Where the credit handlers turn a request into a domain command (application-layer.md): the
 * credit policy in force, metadata from clock and ids, handleCommand, then read-your-writes.
 */
@Injectable()
export class CreditCommandRunner {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    @Inject(ID_GENERATOR) readonly ids: IdGenerator,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(READ_MODEL_SYNC) private readonly sync: ReadModelSync,
  ) {}

  policy(): Promise<CreditPolicy> {
    return this.policies.current(CREDIT_POLICY_CONTEXT, DEFAULT_CREDIT_POLICY);
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  metadata(actor: Actor): Command['metadata'] {
    const commandId = this.ids.next();
    return { commandId, correlationId: commandId, causationId: null, actor, now: this.now() };
  }

  async archive(institutionId: string, body: Body<CreditArchiveCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.run(CREDIT_ARCHIVE_CATEGORY, institutionId, creditArchiveDecider(await this.policy()), body, actor);
  }

  async draw(drawId: string, body: Body<RandomDrawCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.run(RANDOM_DRAW_CATEGORY, drawId, randomDrawDecider(await this.policy()), body, actor);
  }

  conflicts(inspectorId: string, body: Body<InspectorConflictsCommand>, actor: Actor): Promise<CreditCommandOutcome> {
    return this.run(INSPECTOR_CONFLICTS_CATEGORY, inspectorId, inspectorConflictsDecider, body, actor);
  }

  async archiveState(institutionId: string): Promise<CreditArchiveState> {
    return this.fold(creditArchiveDecider(), streamName(CREDIT_ARCHIVE_CATEGORY, institutionId));
  }

  async drawState(drawId: string): Promise<RandomDrawState> {
    return this.fold(randomDrawDecider(), streamName(RANDOM_DRAW_CATEGORY, drawId));
  }

  private async fold<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, stream: string): Promise<S> {
    const events = await this.store.readStream(stream);
    return events.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState);
  }

  private async run<C extends Command, E extends DomainEvent, S>(category: string, id: string, decider: Decider<C, E, S>, body: Body<C>, actor: Actor): Promise<CreditCommandOutcome> {
    const stream = streamName(category, id);
    const result = await handleCommand(this.store, stream, decider, { ...body, metadata: this.metadata(actor) } as C);
    return this.settled(id, stream, result.events);
  }

  private async settled(id: string, stream: string, events: readonly RecordedEvent[]): Promise<CreditCommandOutcome> {
    const position = events.length > 0 ? events[events.length - 1]!.position : null;
    await this.sync.waitFor(position);
    return { id, stream, position, events: events.map((e) => e.type) };
  }
}
