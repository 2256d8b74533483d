import type Database from 'better-sqlite3';
import { AnyDecider, Clock, IdGenerator, Workflow } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CommandRouter, CommandSender, Projection } from '@bihuan/processing';
import { CalendarService } from '../calendar/calendar.service';
import { PolicyRegistry } from '../policy/policy-registry';
import { TimerScheduler } from '@bihuan/timers';

/** What a contribution may build its projections from. */
export interface WorkerDeps {
  readonly store: EventStore;
  readonly scheduler: TimerScheduler;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The read-model database (the embedded SQLite file; in-memory SQLite in tests). */
  readonly readModels: Database.Database;
  readonly router: CommandRouter;
  readonly calendar: CalendarService;
  readonly policies: PolicyRegistry;
}

/**
 * What one bounded context (or the platform) adds to the worker: deciders that timers and
 * workflows may address by stream category, read-model projections, and workflows (sagas).
 * Contributions are listed in `worker-contributions.ts`; the worker starts them all.
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
