/** Anything that can say when it has processed the log up to a position. */
export interface CatchesUp {
  caughtUpTo(position: number): Promise<void>;
}

/**
 * Read-your-writes for the embedded default: when the worker runs in the same process, a command
 * endpoint waits (briefly) until the read models have seen the events it just wrote, so the
 * next GET shows them. With a separate worker (ROLE=api) nothing is registered and reads are
 * eventually consistent, as documented in docs/operations.md.
 */
export class ReadModelSync {
  private readonly runners = new Set<CatchesUp>();

  register(runner: CatchesUp): () => void {
    this.runners.add(runner);
    return () => this.runners.delete(runner);
  }

  /** Resolves when every registered runner has reached `position`, or after `timeoutMs`. */
  async waitFor(position: number | null | undefined, timeoutMs = 3000): Promise<boolean> {
    if (position === null || position === undefined || this.runners.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([Promise.all([...this.runners].map((r) => r.caughtUpTo(position))).then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');
