import { Actor, Clock, Command, Decider, DomainEvent, fold, IdGenerator, streamName } from '@bihuan/core';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { handleCommand } from '@bihuan/processing';
import { ReadModelSync } from '../worker/read-model-sync';

/** What a command endpoint answers: the case id, its stream, the last position written, the event types. */
export interface CommandOutcome {
  readonly id: string;
  readonly stream: string;
  readonly position: number | null;
  readonly events: readonly string[];
}

/** A command as a handler builds it, before the metadata is added. */
export type CommandBody<C extends Command> = Pick<C, 'type' | 'data'>;

/**
 * The one way an HTTP request becomes a decided command (docs/helpers/application-layer.md):
 * metadata from the clock and id generator, `handleCommand` with its retries, then
 * read-your-writes, so the next GET shows the change.
 */
export class CommandExecution {
  constructor(
    readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly sync: ReadModelSync,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  /** Metadata of a command started by a person: a fresh id that also starts a correlation. */
  metadata(actor: Actor): Command['metadata'] {
    const commandId = this.ids.next();
    return { commandId, correlationId: commandId, causationId: null, actor, now: this.now() };
  }

  async run<C extends Command, E extends DomainEvent, S>(
    category: string,
    id: string,
    decider: Decider<C, E, S>,
    body: CommandBody<C>,
    actor: Actor,
  ): Promise<CommandOutcome> {
    const stream = streamName(category, id);
    const result = await handleCommand(this.store, stream, decider, { ...body, metadata: this.metadata(actor) } as C);
    return this.settled(id, stream, result.events);
  }

  /** The state of a stream as its decider folds it now. */
  async state<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, category: string, id: string): Promise<S> {
    const events = await this.store.readStream(streamName(category, id));
    return fold(decider, events as unknown as E[]);
  }

  private async settled(id: string, stream: string, events: readonly RecordedEvent[]): Promise<CommandOutcome> {
    const position = events.length > 0 ? events[events.length - 1]!.position : null;
    await this.sync.waitFor(position);
    return { id, stream, position, events: events.map((e) => e.type) };
  }
}
