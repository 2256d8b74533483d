import { EventFilter, EventStore } from '@bihuan/event-store';
import { TableCheckpointStore } from '@bihuan/processing';
import { CatchesUp } from './read-model-sync';

/** A projection the workers keep, as an API that waits on it knows it: its name and what it reads. */
export interface WatchedProjection {
  readonly name: string;
  readonly filter?: EventFilter;
}

/**
 * Read-your-writes for an API without a worker in its process (ROLE=api), whose read models are
 * kept by workers elsewhere in the shared database: it reaches a position when every named
 * projection has. A filtered projection's checkpoint moves only on the events it reads (a
 * complaints projection stands still while inspections are written), so a projection has also
 * reached a position when no event it reads lies between its checkpoint and that position.
 * Polls only while someone waits, so an idle API costs the database nothing.
 */
export class CheckpointPoller implements CatchesUp {
  constructor(
    private readonly checkpoints: Pick<TableCheckpointStore, 'all'>,
    private readonly store: Pick<EventStore, 'readAll'>,
    /** The projections this deployment's reads depend on. */
    private readonly projections: readonly WatchedProjection[],
    private readonly pollMs = 25,
  ) {}

  async caughtUpTo(position: number): Promise<void> {
    while ((await this.lowest(position)) < position) await new Promise((resolve) => setTimeout(resolve, this.pollMs));
  }

  async behind(head: number): Promise<number> {
    return Math.max(0, head - (await this.lowest(head)));
  }

  /** The position every projection has reached, as far as `target` matters (-1: one has handled nothing it must). */
  private async lowest(target: number): Promise<number> {
    const all = await this.checkpoints.all();
    const reached = await Promise.all(this.projections.map((p) => this.reached(p, all.get(p.name) ?? null, target)));
    return Math.min(...reached);
  }

  private async reached(projection: WatchedProjection, checkpoint: number | null, target: number): Promise<number> {
    if (checkpoint !== null && checkpoint >= target) return checkpoint;
    const [next] = await this.store.readAll({ fromPosition: checkpoint, maxCount: 1, filter: projection.filter });
    return next === undefined || next.position > target ? target : (checkpoint ?? -1);
  }
}
