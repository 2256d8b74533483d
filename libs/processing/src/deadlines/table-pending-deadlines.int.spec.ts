import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { migrateToLatest } from '@bihuan/database';
import { MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { TableCheckpointStore } from '../checkpoints/table-checkpoint-store.adapter';
import { PROCESSING_MIGRATIONS } from '../processing.migrations';
import { Projection } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { deadlineSet } from '../testing/messages';
import { PendingDeadlinesProjection } from './pending-deadlines.projection';
import { TablePendingDeadlines } from './table-pending-deadlines.adapter';

const PROVISIONAL = 'cn@chinese-days-1.5.7+provisional:2027@statutory-2025';
const OFFICIAL = 'cn@chinese-days-1.5.7+2027@15e6615f18a1';

function recorded(type: string, data: Record<string, unknown>, n: number): RecordedEvent {
  return {
    type,
    data,
    streamName: 'finding-1',
    revision: n,
    position: n,
    metadata: {
      eventId: `e${n}`,
      correlationId: 'c',
      causationId: null,
      actor: { id: 'system', role: 'system', unit: 'root' },
      occurredAt: '',
      recordedAt: '',
      schemaVersion: 1,
      prevHash: null,
      hash: '',
    },
  } as unknown as RecordedEvent;
}

const meta = (eventId: string) => ({
  eventId,
  correlationId: 'c',
  causationId: null,
  actor: SYSTEM_ACTOR,
  occurredAt: '2025-03-03T01:00:00.000Z',
  schemaVersion: 1,
});

describe.each(TEST_SQL_DIALECTS)('PendingDeadlinesProjection in tables on $name', (dialect) => {
  let test: TestSqlDatabase;
  afterEach(() => test.dispose());

  it('keeps the calendar version of each row and follows a recompute to the official version', async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS]);
    const projection = PendingDeadlinesProjection.table(test.database);
    const set = {
      deadlineId: 'rectify',
      purpose: 'rectify',
      startedAt: '2026-12-14T02:00:00.000Z',
      dueAt: '2027-01-05T15:59:59.999Z',
      workingDays: 15,
      calendarVersion: PROVISIONAL,
      warnAt: ['2026-12-24T04:00:00.000Z'],
      policy: {},
    };
    await projection.handle(recorded('DeadlineSet', set, 0));
    expect((await projection.pending())[0]).toMatchObject({ calendarVersion: PROVISIONAL, dueAt: set.dueAt });
    const data = {
      deadlineId: 'rectify',
      previousDueAt: set.dueAt,
      dueAt: '2027-01-06T15:59:59.999Z',
      warnAt: ['2026-12-24T16:00:00.000Z'],
      previousCalendarVersion: PROVISIONAL,
      calendarVersion: OFFICIAL,
      recomputedAt: '2026-12-20T02:00:00.000Z',
      remainingMs: null,
    };
    await projection.handle(recorded('DeadlineRecomputed', data, 1));
    expect(await projection.pending()).toEqual([
      expect.objectContaining({
        status: 'pending',
        dueAt: data.dueAt,
        warnAt: data.warnAt,
        warned: [],
        calendarVersion: OFFICIAL,
        causationId: 'e1',
      }),
    ]);
    expect(await projection.checkpoints!.load('pendingDeadlines')).toBe(1);
  });

  it('given the worker restarts, then it resumes from the checkpoint saved with its rows', async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS]);
    const store = new MemoryEventStore(new FakeClock());
    await store.append('case-1', [{ ...deadlineSet('2025-03-10T01:00:00.000Z'), metadata: meta('e1') }], 'no_stream');
    await store.append('case-2', [{ ...deadlineSet('2025-03-12T01:00:00.000Z'), metadata: meta('e2') }], 'no_stream');
    let projection = PendingDeadlinesProjection.table(test.database);
    let runner = new ProjectionRunner(store, projection, { checkpoints: projection.checkpoints! });
    await runner.start();
    const [, second] = await store.readAll();
    await runner.caughtUpTo(second!.position);
    await runner.stop();

    await store.append(
      'case-1',
      [{ type: 'DeadlineCleared', data: { deadlineId: 'answer', clearedAt: 'x', outcome: 'met' }, metadata: meta('e3') }],
      0,
    );
    projection = PendingDeadlinesProjection.table(test.database);
    expect(await projection.checkpoints!.load('pendingDeadlines')).toBe(second!.position);
    const seen: number[] = [];
    const inner = projection;
    const counted: Projection = {
      name: inner.name,
      filter: inner.filter,
      checkpoints: inner.checkpoints,
      handle: async (e: RecordedEvent) => {
        seen.push(e.position);
        await inner.handle(e);
      },
    };
    runner = new ProjectionRunner(store, counted, { checkpoints: new TableCheckpointStore(test.database) });
    await runner.start();
    const head = (await store.headPosition())!;
    await runner.caughtUpTo(head);
    await runner.stop();
    expect(seen).toEqual([head]);
    expect((await projection.pending()).map((p) => p.stream)).toEqual(['case-2']);
  });

  it('lists by dueAt, then stream and deadline id as code points, and counts rows per calendar version', async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS]);
    const projection = PendingDeadlinesProjection.table(test.database);
    const set = (stream: string, dueAt: string, deadlineId: string, n: number): RecordedEvent => ({
      ...recorded('DeadlineSet', deadlineSet(dueAt, [], deadlineId).data as unknown as Record<string, unknown>, n),
      streamName: stream,
    });
    await projection.handleBatch([
      set('case_1', '2025-03-10T01:00:00.000Z', 'answer', 1),
      set('case-2', '2025-03-10T01:00:00.000Z', 'answer', 2),
      set('case-1', '2025-03-09T01:00:00.000Z', 'b', 3),
      set('case-1', '2025-03-09T01:00:00.000Z', 'a', 4),
    ]);
    expect((await projection.pending()).map((p) => `${p.stream}/${p.deadlineId}`)).toEqual([
      'case-1/a',
      'case-1/b',
      'case-2/answer',
      'case_1/answer',
    ]);
  });

  it('lists the rows computed on a provisional year, soonest first, with their count', async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS]);
    const rows = TablePendingDeadlines.of(test.database);
    const row = (stream: string, dueAt: string, calendarVersion: string) =>
      rows.put({
        stream,
        deadlineId: 'answer',
        purpose: 'answer',
        status: 'pending',
        dueAt,
        warnAt: [],
        warned: [],
        calendarVersion,
        correlationId: 'c',
        causationId: 'e',
      });
    await row('case-late', '2027-01-08T15:59:59.999Z', PROVISIONAL);
    await row('case-official', '2027-01-04T15:59:59.999Z', OFFICIAL);
    await row('case-soon', '2027-01-05T15:59:59.999Z', PROVISIONAL);
    await row('case-two-years', '2028-01-05T15:59:59.999Z', `${PROVISIONAL}+provisional:2028@statutory-2025`);
    const first = await rows.provisional(2);
    expect(first.count).toBe(3);
    expect(first.first.map((r) => r.stream)).toEqual(['case-soon', 'case-late']);
    expect((await rows.provisional(10)).first.map((r) => r.stream)).toEqual(['case-soon', 'case-late', 'case-two-years']);
  });
});

