import { WORKER_CONTRIBUTIONS } from '@bihuan/app';
import { readStreamStats, STREAM_STATS, WorkerRuntime } from '@bihuan/platform';
import Database from 'better-sqlite3';
import { DeadlineTerms, SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { expireTimerId } from '@bihuan/processing';
import { FakeClock } from '@bihuan/testing';
import { sqliteWorkerFile } from './testing/sqlite-worker.fixture';

let seq = 0;
function event(type: string, data: object): EventToAppend {
  seq += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `ev-${seq}`,
      correlationId: 'corr-1',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

describe('WorkerRuntime on the embedded SQLite file', () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const worker = sqliteWorkerFile('bihuan-worker-', clock);
  const boot = () => worker.boot(WORKER_CONTRIBUTIONS);

  async function caughtUp(runtime: WorkerRuntime, store: SqliteEventStore): Promise<void> {
    const head = await store.headPosition();
    const runner = runtime.projections.find((r) => r.projection.name === STREAM_STATS)!;
    if (head !== null) await runner.caughtUpTo(head);
  }

  it('projects stream-stats with a stored checkpoint and resumes after a restart without double counting', async () => {
    const first = await boot();
    await first.store.append('finding-1', [event('FindingOpened', {}), event('FindingAssigned', {})], 'no_stream');
    await first.store.append('finding-2', [event('FindingOpened', {})], 'no_stream');
    await first.store.append('complaintTicket-9', [event('ComplaintSubmitted', {})], 'no_stream');
    await first.runtime.start();
    await caughtUp(first.runtime, first.store);
    expect(await readStreamStats(first.database)).toEqual([
      expect.objectContaining({ category: 'complaintTicket', streams: 1, events: 1 }),
      expect.objectContaining({ category: 'finding', streams: 2, events: 3 }),
    ]);
    const statuses = await first.runtime.status();
    expect(statuses.find((s) => s.name === STREAM_STATS)).toMatchObject({
      checkpoint: await first.store.headPosition(),
      running: true,
      failures: 0,
    });
    await first.shutdown();

    const second = await boot();
    await second.store.append('finding-1', [event('FindingRectified', {})], 1);
    await second.runtime.start();
    await caughtUp(second.runtime, second.store);
    const finding = (await readStreamStats(second.database)).find((r) => r.category === 'finding');
    expect(finding).toMatchObject({ streams: 2, events: 4, lastPosition: await second.store.headPosition() });
    await second.shutdown();
  });

  it('re-arms the timers of pending deadlines on start', async () => {
    const first = await boot();
    const terms: DeadlineTerms = {
      deadlineId: 'answer',
      purpose: 'answer',
      startedAt: '2025-03-03T01:00:00.000Z',
      dueAt: '2025-03-17T09:30:00.000Z',
      workingDays: 10,
      calendarVersion: 'cn-2025@test',
      warnAt: [],
      policy: {},
    };
    await first.store.append('complaintTicket-42', [event('DeadlineSet', terms)], 'no_stream');
    await first.runtime.start();
    const head = (await first.store.headPosition())!;
    await Promise.all(first.runtime.workflows.map((w) => w.caughtUpTo(head)));
    expect((await first.scheduler.pending()).map((t) => t.id)).toContain(expireTimerId('complaintTicket-42', 'answer'));
    await first.shutdown();
    // The timer backend lost its timers (think: Redis flushed); the log still holds the deadline and
    // the deadline workflow has already handled it, so only the re-arm can bring the timer back.
    const wiped = new Database(worker.file());
    wiped.exec('DELETE FROM timers');
    wiped.close();

    const second = await boot();
    await second.runtime.start();
    expect(await second.runtime.rearmed).toBeGreaterThanOrEqual(1);
    const pending = await second.scheduler.pending();
    expect(pending.map((t) => t.id)).toContain(expireTimerId('complaintTicket-42', 'answer'));
    expect(pending.find((t) => t.id === expireTimerId('complaintTicket-42', 'answer'))?.dueAt).toBe('2025-03-17T09:30:00.000Z');
    await second.shutdown();
  });
});
