import { CatchesUp, ReadModelSync } from './read-model-sync';

/** A runner whose catch-up the test resolves or rejects by hand. */
function manualRunner(): CatchesUp & { reach(): void; fail(message: string): void } {
  let done: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const reached = new Promise<void>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  return { caughtUpTo: () => reached, reach: () => done(), fail: (message) => failed(new Error(message)) };
}

describe('ReadModelSync', () => {
  it('answers true once every registered runner has reached the position', async () => {
    const sync = new ReadModelSync();
    const a = manualRunner();
    const b = manualRunner();
    sync.register(a);
    sync.register(b);
    const waiting = sync.waitFor(7, 60_000);
    a.reach();
    b.reach();
    await expect(waiting).resolves.toBe(true);
  });

  it('gives up (false) instead of failing when a runner cannot say — stopped or restarting', async () => {
    const sync = new ReadModelSync();
    const runner = manualRunner();
    sync.register(runner);
    const waiting = sync.waitFor(7, 60_000);
    runner.fail('Projection pendingDeadlines is not running');
    await expect(waiting).resolves.toBe(false);
  });

  it('lets waits in progress give up when the worker stops, and starts none after', async () => {
    const sync = new ReadModelSync();
    sync.register(manualRunner());
    const waiting = sync.waitFor(7, 60_000);
    sync.stop();
    await expect(waiting).resolves.toBe(false);
    await expect(sync.waitFor(8, 60_000)).resolves.toBe(false);
  });

  it('has nothing to wait for without runners (ROLE=api) or without a position', async () => {
    const sync = new ReadModelSync();
    await expect(sync.waitFor(7)).resolves.toBe(true);
    sync.register(manualRunner());
    await expect(sync.waitFor(null)).resolves.toBe(true);
  });

  it('asks no runner anything more when each says from memory that it is there', async () => {
    const sync = new ReadModelSync();
    const asked: string[] = [];
    const there = (name: string): CatchesUp => ({
      reached: (position) => position <= 9,
      caughtUpTo: async () => void asked.push(`${name} waited`),
      behind: () => (asked.push(`${name} behind`), 0),
    });
    sync.register(there('a'));
    sync.register(there('b'));
    await expect(sync.waitFor(9, 60_000)).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('waits only on the runners not there yet', async () => {
    const sync = new ReadModelSync();
    const asked: string[] = [];
    const late = manualRunner();
    sync.register({ reached: () => true, caughtUpTo: async () => void asked.push('there') });
    sync.register({ caughtUpTo: (position) => (asked.push('late'), late.caughtUpTo(position)) });
    const waiting = sync.waitFor(9, 60_000);
    late.reach();
    await expect(waiting).resolves.toBe(true);
    expect(asked).toEqual(['late']);
  });
});
