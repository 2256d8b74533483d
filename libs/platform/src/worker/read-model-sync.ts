/** Anything that can say when it has processed the log up to a position. */
export interface CatchesUp {
  caughtUpTo(position: number): Promise<void>;
  /**
   * From memory, whether it has certainly reached `position` (false: not yet, or cannot tell
   * without asking): every command's wait asks this of every runner before it waits on any.
   */
  reached?(position: number): boolean;
  /**
   * How many events short of `head` it is (ProjectionRunner, WorkflowRunner): lets a wait give up
   * at once. A number when the runner knows from memory, a promise when it must ask its store.
   */
  behind?(head: number): number | Promise<number>;
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
    const pending = this.notYetAt(position);
    if (pending.length === 0) return true;
    const far = farBehind(pending, position);
    if (far === true || (far !== false && (await far))) return false;
    if (this.stopping) return false; // stopped while we asked how far behind the runners are
    let timer: NodeJS.Timeout | undefined;
    let giveUp: (() => void) | undefined;
    const cutOff = new Promise<false>((resolve) => {
      giveUp = () => resolve(false);
      timer = setTimeout(giveUp, timeoutMs);
      this.waiting.add(giveUp);
    });
    try {
      return await Promise.race([caughtUp(pending, position), cutOff]);
    } finally {
      clearTimeout(timer);
      if (giveUp) this.waiting.delete(giveUp);
    }
  }

  /** The runners that cannot say from memory that they have reached `position`. */
  private notYetAt(position: number): CatchesUp[] {
    const pending: CatchesUp[] = [];
    for (const runner of this.runners) if (!runner.reached?.(position)) pending.push(runner);
    return pending;
  }
}

/**
 * Whether any runner is more than FAR_BEHIND_EVENTS short of `position`: answered without a
 * promise when every runner knows from memory (the usual case, asked by every command), so that
 * a wait costs no allocation per registered runner (~20 % of a command's garbage, issue 14 item 6).
 */
function farBehind(runners: readonly CatchesUp[], position: number): boolean | Promise<boolean> {
  const answers = runners.map((runner) => runner.behind?.(position) ?? 0);
  if (answers.every((answer): answer is number => typeof answer === 'number')) return answers.some((behind) => behind > FAR_BEHIND_EVENTS);
  return Promise.all(answers).then((behind) => behind.some((events) => events > FAR_BEHIND_EVENTS));
}

/**
 * True once every runner has reached `position`, false when one cannot say (stopped, restarting).
 * One runner at a time, asking the rest from memory first: while the wait is on one, the others
 * move on too, so most are found there without a waiter of their own.
 */
async function caughtUp(runners: readonly CatchesUp[], position: number): Promise<boolean> {
  try {
    for (const runner of runners) if (!runner.reached?.(position)) await runner.caughtUpTo(position);
    return true;
  } catch {
    return false;
  }
}

export const READ_MODEL_SYNC = Symbol('READ_MODEL_SYNC');
