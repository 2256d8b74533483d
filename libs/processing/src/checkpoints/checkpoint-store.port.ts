/**
 * Where a projection or runner remembers the global position of the last event it handled, so a
 * restart resumes after it instead of handling the log again (architecture.md, rule 7).
 */
export interface CheckpointStore {
  /** The last handled position, or null when nothing has been handled (start from the beginning). */
  load(name: string): Promise<number | null>;
  save(name: string, position: number): Promise<void>;
  /** Forgets the checkpoint, so the next start handles the whole log again (rebuild). */
  delete(name: string): Promise<void>;
}
