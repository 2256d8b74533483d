import { KeyedTaskQueue } from './keyed-task-queue';

function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('KeyedTaskQueue', () => {
  it('runs keys concurrently, each key in order, and checkpoints only through positions whose predecessors are all done', async () => {
    const saved: number[] = [];
    const log: string[] = [];
    const q = new KeyedTaskQueue(8, async (p) => void saved.push(p));
    const slow = gate();
    await q.push('a', 1, async () => {
      await slow.wait;
      log.push('a1');
    });
    await q.push('b', 2, async () => void log.push('b2'));
    await q.push('a', 3, async () => void log.push('a3'));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['b2']);
    expect(saved).toEqual([]);
    slow.open();
    await q.drain();
    expect(log).toEqual(['b2', 'a1', 'a3']);
    // Not 2 (nor 3) before 1 was done; 2 and 3 finished together, so one write covers both.
    expect(saved).toEqual([3]);
  });

  it('finishedThrough waits for every task up to the position but leaves the checkpoint to its coalesced write', async () => {
    const saved: number[] = [];
    const log: string[] = [];
    const q = new KeyedTaskQueue(8, async (p) => void saved.push(p), 60_000);
    const slow = gate();
    await q.push('a', 1, async () => {
      await slow.wait;
      log.push('a1');
    });
    await q.push('b', 2, async () => void log.push('b2'));
    expect(q.doneThrough(1)).toBe(false);
    const finished = q.finishedThrough(2);
    slow.open();
    await finished;
    expect(log).toEqual(['b2', 'a1']);
    expect(q.doneThrough(2)).toBe(true);
    expect(saved).toEqual([]);
    await q.drain();
    expect(saved).toEqual([2]);
  });

  it('finishedThrough is not held up by tasks pushed after its position (a steady stream of inputs)', async () => {
    const q = new KeyedTaskQueue(8, async () => undefined, 60_000);
    const first = gate();
    const later = gate();
    await q.push('a', 1, () => first.wait);
    const finished = q.finishedThrough(1);
    await q.push('b', 2, () => later.wait); // still running when the wait resolves
    let resolved = false;
    void finished.then(() => (resolved = true));
    first.open();
    await finished;
    expect(resolved).toBe(true);
    expect(q.doneThrough(1)).toBe(true);
    expect(q.doneThrough(2)).toBe(false);
    later.open();
    await q.drain();
  });

  it("finishedThrough gives up at once when a task fails (the input comes again after the reset), not at its caller's timeout", async () => {
    const q = new KeyedTaskQueue(8, async () => undefined, 60_000);
    const failing = gate();
    await q.push('a', 1, async () => {
      await failing.wait;
      throw new Error('dead-letter store down');
    });
    const finished = q.finishedThrough(1);
    failing.open();
    await expect(finished).resolves.toBeUndefined();
    expect(q.doneThrough(1)).toBe(false);
    await expect(q.push('b', 2, async () => undefined)).rejects.toThrow('dead-letter store down');
  });

  it('coalesces the checkpoint writes of inputs finished close together, and drain writes the last at once', async () => {
    const saved: number[] = [];
    const q = new KeyedTaskQueue(8, async (p) => void saved.push(p), 60_000);
    for (let p = 1; p <= 50; p++) await q.push(`k${p}`, p, async () => undefined);
    await new Promise((r) => setImmediate(r));
    expect(saved).toEqual([]); // gathered (the delay is a minute: nothing written yet)
    await q.drain();
    expect(saved).toEqual([50]);
  });

  it('waits for room when `concurrency` tasks are running', async () => {
    const q = new KeyedTaskQueue(1, async () => undefined);
    const first = gate();
    let room = false;
    const push = q.push('a', 1, () => first.wait).then(() => (room = true));
    await new Promise((r) => setImmediate(r));
    expect(room).toBe(false);
    first.open();
    await push;
    expect(room).toBe(true);
  });

  it('given a task that fails, then the next push rethrows after running tasks finish, and the checkpoint stays before it', async () => {
    const saved: number[] = [];
    const q = new KeyedTaskQueue(8, async (p) => void saved.push(p));
    await q.push('a', 1, async () => undefined);
    await q.push('b', 2, async () => {
      throw new Error('dead-letter store down');
    });
    await q.push('c', 3, async () => undefined).catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await expect(q.push('d', 4, async () => undefined)).rejects.toThrow('dead-letter store down');
    await q.drain();
    expect(saved).toEqual([1]);
    await q.push('b', 2, async () => undefined); // redelivered after the restart: accepted again
    await q.drain();
    expect(saved).toEqual([1, 2]);
  });
});
