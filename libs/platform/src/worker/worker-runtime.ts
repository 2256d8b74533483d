import {
  CommandRouter,
  deadlineTimersWorkflow,
  PendingDeadlinesProjection,
  ProjectionLag,
  ProjectionRunner,
  rearmPendingDeadlines,
  SqliteCheckpointStore,
  SqliteDeadLetterStore,
  TimerDispatcher,
  WorkflowRunner,
} from '@bihuan/processing';
import { Workflow } from '@bihuan/core';
import { CommandExecution } from '../commands/command-execution';
import { DeadlineRecomputeProcessor } from '../calendar/deadline-recompute.processor';
import { WorkerContribution, WorkerDeps, workerCommandExecution } from './worker-contribution';

export interface WorkerLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One projection's progress, for admins (`GET /admin/projections`) and tests. */
export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: number | null;
  readonly running: boolean;
  readonly failures: number;
  readonly lastError: string | null;
}

/** A projection's or workflow's distance from the log's head (`WorkerRuntime.lag`). */
export interface RunnerLag extends ProjectionLag {
  readonly kind: 'projection' | 'workflow';
}

/**
 * The worker without Nest. On start: every projection (the platform's stream-stats,
 * pending-deadlines and the deadline recomputation on calendar imports, and each contribution's) and every workflow (the deadline-timers workflow and
 * each contribution's) runs from the log with checkpoints in the read-model database; the timer
 * consumer delivers wake-ups through the TimerDispatcher; and once pending-deadlines has caught up
 * with the log, every pending deadline's timers are re-armed. `start` only subscribes: it never
 * waits for a runner to catch up, so an API in the same process serves at once while projections
 * catch up in batches that yield to the event loop (`lag` says how far behind they are). `stop`
 * stops the timer consumer first (no new commands), then the runners.
 */
export class WorkerRuntime {
  readonly projections: ProjectionRunner[] = [];
  readonly workflows: WorkflowRunner<unknown>[] = [];
  /** Settles when the start-up re-arm is done (or failed, logged). */
  rearmed: Promise<number> = Promise.resolve(0);
  private started = false;
  private stopReconnectRearm: (() => void) | null = null;

