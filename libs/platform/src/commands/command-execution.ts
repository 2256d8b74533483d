import { Actor, Clock, Command, CommandMetadata, Decider, DomainEvent, IdGenerator, streamName } from '@bihuan/core';
import { WorkingCalendar } from '@bihuan/calendar';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { handleCommand, HandleCommandOptions, streamState } from '@bihuan/processing';
import { CalendarService } from '../calendar/calendar.service';
import { PolicyRegistry } from '../policy/policy-registry';
import { ReadModelSync } from '../worker/read-model-sync';
import { CommandObserver, observeCommand } from './command-observer';

/** A command as a write builds it, before the metadata is added. */
export type CommandBody<C extends Command> = Pick<C, 'type' | 'data'>;

/** What every context's policy carries: the version recorded on the events it shaped. */
export type PolicyShape = { readonly policyVersion: string };

/** Which policy a write is decided under: the context's overrides applied to its defaults. */
export interface PolicySource<P extends PolicyShape> {
  readonly context: string;
  readonly defaults: P;
}

/** Everything a command may be built from besides the state it will be decided on. */
export interface CommandContext<P extends PolicyShape | undefined = undefined> {
  /** The instant the command is decided at (the metadata's `now`). */
  readonly now: string;
  readonly actor: Actor;
  /** The policy in force (undefined for a write without a policy source). */
  readonly policy: P;
  readonly calendar: WorkingCalendar;
  /** A fresh time-ordered id for something the command creates (a row, an extension request). */
  newId(): string;
}

/**
 * One write to one case stream (docs/helpers/application-layer.md): the stream, its decider (or
 * the decider for the policy in force), an optional check on the loaded state before anything is
 * built (scope: 404 unknown, 403 out of scope), and the function that builds the domain command
 * from that state and the context.
 */
export interface CaseWrite<C extends Command, E extends DomainEvent, S, P extends PolicyShape | undefined = undefined> {
  readonly category: string;
  readonly id: string;
  readonly decider: Decider<C, E, S> | ((policy: P) => Decider<C, E, S>);
  /** Required when P is a policy: the context's policy in force is loaded once per write. */
  readonly policy?: PolicySource<NonNullable<P>>;
  readonly authorize?: (state: S) => void;
  readonly build: (state: S, context: CommandContext<P>) => CommandBody<C>;
  /** Runs once the decider accepted, before the append (handleCommand's `beforeAppend`): keeps an attached file's bytes. */
  readonly beforeAppend?: (events: readonly E[]) => Promise<void>;
  /**
   * `id` was made for this write (a new case, a fresh time-ordered id): a person's command then
   * decides on the empty stream without reading it first (handleCommand's `newStream`).
   */
  readonly creates?: boolean;
}

/** What every write answers: the case id, its stream, the last log position written, the event types, the state after. */
export interface CommandOutcome<S = unknown> {
  readonly id: string;
  readonly stream: string;
  readonly position: number | null;
  readonly events: readonly string[];
  readonly state: S;
}

/**
 * The one seam every write goes through, from HTTP and from the worker alike: it loads the stream
 * once, checks the state, builds the command on it, decides and appends (handleCommand, with its
 * retries and redelivery check), and answers a {@link CommandOutcome}. `execute` is a person's
 * request (fresh metadata, then read-your-writes); `deliver` is a saga's or timer's command (its
 * own deterministic metadata, no wait: the worker's runners must not wait on themselves).
 */
export class CommandExecution {
  private observer: CommandObserver | null = null;

