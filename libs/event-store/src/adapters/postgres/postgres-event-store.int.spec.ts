import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestPostgresDatabase,
  eventually,
  eventStoreContract,
  FakeClock,
  TestPostgresDatabase,
  testEvent,
  testEvents,
} from '@bihuan/testing';
import { RecordedEvent } from '../../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import { verifyLogAndHeads } from '../verify-heads';
import { PostgresEventStore } from './postgres-event-store.adapter';

const databases: TestPostgresDatabase[] = [];
async function freshDatabase(): Promise<string> {
  const db = await createTestPostgresDatabase('eventlog');
  databases.push(db);
  return db.url;
}
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

describe('PostgresEventStore', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  // One database for the whole contract: it uses fresh stream names and categories in every test.
  eventStoreContract('postgres', async () => {
    const clock = new FakeClock();
    const store = await PostgresEventStore.connect({ url, clock, pollIntervalMs: 50 });
    return { store, clock, teardown: () => store.close() };
  });
});

describe('PostgresEventStore on a database of its own', () => {
  let url: string;
  beforeEach(async () => {
    url = await freshDatabase();
  });

  it('keeps what it acknowledged across close and reconnect, and continues the chain', async () => {
    const clock = new FakeClock();
    const first = await PostgresEventStore.connect({ url, clock });
    const r = await first.append('finding-1', testEvents(3), 'no_stream');
    await first.close();
    const second = await PostgresEventStore.connect({ url, clock });
    try {
      expect((await second.readStream('finding-1')).map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2]);
      const next = await second.append('finding-1', testEvents(1, 'Happened', 3), r.nextExpectedRevision);
      expect(next).toMatchObject({ nextExpectedRevision: 3, written: true });
      expect(next.position).toBeGreaterThan(r.position);
      expect(await verifyLogAndHeads(second)).toMatchObject({ ok: true, streams: 1, events: 4 });
    } finally {
      await second.close();
    }
  });

  it('creates its schema once when several processes connect together', async () => {
    const clock = new FakeClock();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresEventStore.connect({ url, clock, listen: false })));
    try {
      const results = await Promise.all(stores.map((s, i) => s.append(`boot-${i}`, testEvents(1), 'no_stream')));
      expect(results.every((r) => r.written)).toBe(true);
      expect(await stores[0]!.readAll()).toHaveLength(4);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('group-commits concurrent appends: 64 appends in far fewer than 64 transactions', async () => {
    const store = await PostgresEventStore.connect({ url, clock: new FakeClock() });
    try {
      const before = store.groupCommitStats();
      const results = await Promise.all(Array.from({ length: 64 }, (_, i) => store.append(`load-${i}`, testEvents(1), 'no_stream')));
      const after = store.groupCommitStats();
      expect(results.every((r) => r.written)).toBe(true);
      expect(after.appends - before.appends).toBe(64);
      expect(after.transactions - before.transactions).toBeLessThanOrEqual(2);
      expect(new Set(results.map((r) => r.position)).size).toBe(64);
      expect(await store.readAll()).toHaveLength(64);
    } finally {
      await store.close();
    }
  });

  it('shares the log between two stores (processes): no lost update, subscriptions see the other writer', async () => {
    const clock = new FakeClock();
    const a = await PostgresEventStore.connect({ url, clock, pollIntervalMs: 20 });
    const b = await PostgresEventStore.connect({ url, clock, pollIntervalMs: 20 });
    try {
      const seen: RecordedEvent[] = [];
      const sub = a.subscribeToAll((e) => void seen.push(e));
      await a.append('case-1', testEvents(1), 'no_stream');
      const [fromA, fromB] = await Promise.allSettled([a.append('case-1', testEvents(1), 0), b.append('case-1', testEvents(1), 0)]);
      expect([fromA.status, fromB.status].sort()).toEqual(['fulfilled', 'rejected']);
      const last = await b.append('case-2', testEvents(5), 'no_stream');
      await sub.caughtUpTo(last.position);
      await sub.stop();
      expect(seen.map((e) => e.position)).toEqual((await b.readAll()).map((e) => e.position));
      expect(seen).toHaveLength(7);
      expect(await verifyLogAndHeads(a)).toMatchObject({ ok: true, events: 7 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers replays and refusals inside one batch without touching the other appends', async () => {
    const store = await PostgresEventStore.connect({ url, clock: new FakeClock() });
    try {
      const [one, two] = [testEvents(1), testEvents(2)];
      await store.append('a-1', one, 'no_stream');
      await store.append('a-2', two, 'no_stream');
      const before = store.groupCommitStats();
      const results = await Promise.allSettled([
        store.append('b-1', testEvents(1), 'no_stream'),
        store.append('a-1', one, 'any'), // one-event replay
        store.append('c-1', one, 'any'), // someone else's eventId
        store.append('a-2', two, 'any'), // multi-event replay
        store.append('c-2', [...testEvents(1), two[1]!], 'any'), // partly someone else's
        store.append('b-2', testEvents(2), 'no_stream'),
      ]);
      expect(store.groupCommitStats().transactions - before.transactions).toBe(1);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.written : (r.reason as { code: string }).code))).toEqual([
        true,
        false,
        'STORE.DUPLICATE_EVENT_ID',
        false,
        'STORE.DUPLICATE_EVENT_ID',
        true,
      ]);
      const replay = results[3] as PromiseFulfilledResult<{ position: number; nextExpectedRevision: number }>;
      expect(replay.value).toMatchObject({ nextExpectedRevision: 1, position: (await store.readStream('a-2'))[1]!.position });
      expect(await store.readStream('c-1')).toEqual([]);
      expect(await store.readStream('c-2')).toEqual([]);
      expect(await store.readAll()).toHaveLength(6);
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, streams: 4, events: 6 });
    } finally {
      await store.close();
    }
  });

  it('answers an append replayed within its own batch with the position of the first', async () => {
    const store = await PostgresEventStore.connect({ url, clock: new FakeClock() });
    try {
      const events = testEvents(2);
      const [first, again] = await Promise.all([store.append('r-1', events, 'no_stream'), store.append('r-1', events, 'no_stream')]);
      expect(first).toMatchObject({ written: true, nextExpectedRevision: 1 });
      expect(first.events).toEqual(await store.readStream('r-1'));
      expect(again).toEqual({ ...first, written: false, events: [] });
      expect(await store.readAll()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('writes the same hashes as the sqlite log for the same events, also for data JSON is picky about', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-pg-vs-sqlite-'));
    const clock = new FakeClock();
    const pg = await PostgresEventStore.connect({ url, clock, listen: false });
    const sqlite = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock });
    try {
      const events = [
        testEvent(
          'Opened',
          { title: '手卫生未落实', nul: 'a\u0000b', big: 1e21, small: 0.1, neg: -0, nested: { z: 1, a: [1, null] } },
          'e-1',
        ),
        testEvent('Noted', { quote: '"\\\n', emoji: '😀', lone: '\ud800' }, 'e-2'),
      ];
      for (const store of [pg, sqlite]) {
        clock.set('2025-03-03T01:00:00.000Z');
        await store.append('case-1', events.slice(0, 1), 'no_stream');
        clock.advance(60_000);
        await store.append('case-1', events.slice(1), 0);
      }
      const [fromPg, fromSqlite] = [await pg.readStream('case-1'), await sqlite.readStream('case-1')];
      expect(fromPg.map((e) => e.metadata.hash)).toEqual(fromSqlite.map((e) => e.metadata.hash));
      expect(fromPg.map((e) => [e.data, e.metadata])).toEqual(fromSqlite.map((e) => [e.data, e.metadata]));
      // The whole-log read is gapless: it holds back events above the cluster's oldest running
      // transaction, which another suite's (on another database of the same server) can be.
      await eventually(async () => (await verifyLogAndHeads(pg)).events === 2, 'the whole log to show both events', { ms: 60_000 });
      expect(await verifyLogAndHeads(pg)).toMatchObject({ ok: true, events: 2 });
    } finally {
      await pg.close();
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
