import { SqlDatabase } from '@bihuan/database';
import { AnyDecider, Clock, Command, Decider, DomainEvent, IdGenerator, idOf, Workflow } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CommandRouter, CommandSender, Projection } from '@bihuan/processing';
import { CalendarService } from '../calendar/calendar.service';
import { CommandBody, CommandExecution, PolicyShape, PolicySource } from '../commands/command-execution';
import { PolicyRegistry } from '../policy/policy-registry';
import { TimerScheduler } from '@bihuan/timers';
import { ReadModelSync } from './read-model-sync';

/** What a contribution may build its projections from. */
export interface WorkerDeps {
  readonly store: EventStore;
  readonly scheduler: TimerScheduler;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The read-model database (READ_MODELS, migrated): TableProjections, checkpoints, dead letters. */
  readonly database: SqlDatabase;
  readonly router: CommandRouter;
  readonly calendar: CalendarService;
  readonly policies: PolicyRegistry;
  /** The one write seam; senders use `deliver` (a timer's or saga's command keeps its metadata). */
  readonly commands: CommandExecution;
}

/**
 * The write seam of a worker (`WorkerDeps.commands`), on its store, calendar and policies: senders
 * `deliver` a timer's or saga's command with its own metadata (ADR 0005). Nothing in the worker
 * waits for read models (its runners must not wait on themselves), hence a sync with no runners.
 */
export function workerCommandExecution(deps: Pick<WorkerDeps, 'store' | 'clock' | 'ids' | 'calendar' | 'policies'>): CommandExecution {
  return new CommandExecution(deps.store, deps.clock, deps.ids, new ReadModelSync(), deps.calendar, deps.policies);
}

/**
 * What one bounded context (or the platform) adds to the worker: deciders that timers and
 * workflows may address by stream category, read-model projections, and workflows (sagas).
 * Contributions are listed in `libs/app/src/worker/worker-contributions.ts`; the worker starts them all.
 */
export interface WorkerContribution {
  readonly name: string;
  /** `[category, decider]`: the CommandRouter sends `<category>-…` commands to this decider. */
  readonly deciders?: readonly (readonly [string, AnyDecider])[];
  /**
   * `[category, sender]`: an application-level sender used instead of a bare decider, e.g. one that
   * adds the next escalation rung's working-day window to a deadline wake-up before deciding.
   */
  readonly senders?: (deps: WorkerDeps) => readonly (readonly [string, CommandSender])[];
  readonly projections?: (deps: WorkerDeps) => readonly Projection[];
  readonly workflows?: (deps: WorkerDeps) => readonly Workflow<unknown>[];
}

/**
 * `[category, sender]` for a category whose decider needs only its context's policy in force: each
 * routed command (a saga's step, a timer's wake-up) is delivered through the write seam with its
 * own metadata. The command arrives untyped from the router; its decider validates the data.
 */
export function policySender<C extends Command, E extends DomainEvent, S, P extends PolicyShape>(
  execution: CommandExecution,
  category: string,
  decider: (policy: P) => Decider<C, E, S>,
  policy: PolicySource<P>,
): readonly [string, CommandSender] {
  const body = (command: Command) => ({ type: command.type, data: command.data }) as CommandBody<C>;
  return [
    category,
    {
      send: (stream, command) =>
        execution.deliver(command.metadata, { category, id: idOf(stream), decider, policy, build: () => body(command) }),
    },
  ];
}
