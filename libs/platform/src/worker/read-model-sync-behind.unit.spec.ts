import { CatchesUp, FAR_BEHIND_EVENTS, ReadModelSync } from './read-model-sync';

/** A runner at `seen` that reaches a position only when the test says so. */
function runner(seen: number): CatchesUp & { reach(position: number): void; waits: number } {
  const waiting: { position: number; resolve(): void }[] = [];
  const r = {
    waits: 0,
    caughtUpTo(position: number): Promise<void> {
      r.waits += 1;
      if (position <= seen) return Promise.resolve();
      return new Promise<void>((resolve) => waiting.push({ position, resolve }));
    },
    behind: async (head: number) => Math.max(0, head - seen),
    reach(position: number): void {
      seen = position;
      for (const w of waiting.filter((x) => x.position <= position)) w.resolve();
    },
  };
  return r;
}

describe('ReadModelSync', () => {
  it('waits for a runner a little behind, and answers true once it has caught up', async () => {
    const sync = new ReadModelSync();
    const near = runner(100);
    sync.register(near);
    const waited = sync.waitFor(110, 60_000);
    await Promise.resolve();
    near.reach(110);
    await expect(waited).resolves.toBe(true);
    expect(near.waits).toBe(1);
  });

  it('answers false at once, without waiting, while a runner is catching up far behind the position', async () => {
    const sync = new ReadModelSync();
    const far = runner(10);
    const near = runner(FAR_BEHIND_EVENTS + 20);
    sync.register(near);
    sync.register(far);
    // A 60 s timeout: only the far-behind check can make this settle within the test.
    await expect(sync.waitFor(FAR_BEHIND_EVENTS + 20, 60_000)).resolves.toBe(false);
    expect(far.waits).toBe(0);
  });

  it('answers false at once from runners that know how far behind they are without a promise', async () => {
    const sync = new ReadModelSync();
    const far = runner(10);
    sync.register({ ...far, behind: (head: number) => head - 10 });
    await expect(sync.waitFor(FAR_BEHIND_EVENTS + 20, 60_000)).resolves.toBe(false);
    expect(far.waits).toBe(0);
  });
});
