/** Anything that can say when it has processed the log up to a position. */
export interface CatchesUp {
  caughtUpTo(position: number): Promise<void>;
}

/**
 * Read-your-writes for the embedded default: when the worker runs in the same process, a command
 * endpoint waits (briefly) until the read models have seen the events it just wrote, so the
 * next GET shows them. With a separate worker (ROLE=api) nothing is registered and reads are
 * eventually consistent, as documented in docs/operations.md.
 *
 * Waiting is a courtesy, never a condition of the write: a runner that is stopped, stopping or
 * restarting after a failure makes the wait give up (false), not fail — the events are in the log
 * and the command must still answer 2xx (issue 14, item 2: a 500 for written work makes a
 * retrying client write twice).
 */
export class ReadModelSync {
  private readonly runners = new Set<CatchesUp>();
  private readonly waiting = new Set<() => void>();
  private stopping = false;

  register(runner: CatchesUp): () => void {
    this.runners.add(runner);
    return () => this.runners.delete(runner);
  }

  /**
   * The worker is about to stop: waits in progress give up now and new ones do not start, so no
   * request is held by (or fails on) runners that are going away.
   */
  stop(): void {
    this.stopping = true;
    for (const giveUp of this.waiting) giveUp();
    this.waiting.clear();
  }

  /**
   * Resolves true when every registered runner has reached `position`; false after `timeoutMs`,
   * when a runner cannot say (stopped, restarting) or when the worker is stopping.
   */
  async waitFor(position: number | null | undefined, timeoutMs = 3000): Promise<boolean> {
    if (position === null || position === undefined || this.runners.size === 0) return true;
    if (this.stopping) return false;
    let timer: NodeJS.Timeout | undefined;
    let giveUp: (() => void) | undefined;
    const cutOff = new Promise<false>((resolve) => {
      giveUp = () => resolve(false);
      timer = setTimeout(giveUp, timeoutMs);
      this.waiting.add(giveUp);
    });
    const caughtUp = Promise.all([...this.runners].map((r) => r.caughtUpTo(position))).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([caughtUp, cutOff]);
    } finally {
      clearTimeout(timer);
      if (giveUp) this.waiting.delete(giveUp);
    }
  }
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');
