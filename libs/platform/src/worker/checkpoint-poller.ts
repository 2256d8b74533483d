import { TableCheckpointStore } from '@bihuan/processing';
import { CatchesUp } from './read-model-sync';

/**
 * Read-your-writes for an API without a worker in its process (ROLE=api), whose read models are
 * kept by workers elsewhere in the shared database: it reaches a position when every named
 * projection's checkpoint has. Polls only while someone waits, so an idle API costs the
 * database nothing.
 */
export class CheckpointPoller implements CatchesUp {
  constructor(
    private readonly checkpoints: TableCheckpointStore,
    /** The projections this deployment's reads depend on. */
    private readonly names: readonly string[],
    private readonly pollMs = 25,
  ) {}

  async caughtUpTo(position: number): Promise<void> {
    while ((await this.lowest()) < position) await new Promise((resolve) => setTimeout(resolve, this.pollMs));
  }

  async behind(head: number): Promise<number> {
    return Math.max(0, head - (await this.lowest()));
  }

  /** The position every named projection has reached (-1: one has handled nothing yet). */
  private async lowest(): Promise<number> {
    const all = await this.checkpoints.all();
    return Math.min(...this.names.map((name) => all.get(name) ?? -1));
  }
}
