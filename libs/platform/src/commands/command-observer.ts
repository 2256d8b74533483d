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
