import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract, FakeClock, testEvents } from '@bihuan/testing';
import { RecordedEvent } from '../../event-store.port';
import { verifyLogAndHeads } from '../verify-heads';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-store-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

eventStoreContract('sqlite', async () => {
  const clock = new FakeClock();
  const store = SqliteEventStore.open({ file: tempFile(), clock, pollIntervalMs: 50 });
  return { store, clock, teardown: () => store.close() };
});

describe('SqliteEventStore', () => {
  it('keeps what it acknowledged across close and reopen, and continues the chain', async () => {
    const file = tempFile();
    const clock = new FakeClock();
    const first = SqliteEventStore.open({ file, clock });
    const r = await first.append('finding-1', testEvents(3), 'no_stream');
    await first.close();
    const second = SqliteEventStore.open({ file, clock });
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

  it('group-commits concurrent appends: 64 appends in far fewer than 64 transactions', async () => {
    const store = SqliteEventStore.open({ file: tempFile(), clock: new FakeClock() });
    try {
      const before = store.groupCommitStats();
      const results = await Promise.all(Array.from({ length: 64 }, (_, i) => store.append(`load-${i}`, testEvents(1), 'no_stream')));
      const after = store.groupCommitStats();
      expect(results.every((r) => r.written)).toBe(true);
      expect(after.appends - before.appends).toBe(64);
      expect(after.transactions - before.transactions).toBeLessThanOrEqual(2);
      expect(await store.readAll()).toHaveLength(64);
    } finally {
      await store.close();
    }
  });

  it('shares one file between two stores (processes): no lost update, subscriptions see the other writer', async () => {
    const file = tempFile();
    const clock = new FakeClock();
    const a = SqliteEventStore.open({ file, clock, pollIntervalMs: 20 });
    const b = SqliteEventStore.open({ file, clock, pollIntervalMs: 20 });
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
    const store = SqliteEventStore.open({ file: tempFile(), clock: new FakeClock() });
    try {
      const [one, two] = [testEvents(1), testEvents(2)];
      await store.append('a-1', one, 'no_stream');
      await store.append('a-2', two, 'no_stream');
      const before = store.groupCommitStats();
      const results = await Promise.allSettled([
        store.append('b-1', testEvents(1), 'no_stream'),
        store.append('a-1', one, 'any'), // one-event replay (no savepoint)
        store.append('c-1', one, 'any'), // someone else's eventId
        store.append('a-2', two, 'any'), // multi-event replay (savepoint)
        store.append('c-2', [...testEvents(1), two[1]!], 'any'), // fails on its second insert
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
      expect(await store.readStream('c-1')).toEqual([]);
      expect(await store.readStream('c-2')).toEqual([]);
      expect(await store.readAll()).toHaveLength(6);
      expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, streams: 4, events: 6 });
    } finally {
      await store.close();
    }
  });

  it('refuses an eventId that another stream already holds', async () => {
    const store = SqliteEventStore.open({ file: tempFile(), clock: new FakeClock() });
    try {
      const events = testEvents(1);
      await store.append('a-1', events, 'no_stream');
      await expect(store.append('b-1', events, 'any')).rejects.toMatchObject({ code: 'STORE.DUPLICATE_EVENT_ID' });
      expect(await store.readStream('b-1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
