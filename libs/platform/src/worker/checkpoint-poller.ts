import { EventFilter, EventStore } from '@bihuan/event-store';
import { TableCheckpointStore } from '@bihuan/processing';
import { CatchesUp } from './read-model-sync';

/** A projection as the poller needs it: its checkpoint's name and what it reads of the log. */
export interface PolledProjection {
  readonly name: string;
  readonly filter?: EventFilter;
}

/**
 * Read-your-writes for an API without a worker in its process (ROLE=api), whose read models are
 * kept by workers elsewhere in the shared database: it has reached a position when every
 * projection has — its checkpoint is there, or no event it reads lies between its checkpoint and
 * the position (a filtered projection's checkpoint moves only on the events it reads). Polls only
 * while someone waits, so an idle API costs the database nothing.
 */
export class CheckpointPoller implements CatchesUp {
  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: TableCheckpointStore,
    private readonly projections: readonly PolledProjection[],
    private readonly pollMs = 25,
  ) {}

  async caughtUpTo(position: number): Promise<void> {
    while (!(await this.allReached(position))) await new Promise((resolve) => setTimeout(resolve, this.pollMs));
  }

  /** How many events short of `head` the furthest-behind projection's checkpoint is. */
  async behind(head: number): Promise<number> {
    if (await this.allReached(head)) return 0;
    const all = await this.checkpoints.all();
    return Math.max(0, head - Math.min(...this.projections.map((p) => all.get(p.name) ?? -1)));
  }

  private async allReached(position: number): Promise<boolean> {
    const all = await this.checkpoints.all();
    for (const projection of this.projections) {
      const checkpoint = all.get(projection.name) ?? null;
      if (checkpoint !== null && checkpoint >= position) continue;
      const [next] = await this.store.readAll({
        fromPosition: checkpoint,
        maxCount: 1,
        ...(projection.filter ? { filter: projection.filter } : {}),
      });
      if (next !== undefined && next.position <= position) return false;
    }
    return true;
  }
}
