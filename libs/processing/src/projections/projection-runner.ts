import { EventStore, RecordedEvent, Subscription } from '@bihuan/event-store';
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
}

/**
 * Runs one projection from the store's catch-up subscription, starting after its checkpoint and
 * saving the checkpoint after every handled event, so a restart resumes without handling an event
 * twice (or, with a projection that checkpoints in its own transaction, exactly once). A failing
 * handler stops delivery; the runner restarts from the checkpoint with backoff — it never skips.
 */
export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private running = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastError: string | null = null;

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

  /** Resolves once every event up to `position` has been handled and checkpointed. */
  async caughtUpTo(position: number): Promise<void> {
    const checkpoint = await this.checkpoints.load(this.projection.name);
    if (checkpoint !== null && checkpoint >= position) return;
    if (!this.subscription) throw new Error(`Projection ${this.projection.name} is not running`);
    await this.subscription.caughtUpTo(position);
  }

  /** The last handled position (null: none yet). */
  checkpoint(): Promise<number | null> {
    return this.checkpoints.load(this.projection.name);
  }

  /** Why the last delivery failed, if the runner is waiting to restart. */
  status(): { running: boolean; failures: number; lastError: string | null } {
    return { running: this.running, failures: this.failures, lastError: this.lastError };
  }

  private async subscribe(): Promise<void> {
    const fromPosition = await this.checkpoints.load(this.projection.name);
    if (!this.running) return;
    this.subscription = this.store.subscribeToAll((event) => this.handle(event), {
      fromPosition,
      filter: this.projection.filter,
      onError: (error) => this.failed(error),
    });
  }

  private async handle(event: RecordedEvent): Promise<void> {
    await this.projection.handle(event);
    if (!this.projection.checkpoints) await this.options.checkpoints.save(this.projection.name, event.position);
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
