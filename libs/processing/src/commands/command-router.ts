import { categoryOf, Command, Decider, DomainEvent } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { handleCommand, HandleCommandOptions, HandleCommandResult } from './handle-command';

/** Anything that can deliver a command to a stream; sagas and timers depend on this, not on deciders. */
export interface CommandSender {
  send(stream: string, command: Command): Promise<HandleCommandResult<unknown>>;
}

/**
 * Routes a command to the decider of its stream's category (`complaintTicket-42` → complaintTicket),
 * so workflows and timers can address any stream without knowing the bounded contexts.
 */
export class CommandRouter implements CommandSender {
  private readonly deciders = new Map<string, Decider<Command, DomainEvent, unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly options: HandleCommandOptions = {},
  ) {}

  /** Registers the decider that owns every stream of `category`; one decider per category. */
  register<C extends Command, E extends DomainEvent, S>(category: string, decider: Decider<C, E, S>): this {
    if (this.deciders.has(category)) throw new Error(`A decider is already registered for category "${category}"`);
    this.deciders.set(category, decider as unknown as Decider<Command, DomainEvent, unknown>);
    return this;
  }

  categories(): string[] {
    return [...this.deciders.keys()];
  }

  send(stream: string, command: Command): Promise<HandleCommandResult<unknown>> {
    const category = categoryOf(stream);
    const decider = this.deciders.get(category);
    if (!decider) return Promise.reject(new Error(`No decider registered for category "${category}" (stream ${stream})`));
    return handleCommand(this.store, stream, decider, command, this.options);
  }
}
