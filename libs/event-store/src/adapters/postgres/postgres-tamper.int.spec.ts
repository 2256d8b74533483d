import { Client } from 'pg';
import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { hashEvent } from '../../chain/hash-chain';
import { verifyStore } from '../../chain/verify';
import { verifyLogAndHeads } from '../verify-heads';
import { PostgresEventStore } from './postgres-event-store.adapter';

/**
 * Someone with write access to the database edits the log behind the store's back (as `psql`
 * would): verify must name the first event that was changed.
 */
describe('PostgresEventStore tamper evidence', () => {
  let db: TestPostgresDatabase;
  let store: PostgresEventStore;
  let intruder: Client;
  const positionOf = async (stream: string, revision: number): Promise<number> =>
    Number(
      (
        await intruder.query<{ position: string }>('SELECT position FROM eventlog.events WHERE stream = $1 AND revision = $2', [
          stream,
          revision,
        ])
      ).rows[0]!.position,
    );

  beforeAll(async () => {
    db = await createTestPostgresDatabase('tamper');
  });
  afterAll(async () => {
    await db.drop();
  });

  beforeEach(async () => {
    store = await PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), listen: false });
    intruder = new Client({ connectionString: db.url });
    await intruder.connect();
    await intruder.query('TRUNCATE eventlog.events');
    let revision: number | 'no_stream' = 'no_stream';
    for (let i = 0; i < 5; i++) {
      revision = (await store.append('finding-1', testEvents(1, 'Happened', i), revision)).nextExpectedRevision;
      await store.append(`other-${i}`, testEvents(1), 'no_stream');
    }
    expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, events: 10, streams: 6 });
  });

  afterEach(async () => {
    await intruder.end();
    await store.close();
  });

  it('names the event whose data was changed', async () => {
    await intruder.query(`UPDATE eventlog.events SET data = '{"n":99}' WHERE stream = 'finding-1' AND revision = 2`);
    const result = await verifyStore(store);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'content' });
    expect((await verifyStore(store, { stream: 'finding-1' })).firstBreak).toMatchObject({ revision: 2, problem: 'content' });
  });

  it('names the event after a deleted middle event as missing its predecessor', async () => {
    await intruder.query(`DELETE FROM eventlog.events WHERE stream = 'finding-1' AND revision = 2`);
    const result = await verifyStore(store);
    expect(result.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 3, problem: 'missing' });
    expect(result.firstBreak!.position).toBe(await positionOf('finding-1', 3));
  });

  it('notices two events whose order was swapped', async () => {
    const [p1, p2] = [await positionOf('finding-1', 1), await positionOf('finding-1', 2)];
    // Identity columns cannot be updated, but whoever owns the table can re-insert rows anywhere.
    await intruder.query(`BEGIN;
      CREATE TEMP TABLE moved ON COMMIT DROP AS SELECT * FROM eventlog.events WHERE position IN (${p1}, ${p2});
      DELETE FROM eventlog.events WHERE position IN (${p1}, ${p2});
      INSERT INTO eventlog.events OVERRIDING SYSTEM VALUE
        SELECT CASE WHEN position = ${p1} THEN ${p2} ELSE ${p1} END, transaction_id, stream, revision, category, event_id, type, data, metadata, recorded_at FROM moved;
      COMMIT`);
    const inStream = await verifyStore(store, { stream: 'finding-1' });
    expect(inStream.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'order', position: p1 });
    const whole = await verifyStore(store);
    expect(whole.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, position: p1 });
  });

  it('names the next event when an edited event was re-hashed to hide the edit', async () => {
    const [edited] = await store.readStream('finding-1', { fromRevision: 1, maxCount: 1 });
    const data = { n: 99 };
    const hash = hashEvent({ ...edited!, data });
    await intruder.query('UPDATE eventlog.events SET data = $1, metadata = $2 WHERE position = $3', [
      JSON.stringify(data),
      JSON.stringify({ ...edited!.metadata, hash }),
      edited!.position,
    ]);
    expect((await verifyStore(store)).firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'link' });
  });
});

describe('PostgresEventStore heads', () => {
  let db: TestPostgresDatabase;
  beforeAll(async () => {
    db = await createTestPostgresDatabase('heads');
  });
  afterAll(async () => {
    await db.drop();
  });

  const outcome = (r: PromiseSettledResult<{ nextExpectedRevision: number }>): number | string =>
    r.status === 'fulfilled' ? r.value.nextExpectedRevision : (r.reason as { code: string }).code;

  it('sees heads another store (process) moved between its own appends, in both directions', async () => {
    const clock = new FakeClock();
    const a = await PostgresEventStore.connect({ url: db.url, clock, listen: false });
    const b = await PostgresEventStore.connect({ url: db.url, clock, listen: false });
    try {
      await a.append('case-1', testEvents(1), 'no_stream');
      await b.append('case-1', testEvents(1), 0);
      await expect(a.append('case-1', testEvents(1), 0)).rejects.toMatchObject({ code: 'STORE.WRONG_EXPECTED_REVISION' });
      await a.append('case-1', testEvents(1), 1);
      await expect(b.append('case-1', testEvents(1), 1)).rejects.toMatchObject({ actual: 2 });
      expect((await b.append('case-1', testEvents(1), 2)).nextExpectedRevision).toBe(3);
      expect((await verifyStore(a, { stream: 'case-1' })).ok).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('chains several appends to one stream inside one batch', async () => {
    const store = await PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), listen: false });
    try {
      await store.append('x-1', testEvents(1), 'no_stream');
      const before = store.groupCommitStats();
      const results = await Promise.allSettled([
        store.append('x-1', testEvents(2), 0),
        store.append('x-1', testEvents(1), 0), // stale: the first append of the batch moved the stream
        store.append('x-1', testEvents(1), 2),
        store.append('y-1', testEvents(1), 'no_stream'),
        store.append('y-1', testEvents(3), 0),
      ]);
      expect(store.groupCommitStats().transactions - before.transactions).toBe(1);
      expect(results.map(outcome)).toEqual([2, 'STORE.WRONG_EXPECTED_REVISION', 3, 0, 3]);
      const heads = await store.streamHeads();
      expect([heads.get('x-1')?.revision, heads.get('y-1')?.revision]).toEqual([3, 3]);
      expect((await verifyStore(store, { stream: 'x-1' })).ok).toBe(true);
      expect((await verifyStore(store, { stream: 'y-1' })).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
