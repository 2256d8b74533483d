import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bihuan/event-store';
import { MemoryCheckpointStore, PROCESSING_MIGRATIONS, ProjectionRunner } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { AUDIT_MIGRATIONS } from '../audit.migrations';
import { linkCase, LinkedCase } from './case-links';
import { MemoryCaseIndex } from './memory-case-index.adapter';
import { SqlCaseIndex } from './sql-case-index.adapter';
import { seedLinkedCase } from '../testing/linked-case.fixture';

describe.each(TEST_SQL_DIALECTS)('SqlCaseIndex as a projection of a SQLite store, on $name', (dialect) => {
  let dir: string;
  let store: SqliteEventStore;
  let test: TestSqlDatabase;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-case-index-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock: new FakeClock(), pollIntervalMs: 20 });
    test = await dialect.open([PROCESSING_MIGRATIONS, AUDIT_MIGRATIONS]);
  });

  afterEach(async () => {
    await test.dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the log under a ProjectionRunner, links like the memory index, and rebuilds after reset', async () => {
    const index = new SqlCaseIndex(test.database);
    const runner = new ProjectionRunner(store, index.projection, { checkpoints: new MemoryCheckpointStore() });
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
    expect(await index.checkpoint()).toBe(head);

    const memory = new MemoryCaseIndex();
    for (const e of await store.readAll()) await memory.handle(e);
    const norm = (c: LinkedCase) => ({ streams: c.streams, correlations: [...c.correlations].sort() });
    for (const root of [ids.ticket, ids.credit, ids.visit, ids.unrelated])
      expect(norm(await linkCase(index, root))).toEqual(norm(await linkCase(memory, root)));
    const half = { position: Math.floor(head / 2) };
    const some = await linkCase(index, ids.ticket, half);
    expect(some.streams.every((s) => s.lastPosition <= head / 2)).toBe(true);
    expect(norm(some)).toEqual(norm(await linkCase(memory, ids.ticket, half)));
    const recordedAt = (await store.readAll())[Math.floor(head / 2)]!.metadata.recordedAt;
    expect(norm(await linkCase(index, ids.ticket, { recordedAt }))).toEqual(norm(await linkCase(memory, ids.ticket, { recordedAt })));
    expect((await linkCase(index, ids.unrelated)).streams.map((s) => s.stream).sort()).toEqual([ids.unrelated, ids.credit].sort());

    await index.reset();
    expect(await index.checkpoint()).toBeNull();
    expect((await linkCase(index, ids.ticket)).streams).toEqual([]);
    await index.handleBatch(await store.readAll());
    expect(norm(await linkCase(index, ids.ticket))).toEqual(norm(await linkCase(memory, ids.ticket)));
  });

  it('answers set queries over more keys than one IN list takes', async () => {
    const index = new SqlCaseIndex(test.database);
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    await seedLinkedCase(
      store,
      () => clock.now().toISOString(),
      () => void clock.advanceHours(1),
    );
    const all = await store.readAll();
    await index.handleBatch(all);
    const ids = all.map((e) => e.metadata.eventId);
    const many = [...Array.from({ length: 1200 }, (_, i) => `absent-${i}`), ...ids];
    expect((await index.eventsByIds(many)).map((e) => e.eventId).sort()).toEqual([...ids].sort());
    const memory = new MemoryCaseIndex();
    for (const e of all) await memory.handle(e);
    const correlations = [...Array.from({ length: 1200 }, (_, i) => `absent-${i}`), ...new Set(all.map((e) => e.metadata.correlationId))];
    const byStream = (s: { stream: string }[]) => [...s].sort((a, b) => a.stream.localeCompare(b.stream));
    const bound = { maxPosition: Number.MAX_SAFE_INTEGER, maxRecordedAt: '\uffff' };
    expect(byStream(await index.streamShares(correlations, bound))).toEqual(byStream(await memory.streamShares(correlations, bound)));
    expect((await index.neighbourCorrelations(correlations, bound)).sort()).toEqual(
      (await memory.neighbourCorrelations(correlations, bound)).sort(),
    );
  });
});