// Only SQLite data directories predate migrations.
describe.each(TEST_SQL_DIALECTS.filter((d) => d.name === 'sqlite'))('processing migrations on $name', (dialect) => {
  let test: TestSqlDatabase;
  afterEach(() => test.dispose());

  it('drop a pending-deadlines table of the older schema with its checkpoint, so the projection rebuilds it from the log', async () => {
    test = await dialect.open([]);
    const db = test.database.db;
    await sql`CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position BIGINT NOT NULL)`.execute(db);
    await sql`CREATE TABLE pending_deadlines (stream TEXT, deadline_id TEXT, purpose TEXT, status TEXT, due_at TEXT, warn_at TEXT, warned TEXT, correlation_id TEXT, causation_id TEXT)`.execute(
      db,
    );
    await sql`INSERT INTO pending_deadlines VALUES ('s', 'd', 'p', 'pending', 'x', '[]', '[]', 'c', 'e')`.execute(db);
    const checkpoints = new TableCheckpointStore(test.database);
    await checkpoints.save('pendingDeadlines', 41);
    await checkpoints.save('other', 7);
    await migrateToLatest(test.database, [PROCESSING_MIGRATIONS]);
    const projection = PendingDeadlinesProjection.table(test.database);
    expect(await projection.pending()).toEqual([]);
    expect(await checkpoints.load('pendingDeadlines')).toBeNull();
    expect(await checkpoints.load('other')).toBe(7);
  });
});