  constructor(
    readonly store: EventStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly sync: ReadModelSync,
    private readonly calendars: CalendarService,
    private readonly policies: PolicyRegistry,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  /** The app's metrics watch every command from here (set once at start; platform knows no metrics). */
  observe(observer: CommandObserver): void {
    this.observer = observer;
  }

  /**
   * A person's command: a fresh id that also starts a correlation; the next read sees its effects.
   * `continues` names a correlation already on the record instead, for a step of an exchange that
   * belongs to a case recorded elsewhere (a referral's answer to the case referred, a lead's
   * complaint ticket): the audit's case index links streams that share a correlation, so the
   * case's history shows the exchange and the exchange's history shows the case.
   */
  async execute<C extends Command, E extends DomainEvent, S, P extends PolicyShape | undefined = undefined>(
    actor: Actor,
    write: CaseWrite<C, E, S, P>,
    continues?: { readonly correlationId: string },
  ): Promise<CommandOutcome<S>> {
    const commandId = this.ids.next();
    const correlationId = continues?.correlationId ?? commandId;
    return observeCommand(this.observer, 'request', write, async (observed) => {
      // A fresh command id: no earlier delivery of it can be in the log (handleCommand's `newCommand`).
      const fresh = { newCommand: true, newStream: write.creates === true };
      const outcome = await this.write({ commandId, correlationId, causationId: null, actor, now: this.now() }, observed, fresh);
      return { outcome, settled: await this.settle(outcome.position) };
    });
  }

  /**
   * A command that arrives with its metadata (a timer's wake-up, a saga's step): built and decided
   * as `write` says, at the command's own `now`. `write.build` gets the command's data to adjust.
   */
  deliver<C extends Command, E extends DomainEvent, S, P extends PolicyShape | undefined = undefined>(
    metadata: CommandMetadata,
    write: CaseWrite<C, E, S, P>,
  ): Promise<CommandOutcome<S>> {
    return observeCommand(this.observer, 'delivery', write, async (observed) => ({
      outcome: await this.write(metadata, observed, {}),
      settled: true,
    }));
  }

  /**
   * The state of a case as its decider folds it now (no scope check: callers check), through the
   * same stream state cache as writes: a long case reads as fast as a short one.
   */
  state<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, category: string, id: string): Promise<S> {
    return streamState(this.store, streamName(category, id), decider);
  }

  private async write<C extends Command, E extends DomainEvent, S, P extends PolicyShape | undefined>(
    metadata: CommandMetadata,
    write: CaseWrite<C, E, S, P>,
    fresh: Pick<HandleCommandOptions, 'newCommand' | 'newStream'>,
  ): Promise<CommandOutcome<S>> {
    const stream = streamName(write.category, write.id);
    const [policy, calendar] = await Promise.all([this.policyOf<P>(write.policy), this.calendars.current()]);
    const decider = typeof write.decider === 'function' ? write.decider(policy) : write.decider;
    const context: CommandContext<P> = { now: metadata.now, actor: metadata.actor, policy, calendar, newId: () => this.ids.next() };
    const build = (state: S): C => {
      write.authorize?.(state);
      return { ...write.build(state, context), metadata } as C;
    };
    const beforeAppend = write.beforeAppend as ((events: readonly DomainEvent[]) => Promise<void>) | undefined;
    const result = await handleCommand(this.store, stream, decider, { metadata, build }, beforeAppend ? { ...fresh, beforeAppend } : fresh);
    return {
      id: write.id,
      stream,
      position: lastPosition(result.events),
      events: result.events.map((e) => e.type),
      state: result.newState,
    };
  }

  /** A write whose P is a policy names its source; one without has P = undefined (the cast says exactly that). */
  private async policyOf<P extends PolicyShape | undefined>(source: PolicySource<NonNullable<P>> | undefined): Promise<P> {
    return (source ? await this.policies.current(source.context, source.defaults) : undefined) as P;
  }

  /**
   * Read-your-writes: the read models have seen this write, and whatever workflows answered since.
   * False when they did not catch up (timeout, worker stopping or restarting a runner): the write
   * happened all the same, so the command answers 2xx and only its next read may lag.
   */
  private async settle(position: number | null): Promise<boolean> {
    if (position === null) return true;
    if (!(await this.sync.waitFor(position))) return false;
    const head = await this.store.headPosition();
    return head === null || head <= position || this.sync.waitFor(head);
  }
}

function lastPosition(events: readonly RecordedEvent[]): number | null {
  return events.length > 0 ? events[events.length - 1]!.position : null;
}
