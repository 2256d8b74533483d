/** The input a workflow could not handle, as it was in the log (enough to fetch it again). */
export interface DeadLetterInput {
  readonly eventId: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * A workflow input parked after its bounded retries failed, so that the runner could move on
 * (one failing workflow never stops the others). Admins list them and retry them by id.
 */
export interface DeadLetter {
  /** Deterministic (workflow + input eventId): parking the same input again replaces the letter. */
  readonly id: string;
  readonly workflow: string;
  /** Workflow instance, or null when the failure came before the instance was known. */
  readonly instance: string | null;
  readonly input: DeadLetterInput;
  /** Message of the last error. */
  readonly error: string;
  readonly attempts: number;
  /** When it was parked (ISO-8601). */
  readonly at: string;
}

export interface DeadLetterStore {
  /** Creates or replaces the letter with this id. */
  put(letter: DeadLetter): Promise<void>;
  get(id: string): Promise<DeadLetter | null>;
  /** Oldest first; only one workflow's letters when `workflow` is given. */
  list(workflow?: string): Promise<DeadLetter[]>;
  remove(id: string): Promise<void>;
}
