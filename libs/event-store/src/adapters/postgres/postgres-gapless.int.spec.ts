import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { RecordedEvent } from '../../event-store.port';
import { CatchUpSubscription } from '../catch-up-subscription';
import { PostgresEventStore } from './postgres-event-store.adapter';
import { APPEND_LOCK_KEY } from './postgres-schema';

/**
 * Positions are handed out before commit, so on PostgreSQL a lower position can commit after a
 * higher one. These writers do what the store's group commit does (take the append lock, insert,
 * release the lock, COMMIT) on connections of their own, but hold their transactions open on
 * purpose, so the out-of-order commits happen every run instead of by chance.
 */
class HeldWriter {
  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<HeldWriter> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new HeldWriter(client);
  }

  /** Inserts one event and leaves its transaction open; resolves to its position. */
  async insert(stream: string, revision: number): Promise<number> {
    await this.client.query(`BEGIN; SELECT pg_advisory_lock(${APPEND_LOCK_KEY})`);
    const { rows } = await this.client.query<{ position: string }>(
      `INSERT INTO eventlog.events (stream, revision, category, event_id, type, data, metadata, recorded_at)
       VALUES ($1, $2, 'held', $3, 'Held', '{}', '{}', '2025-03-03T00:00:00.000Z') RETURNING position`,
      [stream, revision, randomUUID()],
    );
    await this.client.query(`SELECT pg_advisory_unlock(${APPEND_LOCK_KEY})`);
    return Number(rows[0]!.position);
  }

  commit(): Promise<unknown> {
    return this.client.query('COMMIT');
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

describe('PostgresEventStore catch-up under writers that commit out of order', () => {
  let db: TestPostgresDatabase;
  let store: PostgresEventStore;
  let writers: HeldWriter[];

  beforeEach(async () => {
    db = await createTestPostgresDatabase('gapless');
    store = await PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), pollIntervalMs: 10, visibilityWaitMs: 0 });
    writers = await Promise.all(Array.from({ length: 6 }, () => HeldWriter.open(db.url)));
  });

  afterEach(async () => {
    await Promise.all(writers.map((w) => w.close()));
    await store.close();
    await db.drop();
  });

  it('does not show a committed event while a lower position is still in flight, and then delivers both in order', async () => {
    const [late, early] = [writers[0]!, writers[1]!];
    const lower = await late.insert('held-1', 0);
    const higher = await early.insert('held-2', 0);
    await early.commit();

    // A plain read sees the higher position committed and the lower one not: the gap a checkpoint would step over.
    expect(higher).toBeGreaterThan(lower);
    expect((await store.readStream('held-2')).map((e) => e.position)).toEqual([higher]);
    expect(await store.readStream('held-1')).toEqual([]);

    const seen: number[] = [];
    let reads = 0;
    let readAfterCommit: () => void = () => undefined;
    const polled = new Promise<void>((resolve) => (readAfterCommit = resolve));
    const source = {
      headPosition: () => store.headPosition(),
      readAll: async (options: Parameters<PostgresEventStore['readAll']>[0]) => {
        const page = await store.readAll(options);
        if ((reads += 1) >= 2) readAfterCommit();
        return page;
      },
    };
    const sub = new CatchUpSubscription(source, (e: RecordedEvent) => void seen.push(e.position), { pollIntervalMs: 10 });
    await polled; // it has looked at the log at least twice while `lower` was in flight
    expect(seen).toEqual([]);
    expect(await store.readAll()).toEqual([]);
    expect(await store.headPosition()).toBeNull();

    await late.commit();
    await sub.caughtUpTo(higher);
    await sub.stop();
    expect(seen.slice(0, 2)).toEqual([lower, higher]);
  });

  it('never skips an event while many writers, held and not, commit in shuffled order', async () => {
    const seen: number[] = [];
    const sub = store.subscribeToAll((e) => void seen.push(e.position));
    const other = await PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), listen: false, visibilityWaitMs: 0 });
    try {
      const positions: number[] = [];
      for (let round = 0; round < 5; round++) {
        const held = await Promise.all(writers.map((w, i) => w.insert(`held-${i}`, round)));
        positions.push(...held);
        // Store appends from two "processes" land while the held transactions are open …
        await Promise.all([store.append(`s-${round}`, testEvents(2), 'no_stream'), other.append(`o-${round}`, testEvents(3), 'no_stream')]);
        for (const stream of [`s-${round}`, `o-${round}`]) positions.push(...(await store.readStream(stream)).map((e) => e.position));
        // … and the held ones commit in reverse order of their positions.
        for (const w of [...writers].reverse()) await w.commit();
      }
      const last = Math.max(...positions);
      await sub.caughtUpTo(last);
      expect(seen).toEqual([...positions].sort((a, b) => a - b));
      expect(await store.readAll()).toHaveLength(positions.length);
    } finally {
      await sub.stop();
      await other.close();
    }
  });
});
