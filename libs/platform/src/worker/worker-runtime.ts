import {
  CommandRouter,
  DEADLINE_TIMERS,
  deadlineTimersWorkflow,
  PendingDeadlinesProjection,
  ProjectionLag,
  ProjectionRunner,
  rearmPendingDeadlines,
  TableCheckpointStore,
  TableDeadLetterStore,
  TimerDispatcher,
  TimerReconciler,
  TimerStatus,
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

export interface WorkerRuntimeOptions {
  /** Seconds between timer reconciliations (TIMER_RECONCILE_SECONDS), in ms. Default 30 s. */
  readonly timerReconcileMs?: number;
}

const DEFAULT_RECONCILE_MS = 30_000;

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
  private reconciler: TimerReconciler | null = null;

  constructor(
    private readonly deps: Omit<WorkerDeps, 'router' | 'commands'> & {
      readonly router?: CommandRouter;
      readonly commands?: CommandExecution;
    },
    private readonly contributions: readonly WorkerContribution[],
    private readonly logger: WorkerLog,
    private readonly options: WorkerRuntimeOptions = {},
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
    const checkpoints = new TableCheckpointStore(deps.database);
    const deadLetters = new TableDeadLetterStore(deps.database);
    const onError = (error: unknown, name: string): void =>
      this.logger.error(`Projection ${name} failed, restarting from its checkpoint: ${String(error)}`);
    const pending = PendingDeadlinesProjection.table(deps.database);
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
    this.startReconciler(pendingRunner, pending, deps);
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
    await this.reconciler?.stop();
    await this.deps.scheduler.stop();
    await Promise.all([...this.workflows, ...this.projections].map((r) => r.stop()));
    await this.rearmed;
    this.projections.length = 0;
    this.workflows.length = 0;
    this.logger.log('Worker stopped');
  }

  /** Pending deadlines vs armed timers as the last reconciliation found them, and its repairs so far. */
  timerStatus(): TimerStatus {
    return (
      this.reconciler?.status() ?? {
        backend: this.deps.scheduler.kind,
        pendingDeadlines: null,
        expectedTimers: null,
        armedTimers: null,
        missing: null,
        repairsTotal: 0,
        lastReconciledAt: null,
      }
    );
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

  /**
   * Keeps timers in step with pending deadlines while running (start-up and reconnect re-arm all;
   * this re-arms only what is missing), from after the start-up re-arm. Before confirming a missing
   * timer it lets pending-deadlines and the deadline workflow reach the log
   * head, for at most one interval (at least 5 s): a slow catch-up costs a harmless re-arm, not a pass.
   */
  private startReconciler(pendingRunner: ProjectionRunner, pending: PendingDeadlinesProjection, deps: WorkerDeps): void {
    const intervalMs = this.options.timerReconcileMs ?? DEFAULT_RECONCILE_MS;
    const deadlineWorkflow = this.workflows.find((w) => w.workflow.name === DEADLINE_TIMERS);
    const settle = async (): Promise<void> => {
      const head = await deps.store.headPosition();
      if (head === null) return;
      let timeout: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => (timeout = setTimeout(resolve, Math.max(5_000, intervalMs))));
      const caughtUp = Promise.all([pendingRunner.caughtUpTo(head), deadlineWorkflow?.caughtUpTo(head)]).catch(() => undefined);
      await Promise.race([caughtUp, bound]).finally(() => clearTimeout(timeout));
    };
    const reconciler = new TimerReconciler({
      source: pending,
      scheduler: deps.scheduler,
      clock: deps.clock,
      intervalMs,
      settle,
      warn: (message) => this.logger.warn(message),
    });
    this.reconciler = reconciler;
    void this.rearmed.then(() => {
      if (this.started && this.reconciler === reconciler) reconciler.start();
    });
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
