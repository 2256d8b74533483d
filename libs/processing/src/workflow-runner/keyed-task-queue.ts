/**
 * Runs tasks for different keys (workflow instances) concurrently while keeping each key's tasks
 * in delivery order, and reports the highest position up to which *every* task has finished — the
 * only safe checkpoint when later inputs may finish before earlier ones.
 */
export class KeyedTaskQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  /** Delivered positions not yet covered by the checkpoint, ascending, with their completion. */
  private readonly order: { position: number; done: boolean }[] = [];
  private saving: Promise<void> = Promise.resolve();
  /** The highest finished-through position not yet handed to `completedThrough`. */
  private nextSave: number | null = null;
  private saveTimer: NodeJS.Timeout | null = null;
  private failure: unknown = undefined;
  /** Read-your-writes waits, each for every task at or before its position (`finishedThrough`). */
  private waiters: { position: number; resolve: () => void }[] = [];

  constructor(
    private readonly concurrency: number,
    /** Persists the checkpoint; calls are serialised and in ascending order. */
    private readonly completedThrough: (position: number) => Promise<void>,
    /** How long completions gather before one checkpoint write covers them all (`drain` writes at once). */
    private readonly saveDelayMs = 20,
  ) {}

  /**
   * Queues a task behind earlier tasks of the same key; resolves once there is room for more.
   * Throws (so the delivering subscription stops and restarts from the checkpoint) when a task
   * failed in a way that must not be skipped.
   */
  async push(key: string, position: number, task: () => Promise<void>): Promise<void> {
    if (this.failure !== undefined) await this.failAndReset();
    const entry = { position, done: false };
    this.order.push(entry);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run: Promise<void> = previous.then(task).then(
      () => this.finished(entry),
      (error: unknown) => {
        this.failure ??= error;
        // No wait can be met before the reset delivers the input again: it gives up now, not at its timeout.
        this.wakeWaiters(true);
      },
    );
    const tail = run.finally(() => {
      this.running.delete(tail);
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    this.tails.set(key, tail);
    this.running.add(tail);
    while (this.running.size >= this.concurrency && this.failure === undefined) await Promise.race(this.running);
    if (this.failure !== undefined) await this.failAndReset();
  }

  /** Whether every task pushed at or before `position` has finished (from memory). */
  doneThrough(position: number): boolean {
    return this.order.length === 0 || this.order[0]!.position > position;
  }

  /**
   * Resolves once every task pushed at or before `position` has finished, leaving the checkpoint to
   * its coalesced write: what a read-your-writes wait needs (the outputs are recorded and acted on),
   * without forcing a checkpoint write per waiting request. Later inputs do not hold it up: under a
   * steady stream of commands the queue is never empty, and waiting for that made each command's wait
   * run to its timeout and allocate a promise per running task on every turn (issue 14, item 6).
   */
  finishedThrough(position: number): Promise<void> {
    if (this.doneThrough(position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  /** Resolves when every queued task has finished and the checkpoint covering them is saved. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.flush();
    await this.saving;
  }

  /**
   * Lets running tasks finish, forgets what is not checkpointed and rethrows the failure: the
   * subscription then restarts from the checkpoint and delivers those inputs again (idempotent).
   */
  private async failAndReset(): Promise<never> {
    const failure = this.failure;
    while (this.running.size > 0) await Promise.all([...this.running]);
    this.failure = undefined;
    this.order.splice(0);
    // The subscription delivers these inputs again; a wait does not outlast the reset.
    this.wakeWaiters(true);
    throw failure;
  }

  private finished(entry: { position: number; done: boolean }): void {
    entry.done = true;
    let through: number | null = null;
    while (this.order.length > 0 && this.order[0]!.done) through = this.order.shift()!.position;
    if (through === null) return;
    this.wakeWaiters();
    // Coalesced: completions within `saveDelayMs` share one checkpoint write, so a catch-up (where
    // an input already recorded costs one stream read) is not bound by a write per input. Safe: the
    // checkpoint still covers only finished inputs (outputs recorded and acted on); trailing a
    // little only means finding a few inputs recorded and dispatched again after a crash.
    this.nextSave = through;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flush(), this.saveDelayMs);
    this.saveTimer.unref();
  }

  /** Resolves the waits whose tasks have all finished (`all`: every wait, a task having failed). */
  private wakeWaiters(all = false): void {
    if (this.waiters.length === 0) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (all || this.doneThrough(waiter.position)) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const position = this.nextSave;
    if (position === null) return;
    this.nextSave = null;
    this.saving = this.saving
      .then(() => this.completedThrough(position))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }
}
