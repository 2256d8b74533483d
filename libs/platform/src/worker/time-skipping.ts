import { EventStore } from '@bihuan/event-store';
import { TimerSpec } from '@bihuan/timers';
import { ReadModelSync } from './read-model-sync';

/** The part of a manual timer scheduler time skipping needs. */
export interface SkippableTimers {
  pending(): Promise<TimerSpec[]>;
  advanceTo(instant: Date | string): Promise<void>;
}

/**
 * Temporal-style time skipping for e2e tests and the demo: move a fake clock to an instant, firing
 * every timer due on the way one at a time, and let the in-process worker settle after each (a
 * fired deadline's consequences — the next rung's timer — are armed asynchronously by workflows).
 */
export class TimeSkipping {
  constructor(
    private readonly store: EventStore,
    private readonly sync: ReadModelSync,
    private readonly timers: SkippableTimers,
  ) {}

  /** Waits until projections and workflows have processed the whole log (it stops growing). */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i += 1) {
      const head = await this.store.headPosition();
      await this.sync.waitFor(head, 10_000);
      if ((await this.store.headPosition()) === head) return;
    }
  }

  async advanceTo(instant: string): Promise<void> {
    const target = new Date(instant).getTime();
    await this.settle();
    for (let firings = 0; ; firings += 1) {
      // A handler that keeps failing stays pending with its old dueAt: do not spin forever.
      if (firings > 1000) throw new Error(`Timers keep firing before ${instant}: ${JSON.stringify((await this.timers.pending())[0])}`);
      const [next] = await this.timers.pending();
      if (!next || new Date(next.dueAt).getTime() > target) break;
      await this.timers.advanceTo(next.dueAt);
      await this.settle();
    }
    await this.timers.advanceTo(instant);
    await this.settle();
  }
}
