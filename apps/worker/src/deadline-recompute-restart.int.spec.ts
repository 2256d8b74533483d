import {
  Command,
  DeadlineBook,
  DeadlineEvent,
  decideRecompute,
  Decider,
  evolveDeadlines,
  expiryIsDue,
  RecomputeDeadline,
  SYSTEM_ACTOR,
} from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CommandRouter } from '@bihuan/processing';
import { CalendarService, WorkerRuntime } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { sqliteWorkerFile } from './testing/sqlite-worker.fixture';

/**
 * Issue 12, part 5: "a restart between import and recomputation loses nothing". Three deadlines
 * computed on provisional 2027 live in a test category whose decider delegates to core
 * `decideRecompute` (as every context's does); the worker runs on the embedded SQLite file
 * (event log, timers, read models and checkpoints in one file), and a second worker process is a
 * new WorkerRuntime on the same file. The made-up official 2027 also gives Monday 4 January off.
 */
const OFFICIAL_2027 = {
  year: 2027,
  source: 'test notice (made up)',
  holidays: { '2027-01-01': '元旦', '2027-01-04': '元旦' },
  makeupWorkdays: {},
};
const STREAMS = ['provCase-1', 'provCase-2', 'provCase-3'];
const START = '2026-12-28T02:00:00.000Z'; // Monday 28 December 2026, 10:00 Shanghai

type CaseCommand = RecomputeDeadline | Command<'ExpireDeadline', { deadlineId: string; dueAt: string }>;
const caseDecider: Decider<CaseCommand, DeadlineEvent, DeadlineBook> = {
  initialState: {},
  evolve: (book, event) => evolveDeadlines(book, event),
  decide: (command, book) => {
    if (command.type === 'RecomputeDeadline') return decideRecompute(book, command);
    return expiryIsDue(book, command.data) ? [{ type: 'DeadlineExpired', data: { ...command.data, expiredAt: command.metadata.now } }] : [];
  },
};

/** A worker process killed right after its first recompute: nothing after that reaches the log. */
class KilledAfterFirstRecompute extends CommandRouter {
  private passed = 0;
  killed!: Promise<void>;
  private markKilled!: () => void;
  constructor(store: SqliteEventStore) {
    super(store);
    this.killed = new Promise((resolve) => (this.markKilled = resolve));
  }
  override send(stream: string, command: Command): Promise<unknown> {
    if (command.type === 'RecomputeDeadline') {
      if (this.passed >= 1) {
        this.markKilled();
        return Promise.reject(new Error('process killed'));
      }
      this.passed += 1;
    }
    return super.send(stream, command);
  }
}

describe('recomputation on a calendar import survives a worker restart (SQLite checkpoints)', () => {
  const clock = new FakeClock(START);
  const worker = sqliteWorkerFile('bihuan-recompute-', clock);
  const boot = (routerOf: (store: SqliteEventStore) => CommandRouter = (store) => new CommandRouter(store)) =>
    worker.boot([], (store) => routerOf(store).register('provCase', caseDecider));

  /** 5, 6 and 7 working days from Monday 28 December: all due in provisional 2027. */
  async function seed(store: SqliteEventStore, calendar: CalendarService): Promise<string[]> {
    const cal = await calendar.current();
    const dues: string[] = [];
    for (const [i, stream] of STREAMS.entries()) {
      const { dueAt, calendarVersion } = cal.addWorkingDays(START, 5 + i);
      expect(calendarVersion).toMatch(/\+provisional:2027@statutory-2025$/);
      const data = {
        deadlineId: 'answer',
        purpose: 'answer',
        startedAt: START,
        dueAt,
        workingDays: 5 + i,
        calendarVersion,
        warnAt: [],
        policy: {},
      };
      const metadata = {
        eventId: `set-${stream}`,
        correlationId: `corr-${stream}`,
        causationId: null,
        actor: SYSTEM_ACTOR,
        occurredAt: START,
        schemaVersion: 1,
      };
      await store.append(stream, [{ type: 'DeadlineSet', data, metadata }], 'no_stream');
      dues.push(dueAt);
    }
    return dues;
  }

  async function recomputeCaughtUp(runtime: WorkerRuntime, store: SqliteEventStore): Promise<void> {
    const [imported] = await store.readStream('calendar-cn', { direction: 'backwards', maxCount: 1 });
    await runtime.projections.find((r) => r.projection.name === 'deadlineRecompute')!.caughtUpTo(imported!.position);
  }

  /** Every deadline recomputed exactly once, onto the official calendar (one working day later). */
  async function expectEachRecomputedOnce(store: SqliteEventStore, calendar: CalendarService, provisionalDues: string[]): Promise<void> {
    const official = await calendar.current();
    for (const [i, stream] of STREAMS.entries()) {
      const recomputed = (await store.readStream(stream)).filter((e) => e.type === 'DeadlineRecomputed');
      const expected = official.addWorkingDays(START, 5 + i);
      expect(recomputed.map((e) => e.data)).toEqual([
        expect.objectContaining({ previousDueAt: provisionalDues[i], dueAt: expected.dueAt, calendarVersion: expected.calendarVersion }),
      ]);
      expect(Date.parse(expected.dueAt) - Date.parse(provisionalDues[i]!)).toBe(86_400_000);
      expect(expected.calendarVersion).not.toMatch(/provisional/);
    }
  }

  it('a worker killed after the first of three recomputes: the next one recomputes the other two, none twice', async () => {
    const first = await boot((store) => new KilledAfterFirstRecompute(store));
    const dues = await seed(first.store, first.calendar);
    await first.runtime.start();
    await first.calendar.importYear(OFFICIAL_2027, SYSTEM_ACTOR);
    await (first.router as KilledAfterFirstRecompute).killed;
    const done = (await first.store.readAll()).filter((e) => e.type === 'DeadlineRecomputed');
    expect(done).toHaveLength(1);
    const checkpoint = (await first.runtime.status()).find((s) => s.name === 'deadlineRecompute')!.checkpoint;
    const [imported] = await first.store.readStream('calendar-cn');
    expect(checkpoint === null || checkpoint < imported!.position).toBe(true); // the import is not marked handled
    await first.shutdown();

    const second = await boot();
    await second.runtime.start();
    await recomputeCaughtUp(second.runtime, second.store);
    await expectEachRecomputedOnce(second.store, second.calendar, dues);
    expect((await second.store.readAll()).filter((e) => e.type === 'DeadlineRecomputed')).toHaveLength(3);
    await second.shutdown();

    // A third start handles nothing again: the checkpoint is past the import.
    const third = await boot();
    await third.runtime.start();
    await recomputeCaughtUp(third.runtime, third.store);
    expect((await third.store.readAll()).filter((e) => e.type === 'DeadlineRecomputed')).toHaveLength(3);
    await third.shutdown();
  });

  it('an import recorded while no worker runs (API process only) is recomputed when the worker starts', async () => {
    const first = await boot();
    const dues = await seed(first.store, first.calendar);
    await first.runtime.start();
    const head = (await first.store.headPosition())!;
    await Promise.all(first.runtime.projections.map((r) => r.caughtUpTo(head)));
    await first.shutdown();

    const api = SqliteEventStore.open({ file: worker.file(), clock });
    await new CalendarService(api, clock).importYear(OFFICIAL_2027, SYSTEM_ACTOR);
    await api.close();

    const second = await boot();
    await second.runtime.start();
    await recomputeCaughtUp(second.runtime, second.store);
    await expectEachRecomputedOnce(second.store, second.calendar, dues);
    await second.shutdown();
  });
});
