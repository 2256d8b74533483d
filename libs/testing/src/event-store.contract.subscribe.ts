import { RecordedEvent } from '@bihuan/event-store';
import { ContractContext, testEvents } from './event-store.contract.fixtures';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expectStrictlyIncreasing(positions: readonly number[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]!);
}

/** Catch-up subscriptions: exactly once, in order, no gaps under concurrent writers; errors; stop. */
export function subscribeContract(ctx: ContractContext): void {
  it('delivers past and new events from the start, in order', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    await store.append(`${cat}-1`, testEvents(3), 'no_stream');
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll((e) => void seen.push(e), { fromPosition: null, filter: { categories: [cat] } });
    const last = await store.append(`${cat}-2`, testEvents(2, 'Happened', 3), 'no_stream');
    await sub.caughtUpTo(last.position);
    await sub.stop();
    expect(seen.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
    expect(seen).toEqual(await store.readAll({ filter: { categories: [cat] } }));
  });

  it('sees every event exactly once and in order while 20 writers append concurrently', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    const start = await store.headPosition();
    const fromStart: number[] = [];
    const fromCheckpoint: number[] = [];
    const subA = store.subscribeToAll((e) => void fromStart.push(e.position), { fromPosition: start });
    const subB = store.subscribeToAll(
      async (e) => {
        if (e.position % 7 === 0) await tick(1); // a slow handler must not lose anything either
        fromCheckpoint.push(e.position);
      },
      { fromPosition: start, filter: { categories: [cat] } },
    );
    let subC: ReturnType<typeof store.subscribeToAll> | null = null;
    const midway: number[] = [];
    let checkpointC = 0;
    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        let expected: number | 'no_stream' = 'no_stream';
        for (let i = 0; i < 25; i++) {
          const result = await store.append(`${cat}-${writer}`, testEvents(1, 'Happened', i), expected);
          expected = result.nextExpectedRevision;
          if (writer === 0 && i === 12) {
            checkpointC = result.position;
            subC = store.subscribeToAll((e) => void midway.push(e.position), { fromPosition: checkpointC, filter: { categories: [cat] } });
          }
        }
      }),
    );
    const head = (await store.headPosition())!;
    await Promise.all([subA.caughtUpTo(head), subB.caughtUpTo(head), subC!.caughtUpTo(head)]);
    await Promise.all([subA.stop(), subB.stop(), subC!.stop()]);

    const written = (await store.readAll({ fromPosition: start, filter: { categories: [cat] } })).map((e) => e.position);
    expect(written).toHaveLength(500);
    expectStrictlyIncreasing(fromStart);
    expect(fromStart.filter((p) => written.includes(p))).toEqual(written);
    expect(fromCheckpoint).toEqual(written);
    expect(midway).toEqual(written.filter((p) => p > checkpointC));
  });

  it('resumes from a checkpoint without repeating what was handled', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    const first = await store.append(`${cat}-1`, testEvents(2), 'no_stream');
    const second = await store.append(`${cat}-1`, testEvents(2, 'Happened', 2), first.nextExpectedRevision);
    const seen: number[] = [];
    const sub = store.subscribeToAll((e) => void seen.push((e.data as { n: number }).n), {
      fromPosition: first.position,
      filter: { categories: [cat] },
    });
    await sub.caughtUpTo(second.position);
    await sub.stop();
    expect(seen).toEqual([2, 3]);
  });

  it('awaits each handler call before the next one', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    let running = 0;
    let overlap = false;
    const seen: number[] = [];
    const sub = store.subscribeToAll(
      async (e) => {
        running += 1;
        overlap ||= running > 1;
        await tick(2);
        seen.push(e.position);
        running -= 1;
      },
      { filter: { categories: [cat] }, fromPosition: await store.headPosition() },
    );
    const results = await Promise.all([1, 2, 3, 4].map((i) => store.append(`${cat}-${i}`, testEvents(2), 'no_stream')));
    await sub.caughtUpTo(Math.max(...results.map((r) => r.position)));
    await sub.stop();
    expect(overlap).toBe(false);
    expect(seen).toHaveLength(8);
  });

  it('calls onError once and stops when the handler throws', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    const errors: unknown[] = [];
    const seen: number[] = [];
    let failedNow!: () => void;
    const failed = new Promise<void>((resolve) => (failedNow = resolve));
    const sub = store.subscribeToAll(
      (e) => {
        const n = (e.data as { n: number }).n;
        if (n === 1) throw new Error('handler failed');
        seen.push(n);
      },
      {
        filter: { categories: [cat] },
        onError: (error) => {
          errors.push(error);
          failedNow();
        },
      },
    );
    await store.append(`${cat}-1`, testEvents(3), 'no_stream');
    await failed;
    await store.append(`${cat}-2`, testEvents(1), 'no_stream');
    await tick(50);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('handler failed');
    expect(seen).toEqual([0]);
    await sub.stop();
  });

  it('stops: no handler call runs after stop() resolves and later events are not delivered', async () => {
    const { store } = ctx.fx();
    const cat = ctx.category();
    let running = false;
    const seen: number[] = [];
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const sub = store.subscribeToAll(
      async (e) => {
        running = true;
        entered();
        await tick(20);
        seen.push(e.position);
        running = false;
      },
      { filter: { categories: [cat] }, fromPosition: await store.headPosition() },
    );
    await store.append(`${cat}-1`, testEvents(3), 'no_stream');
    await inHandler;
    await sub.stop();
    expect(running).toBe(false);
    const count = seen.length;
    await store.append(`${cat}-2`, testEvents(2), 'no_stream');
    await tick(50);
    expect(seen.length).toBe(count);
    expect(count).toBeLessThan(3);
  });
}
