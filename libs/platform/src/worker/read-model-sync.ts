/** Anything that can say when it has processed the log up to a position. */
export interface CatchesUp {
  caughtUpTo(position: number): Promise<void>;
  /** How many events short of `head` it is (ProjectionRunner, WorkflowRunner): lets a wait give up at once. */
  behind?(head: number): Promise<number>;
}

/**
 * A runner further behind than this is catching up (after a start on a long log, or a rebuild):
 * waiting for it would only cost the caller the whole timeout, so the wait answers "behind" at once.
 */
export const FAR_BEHIND_EVENTS = 5_000;

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
   * True when every registered runner has reached `position`; false after `timeoutMs`, when a runner
   * cannot say (stopped, restarting), when the worker is stopping, or at once when a runner is more
   * than FAR_BEHIND_EVENTS short of it (catching up: the read model is behind).
   */
  async waitFor(position: number | null | undefined, timeoutMs = 3000): Promise<boolean> {
    if (position === null || position === undefined || this.runners.size === 0) return true;
    if (this.stopping) return false;
    if (await this.farBehind(position)) return false;
    if (this.stopping) return false; // stopped while we asked how far behind the runners are
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

  private async farBehind(position: number): Promise<boolean> {
    const behind = await Promise.all([...this.runners].map((r) => isFarBehind(r, position)));
    return behind.some(Boolean);
  }
}

async function isFarBehind(runner: CatchesUp, position: number): Promise<boolean> {
  if (!runner.behind) return false;
  return (await runner.behind(position)) > FAR_BEHIND_EVENTS;
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');
