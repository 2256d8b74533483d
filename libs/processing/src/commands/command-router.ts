import { AnyDecider, categoryOf, Command, Decider, DomainEvent } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { handleCommand, HandleCommandOptions } from './handle-command';

/**
 * Anything that can deliver a command to a stream; sagas and timers depend on this, not on deciders.
 * They only need it to settle (written, or a harmless no-op) or throw; what it answers is the
 * sender's own (handleCommand's result, or the platform's CommandOutcome).
 */
export interface CommandSender {
  send(stream: string, command: Command): Promise<unknown>;
}

/**
 * Routes a command to the decider of its stream's category (`complaintTicket-42` → complaintTicket),
 * so workflows and timers can address any stream without knowing the bounded contexts.
 */
export class CommandRouter implements CommandSender {
  private readonly deciders = new Map<string, AnyDecider>();
  private readonly senders = new Map<string, CommandSender>();

  constructor(
    private readonly store: EventStore,
    private readonly options: HandleCommandOptions = {},
  ) {}

  /** Registers the decider that owns every stream of `category`; one decider per category. */
  register<C extends Command, E extends DomainEvent, S>(category: string, decider: Decider<C, E, S>): this {
    if (this.deciders.has(category) || this.senders.has(category)) {
      throw new Error(`A decider or sender is already registered for category "${category}"`);
    }
    this.deciders.set(category, decider);
    return this;
  }

  /**
   * Registers an application-level sender for a category instead of a bare decider: used where a
   * command needs data the pure decider cannot compute, e.g. a deadline wake-up that must carry the
   * next escalation rung's working-day window (calendar + policy are I/O-backed).
   */
  registerSender(category: string, sender: CommandSender): this {
    if (this.deciders.has(category) || this.senders.has(category)) {
      throw new Error(`A decider or sender is already registered for category "${category}"`);
    }
    this.senders.set(category, sender);
    return this;
  }

  categories(): string[] {
    return [...this.deciders.keys(), ...this.senders.keys()];
  }

  send(stream: string, command: Command): Promise<unknown> {
    const category = categoryOf(stream);
    const sender = this.senders.get(category);
    if (sender) return sender.send(stream, command);
    const decider = this.deciders.get(category);
    if (!decider) return Promise.reject(new Error(`No decider registered for category "${category}" (stream ${stream})`));
    return handleCommand(this.store, stream, decider, command, this.options);
  }
}
