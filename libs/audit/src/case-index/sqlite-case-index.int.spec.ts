import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bihuan/event-store';
import { MemoryCheckpointStore, ProjectionRunner } from '@bihuan/processing';
import { FakeClock } from '@bihuan/testing';
import { linkCase } from './case-links';
import { MemoryCaseIndex } from './memory-case-index.adapter';
import { SqliteCaseIndex } from './sqlite-case-index.adapter';
import { seedLinkedCase } from '../testing/linked-case.fixture';

describe('SqliteCaseIndex as a projection of a SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-case-index-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock: new FakeClock(), pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the log under a ProjectionRunner, links like the memory index, and rebuilds after reset', async () => {
    const index = new SqliteCaseIndex(store.database);
    const runner = new ProjectionRunner(store, index, { checkpoints: new MemoryCheckpointStore() });
    await runner.start();
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const ids = await seedLinkedCase(
      store,
      () => clock.now().toISOString(),
      () => void clock.advanceHours(1),
    );
    const head = (await store.headPosition())!;
    await runner.caughtUpTo(head);
    await runner.stop();
    expect(index.checkpoint()).toBe(head);

    const memory = new MemoryCaseIndex();
    for (const e of await store.readAll()) memory.handle(e);
    const norm = (c: ReturnType<typeof linkCase>) => ({ streams: c.streams, correlations: [...c.correlations].sort() });
    for (const root of [ids.ticket, ids.credit, ids.visit, ids.unrelated])
      expect(norm(linkCase(index, root))).toEqual(norm(linkCase(memory, root)));
    const some = linkCase(index, ids.ticket, { position: Math.floor(head / 2) });
    expect(some.streams.every((s) => s.lastPosition <= head / 2)).toBe(true);
    expect(
      linkCase(index, ids.unrelated)
        .streams.map((s) => s.stream)
        .sort(),
    ).toEqual([ids.unrelated, ids.credit].sort());

    index.reset();
    expect(index.checkpoint()).toBeNull();
    expect(linkCase(index, ids.ticket).streams).toEqual([]);
    index.handleBatch(await store.readAll());
    expect(norm(linkCase(index, ids.ticket))).toEqual(norm(linkCase(memory, ids.ticket)));
  });
});
