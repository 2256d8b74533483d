import { DEFAULT_BATCH_EVENTS, EventStore, RecordedEvent, Subscription } from '@bihuan/event-store';
import { CheckpointStore } from '../checkpoints/checkpoint-store.port';
import { backoffDelay, errorMessage } from '../retry';
import { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Where the checkpoint lives unless the projection brings its own. */
  readonly checkpoints: CheckpointStore;
  /** Told about a failing handler; the runner restarts from the checkpoint after a backoff. */
  readonly onError?: (error: unknown, projection: string) => void;
  readonly restartBaseDelayMs?: number;
  readonly restartMaxDelayMs?: number;
  /** Most events per batch for a projection with `handleBatch` (default 500). */
  readonly batchEvents?: number;
}

/** Where a runner stands against the log's head: what "is projection X behind by N?" reads. */
export interface ProjectionLag {
  readonly name: string;
  /** The last handled position as saved (null: none yet). */
  readonly checkpoint: number | null;
  /** How far the log has been looked at, filtered-out events included (null: not yet). */
  readonly scanned: number | null;
  readonly head: number | null;
  /** Events between what has been seen and the head (0: caught up). */
  readonly behind: number;
}

/**
 * Runs one projection from the store's catch-up subscription, starting after its checkpoint and
 * saving the checkpoint after every handled batch (a projection without `handleBatch` gets batches
 * of one event), so a restart resumes without handling an event
 * twice (or, with a projection that checkpoints in its own transaction, exactly once). A failing
 * handler stops delivery; the runner restarts from the checkpoint with backoff — it never skips.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private running = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;
  /**
   * The last position this runner has handled and checkpointed, as this process knows it (the
   * checkpoint loaded at subscribe, then each handled batch's last): what `reached` answers from.
   */
  private handled: number | null = null;
  /** Set once `handled` has been loaded from the checkpoint (null then means "nothing yet"). */
  private loaded = false;

  constructor(
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {}

  private get checkpoints(): CheckpointStore {
    return this.projection.checkpoints ?? this.options.checkpoints;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.subscribe();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /**
   * Whether every event up to `position` has been handled (or, filtered out, looked at), from
   * memory: every command's read-your-writes wait asks this of every runner, and a checkpoint
   * query per runner per request was most of a command's database work (issue 14, item 6).
   */
  reached(position: number): boolean {
    return Math.max(this.handled ?? -1, this.subscription?.scannedPosition() ?? -1) >= position;
  }

  /**
   * Resolves once every event up to `position` has been handled and checkpointed. A running runner
   * answers from memory and its subscription; only one that is not running (stopped, restarting
   * after a failure) reads the saved checkpoint, which another worker may have moved.
   */
  async caughtUpTo(position: number): Promise<void> {
    if (this.reached(position)) return;
    if (this.subscription) return this.subscription.caughtUpTo(position);
    const checkpoint = await this.checkpoints.load(this.projection.name);
    if (checkpoint !== null && checkpoint >= position) return;
    // Subscribed again while the checkpoint was read (a restart after a failure).
    const subscription = this.subscription as Subscription | null;
    if (!subscription) throw new Error(`Projection ${this.projection.name} is not running`);
    await subscription.caughtUpTo(position);
  }

  /** The last handled position (null: none yet). */
  checkpoint(): Promise<number | null> {
    return this.checkpoints.load(this.projection.name);
  }

  /**
   * How far behind `head` the projection is. A filtered projection's checkpoint moves only on the
   * events it reads, so the subscription's scanned position (all events looked at) counts too.
   */
  async lag(head: number | null): Promise<ProjectionLag> {
    const checkpoint = await this.checkpoint();
    const scanned = this.subscription?.scannedPosition() ?? null;
    const seen = Math.max(checkpoint ?? 0, scanned ?? 0);
    return { name: this.projection.name, checkpoint, scanned, head, behind: head === null ? 0 : Math.max(0, head - seen) };
  }

  /**
   * `lag(head).behind`, from memory while the runner runs (every command asks, so no promise then);
   * the saved checkpoint is read only before the first subscription has loaded it or while not running.
   */
  behind(head: number): number | Promise<number> {
    if (this.reached(head)) return 0;
    if (this.subscription && this.loaded) return head - Math.max(this.handled ?? 0, this.subscription.scannedPosition() ?? 0);
    return this.lag(head).then((lag) => lag.behind);
  }

  /** Why the last delivery failed, if the runner is waiting to restart. */
  status(): { running: boolean; failures: number; lastError: string | null } {
    return { running: this.running, failures: this.failures, lastError: this.lastError };
  }

  private async subscribe(): Promise<void> {
    const fromPosition = await this.checkpoints.load(this.projection.name);
    if (!this.running) return;
    this.handled = fromPosition;
    this.loaded = true;
    const batches = this.projection.handleBatch !== undefined;
    const delivery = {
      batch: (events: readonly RecordedEvent[]) => this.handle(events),
      maxEvents: batches ? (this.options.batchEvents ?? DEFAULT_BATCH_EVENTS) : 1,
    };
    this.subscription = this.store.subscribeToAll(delivery, {
      fromPosition,
      filter: this.projection.filter,
      onError: (error) => this.failed(error),
    });
  }

  private async handle(events: readonly RecordedEvent[]): Promise<void> {
    if (this.projection.handleBatch) await this.projection.handleBatch(events);
    else for (const event of events) await this.projection.handle(event);
    const last = events[events.length - 1]!.position;
    if (!this.projection.checkpoints) await this.options.checkpoints.save(this.projection.name, last);
    this.handled = Math.max(this.handled ?? -1, last);
    this.failures = 0;
    this.lastError = null;
  }

  private failed(error: unknown): void {
    this.failures += 1;
    this.lastError = errorMessage(error);
    this.options.onError?.(error, this.projection.name);
    this.subscription = null;
    if (!this.running) return;
    const delay = backoffDelay(this.failures, this.options.restartBaseDelayMs ?? 500, this.options.restartMaxDelayMs ?? 30_000, () => 1);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.running) void this.subscribe().catch((e: unknown) => this.failed(e));
    }, delay);
  }
}
