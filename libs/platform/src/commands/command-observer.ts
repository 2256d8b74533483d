import { performance } from 'node:perf_hooks';
import { isDomainError } from '@bihuan/core';

/** How a command through {@link CommandExecution} ended, as metrics count it. */
export type CommandResult = 'ok' | 'refused' | 'failed';

/** Where a command came from: a person's request (`execute`) or the worker (`deliver`). */
export type CommandSource = 'request' | 'delivery';

/** One command through the write seam, measured from arrival to answer (read-your-writes included). */
export interface CommandObservation {
  readonly category: string;
  /** The domain command's type; `none` when it was refused before one was built (scope, unknown case). */
  readonly type: string;
  readonly source: CommandSource;
  readonly result: CommandResult;
  readonly seconds: number;
  /** A person's command whose read models did not catch up before it answered (worker stopping, lagging). */
  readonly readModelsLagging: boolean;
}

/**
 * Told about every command the write seam runs, so the app layer can keep metrics (latency by
 * command type) without the platform depending on it. Called synchronously on the request's path:
 * implementations must be cheap and must not throw.
 */
export interface CommandObserver {
  commandObserved(observation: CommandObservation): void;
}

/** What the observer needs of a CaseWrite (structurally: command-execution.ts imports this file). */
export interface ObservableWrite {
  readonly category: string;
  readonly build: (...args: never[]) => { readonly type: string };
}

/**
 * Runs one command through `run` and times it for the observer (none: no cost but a branch),
 * learning the command's type from the write's `build`.
 */
export async function observeCommand<W extends ObservableWrite, O>(
  observer: CommandObserver | null,
  source: CommandSource,
  write: W,
  run: (write: W) => Promise<{ outcome: O; settled: boolean }>,
): Promise<O> {
  if (!observer) return (await run(write)).outcome;
  const started = performance.now();
  let type = 'none';
  const report = (result: CommandResult, settled: boolean): void =>
    observer.commandObserved({
      category: write.category,
      type,
      source,
      result,
      seconds: (performance.now() - started) / 1000,
      readModelsLagging: !settled,
    });
  try {
    const original = write.build as (...args: Parameters<W['build']>) => { readonly type: string };
    const build = (...args: Parameters<W['build']>): { readonly type: string } => {
      const body = original.apply(write, args);
      type = body.type;
      return body;
    };
    // The same write with `build` wrapped: the spread keeps W's shape, which TypeScript cannot see.
    const { outcome, settled } = await run({ ...write, build } as W);
    report('ok', settled);
    return outcome;
  } catch (error) {
    report(isDomainError(error) ? 'refused' : 'failed', true);
    throw error;
  }
}