  constructor(
    private readonly deps: Omit<WorkerDeps, 'router' | 'commands'> & {
      readonly router?: CommandRouter;
      readonly commands?: CommandExecution;
    },
    private readonly contributions: readonly WorkerContribution[],
    private readonly logger: WorkerLog,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const router = this.deps.router ?? new CommandRouter(this.deps.store);
    for (const c of this.contributions) for (const [category, decider] of c.deciders ?? []) router.register(category, decider);
    // Senders only `deliver` (no read-your-writes wait), so a runtime without the API's execution gets its own.
    const { store, clock, ids, calendar, policies } = this.deps;
    const commands = this.deps.commands ?? workerCommandExecution({ store, clock, ids, calendar, policies });
    const deps: WorkerDeps = { ...this.deps, router, commands };
    for (const c of this.contributions) for (const [category, sender] of c.senders?.(deps) ?? []) router.registerSender(category, sender);
    const checkpoints = new SqliteCheckpointStore(deps.readModels);
    const deadLetters = new SqliteDeadLetterStore(deps.readModels);
    const onError = (error: unknown, name: string): void =>
      this.logger.error(`Projection ${name} failed, restarting from its checkpoint: ${String(error)}`);
    const pending = PendingDeadlinesProjection.sqlite(deps.readModels);
    const pendingRunner = new ProjectionRunner(deps.store, pending, { checkpoints, onError });
    this.projections.push(pendingRunner);
    const recompute = new DeadlineRecomputeProcessor({
      store: deps.store,
      calendar: deps.calendar,
      clock: deps.clock,
      commands: router,
      pending,
      pendingCaughtUpTo: (position) => this.caughtUp(pendingRunner, position),
      onRefused: (stream, deadlineId, error) =>
        this.logger.warn(`Recomputing ${stream} ${deadlineId} on the imported calendar was refused (not retried): ${String(error)}`),
    });
    this.projections.push(new ProjectionRunner(deps.store, recompute, { checkpoints, onError }));
    const workflows: Workflow<unknown>[] = [deadlineTimersWorkflow as Workflow<unknown>];
    for (const c of this.contributions) {
      for (const projection of c.projections?.(deps) ?? [])
        this.projections.push(new ProjectionRunner(deps.store, projection, { checkpoints, onError }));
      workflows.push(...(c.workflows?.(deps) ?? []));
    }
    for (const workflow of workflows) {
      this.workflows.push(
        new WorkflowRunner(workflow, {
          store: deps.store,
          commands: router,
          timers: deps.scheduler,
          clock: deps.clock,
          checkpoints,
          deadLetters,
          onError: (error, ctx) =>
            this.logger.warn(
              `Workflow ${ctx.workflow} input ${ctx.input} attempt ${ctx.attempt}${ctx.parked ? ' (parked as dead letter)' : ''}: ${String(error)}`,
            ),
        }),
      );
    }
    for (const runner of [...this.projections, ...this.workflows]) await runner.start();
    const dispatcher = new TimerDispatcher(router, deps.clock, {
      onRefused: (timer, error) => this.logger.warn(`Timer ${timer.id} refused by its stream (not retried): ${String(error)}`),
    });
    await deps.scheduler.start(dispatcher.handle);
    this.rearmed = this.rearm(pendingRunner, pending, deps);
    // A timer backend that can lose timers on its own (Redis restarted empty) re-arms on reconnect.
    this.stopReconnectRearm =
      deps.scheduler.onReconnect?.(() => {
        this.logger.warn(`Timer backend ${deps.scheduler.kind} reconnected: re-arming pending deadlines`);
        this.rearmed = this.rearmed.then(() => this.rearm(pendingRunner, pending, deps));
      }) ?? null;
    this.logger.log(
      `Worker started: ${this.projections.length} projection(s), ${this.workflows.length} workflow(s), timers on ${deps.scheduler.kind}`,
    );
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopReconnectRearm?.();
    this.stopReconnectRearm = null;
    await this.deps.scheduler.stop();
    await Promise.all([...this.workflows, ...this.projections].map((r) => r.stop()));
    await this.rearmed;
    this.projections.length = 0;
    this.workflows.length = 0;
    this.logger.log('Worker stopped');
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(this.projections.map(async (r) => ({ name: r.projection.name, checkpoint: await r.checkpoint(), ...r.status() })));
  }

  /**
   * Every projection's and workflow's checkpoint against the head, read once: `behind` > 0 means
   * it is still catching up. For readiness, metrics and `GET /admin/projections`; nothing waits.
   */
  async lag(): Promise<RunnerLag[]> {
    const head = await this.deps.store.headPosition();
    const projections = this.projections.map(async (r) => ({ kind: 'projection' as const, ...(await r.lag(head)) }));
    const workflows = this.workflows.map(async (w) => ({ kind: 'workflow' as const, ...(await w.lag(head)) }));
    return Promise.all([...projections, ...workflows]);
  }

  /**
   * Waits for the runner to reach `head`, across its restarts: a projection that failed once (e.g.
   * SQLITE_BUSY from another process) is restarting, and re-arming must wait for it, not give up.
   */
  private async caughtUp(runner: ProjectionRunner, head: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await runner.caughtUpTo(head);
        return;
      } catch (error) {
        if (!this.started) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
      }
    }
  }

  /** Re-arms from the pending-deadlines read model once it has seen the log as it stood at start. */
  private async rearm(runner: ProjectionRunner, pending: PendingDeadlinesProjection, deps: WorkerDeps): Promise<number> {
    try {
      const head = await deps.store.headPosition();
      if (head !== null) await this.caughtUp(runner, head);
      if (!this.started) return 0;
      const count = await rearmPendingDeadlines(pending, deps.scheduler);
      this.logger.log(`Re-armed ${count} timer(s) of pending deadlines`);
      return count;
    } catch (error) {
      this.logger.error(`Re-arming pending deadlines failed: ${String(error)}`);
      return 0;
    }
  }
}
