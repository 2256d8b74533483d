import { FiredTimer, TimerHandler, TimerScheduler, TimerSpec, scheduleAll } from '@bihuan/timers';
import { FakeClock } from './fake-clock';

/** What a timer adapter's test file hands the contract for each test. */
export interface TimerContractHarness {
  readonly scheduler: TimerScheduler;
  /** The fake clock the adapter runs on, or null when it runs on real time (sqlite, bullmq). */
  readonly clock: FakeClock | null;
  /** Makes time reach `toIso`: advances fake time (firing what is due) or waits for the real clock. */
  advance(toIso: string): Promise<void>;
  teardown(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one suite every TimerScheduler adapter passes (architecture.md, rule 6). On real time the
 * due times are a few hundred ms ahead and outcomes are awaited by polling with generous limits;
 * nothing asserts how fast a timer fires, only that it fires, once, never early, with its payload.
 */
export function timerSchedulerContract(name: string, setup: () => Promise<TimerContractHarness>): void {
  describe(`TimerScheduler contract: ${name}`, () => {
    let h: TimerContractHarness;
    let fired: FiredTimer[];
    let firedAt: number[];

    beforeEach(async () => {
      h = await setup();
      fired = [];
      firedAt = [];
    });
    afterEach(async () => {
      await h?.teardown();
    });

    const realTime = (): boolean => h.clock === null;
    const now = (): number => (h.clock ? h.clock.now().getTime() : Date.now());
    const iso = (ms: number): string => new Date(ms).toISOString();
    /** How far ahead a "soon" timer is due: an hour of fake time, 700 ms of real time. */
    const lead = (): number => (realTime() ? 700 : 3_600_000);
    const record: TimerHandler = async (t) => {
      fired.push(t);
      firedAt.push(now());
    };
    const timer = (id: string, dueMs: number, payload: Record<string, unknown> = { id }): TimerSpec => ({ id, dueAt: iso(dueMs), payload });

    async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
        await sleep(20);
      }
    }
    /** Gives a real-time adapter a chance to misbehave (fire twice, fire a cancelled timer). */
    async function settle(): Promise<void> {
      if (realTime()) await sleep(600);
    }
    const pendingIds = async (): Promise<string[]> => (await h.scheduler.pending()).map((t) => t.id);

    it('fires a timer once after it is due, with its payload and attempt 1', async () => {
      await h.scheduler.start(record);
      const due = now() + lead();
      await h.scheduler.schedule(timer('case-1.answer.expire', due, { stream: 'complaintTicket-1', n: 1 }));
      await h.advance(iso(due));
      await eventually('it fired', () => fired.length >= 1);
      await h.advance(iso(due + lead()));
      await settle();
      expect(fired).toEqual([{ id: 'case-1.answer.expire', dueAt: iso(due), payload: { stream: 'complaintTicket-1', n: 1 }, attempt: 1 }]);
      expect(firedAt[0]).toBeGreaterThanOrEqual(due);
      await eventually('nothing is pending', async () => (await pendingIds()).length === 0);
    });

    it('does not fire before it is due', async () => {
      await h.scheduler.start(record);
      const due = now() + 2 * lead() + (realTime() ? 800 : 0);
      await h.scheduler.schedule(timer('not-yet', due));
      await h.advance(iso(realTime() ? now() + 200 : due - 1));
      expect(fired).toEqual([]);
      expect(await pendingIds()).toEqual(['not-yet']);
      await h.advance(iso(due));
      await eventually('it fired', () => fired.length === 1);
      expect(firedAt[0]).toBeGreaterThanOrEqual(due);
    });

    it('replaces a timer scheduled again under the same id: only the latest fires', async () => {
      await h.scheduler.start(record);
      const first = now() + lead();
      const second = first + lead();
      await h.scheduler.schedule(timer('same-id', first, { version: 1 }));
      await h.scheduler.schedule(timer('same-id', second, { version: 2 }));
      expect(await h.scheduler.pending()).toEqual([timer('same-id', second, { version: 2 })]);
      await h.advance(iso(first + 1));
      await settle();
      expect(fired).toEqual([]);
      await h.advance(iso(second));
      await eventually('it fired', () => fired.length >= 1);
      await settle();
      expect(fired.map((t) => [t.dueAt, t.payload])).toEqual([[iso(second), { version: 2 }]]);
    });

    it('scheduleMany behaves like schedule for each entry in order', async () => {
      await h.scheduler.start(record);
      const due = now() + lead();
      await h.scheduler.schedule(timer('batch-a', due + lead(), { version: 1 }));
      await scheduleAll(h.scheduler, [timer('batch-a', due, { version: 2 }), timer('batch-b', due), timer('batch-a', due, { version: 3 })]);
      expect((await h.scheduler.pending()).map((t) => [t.id, t.payload])).toEqual([
        ['batch-a', { version: 3 }],
        ['batch-b', { id: 'batch-b' }],
      ]);
      await h.advance(iso(due + lead()));
      await eventually('both fired', () => fired.length >= 2);
      await settle();
      expect(fired.map((t) => [t.id, t.payload]).sort()).toEqual([
        ['batch-a', { version: 3 }],
        ['batch-b', { id: 'batch-b' }],
      ]);
    });

    it('reschedule moves a pending timer and keeps its payload; unknown ids are a no-op', async () => {
      await h.scheduler.start(record);
      const later = now() + 20 * lead();
      const sooner = now() + lead();
      await h.scheduler.schedule(timer('moved', later, { keep: true }));
      await h.scheduler.reschedule('moved', iso(sooner));
      await h.scheduler.reschedule('ghost', iso(sooner));
      expect(await h.scheduler.pending()).toEqual([timer('moved', sooner, { keep: true })]);
      await h.advance(iso(sooner));
      await eventually('it fired', () => fired.length === 1);
      expect(fired[0]).toEqual({ ...timer('moved', sooner, { keep: true }), attempt: 1 });
    });

    it('cancel prevents firing; cancelling twice or an unknown id is a no-op', async () => {
      await h.scheduler.start(record);
      const due = now() + lead();
      await h.scheduler.schedule(timer('cancelled', due));
      await h.scheduler.cancel('cancelled');
      await h.scheduler.cancel('cancelled');
      await h.scheduler.cancel('never-scheduled');
      await h.advance(iso(due + lead()));
      await settle();
      expect(fired).toEqual([]);
      expect(await h.scheduler.pending()).toEqual([]);
    });

    it('pending() lists timers by dueAt and excludes fired and cancelled ones', async () => {
      await h.scheduler.start(record);
      const t0 = now();
      await h.scheduler.schedule(timer('p-c', t0 + 30 * lead()));
      await h.scheduler.schedule(timer('p-a', t0 + lead()));
      await h.scheduler.schedule(timer('p-d', t0 + 25 * lead()));
      await h.scheduler.schedule(timer('p-b', t0 + 20 * lead()));
      await h.scheduler.cancel('p-d');
      expect(await pendingIds()).toEqual(['p-a', 'p-b', 'p-c']);
      await h.advance(iso(t0 + lead()));
      await eventually('p-a fired', () => fired.length === 1);
      await eventually('p-a left pending', async () => (await pendingIds()).join() === 'p-b,p-c');
      expect(fired.map((t) => t.id)).toEqual(['p-a']);
    });

    it('retries a timer whose handler threw (attempt 2) and stops once it succeeds', async () => {
      const attempts: number[] = [];
      await h.scheduler.start(async (t) => {
        attempts.push(t.attempt);
        if (t.attempt === 1) throw new Error('handler failed');
      });
      const due = now() + lead();
      await h.scheduler.schedule(timer('flaky', due));
      await h.advance(iso(due));
      await eventually('first attempt', () => attempts.length >= 1);
      await h.advance(iso(realTime() ? due : due + 24 * 3_600_000));
      await eventually('second attempt', () => attempts.length >= 2);
      await settle();
      expect(attempts).toEqual([1, 2]);
      await eventually('nothing is pending', async () => (await pendingIds()).length === 0);
    });

    it('keeps a timer that its own handler scheduled again while running', async () => {
      await h.scheduler.start(async (t) => {
        await record(t);
        if (t.payload['round'] === 1) await h.scheduler.schedule(timer(t.id, now() + lead(), { round: 2 }));
      });
      const due = now() + lead();
      await h.scheduler.schedule(timer('self-rearm', due, { round: 1 }));
      await h.advance(iso(due));
      await eventually('round 1', () => fired.length >= 1);
      await h.advance(iso(now() + 2 * lead()));
      await eventually('round 2', () => fired.length >= 2);
      await settle();
      expect(fired.map((t) => t.payload['round'])).toEqual([1, 2]);
    });

    it('stop() resolves only after the running handler has finished', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      let finished = false;
      await h.scheduler.start(async () => {
        started = true;
        await gate;
        finished = true;
      });
      const due = now() + lead();
      await h.scheduler.schedule(timer('slow', due));
      const advancing = h.advance(iso(due));
      await eventually('the handler started', () => started);
      let stopped = false;
      const stopping = h.scheduler.stop().then(() => (stopped = true));
      await sleep(100);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(finished).toBe(true);
      await advancing;
    });

    it('missing() names, in the order given, the ids with no pending timer; a running or replaced one is pending', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      await h.scheduler.start(async (t) => {
        await record(t);
        if (t.id !== 'm-running') return;
        started = true;
        await gate;
      });
      const due = now() + lead();
      await h.scheduler.schedule(timer('m-running', due));
      await h.scheduler.schedule(timer('m-later', now() + 30 * lead()));
      await h.scheduler.schedule(timer('m-cancelled', now() + 30 * lead()));
      await h.scheduler.cancel('m-cancelled');
      expect(await h.scheduler.missing([])).toEqual([]);
      expect(await h.scheduler.missing(['m-never', 'm-later', 'm-cancelled', 'm-running'])).toEqual(['m-never', 'm-cancelled']);
      // Thousands at once (BullMQ answers per chunk of 2,000).
      const many = Array.from({ length: 4_500 }, (_, i) => `m-many.${i}`);
      expect(await h.scheduler.missing([...many, 'm-later'])).toEqual(many);
      const advancing = h.advance(iso(due));
      await eventually('the handler started', () => started);
      expect(await h.scheduler.missing(['m-running'])).toEqual([]);
      await h.scheduler.schedule(timer('m-running', now() + 30 * lead(), { version: 2 }));
      expect(await h.scheduler.missing(['m-running'])).toEqual([]);
      release();
      await advancing;
      await settle();
      expect(await h.scheduler.missing(['m-running', 'm-later'])).toEqual([]);
      await h.scheduler.cancel('m-running');
      expect(await h.scheduler.missing(['m-running', 'm-later'])).toEqual(['m-running']);
    });

    it('missing() reports a timer once it has fired and been handled', async () => {
      await h.scheduler.start(record);
      const due = now() + lead();
      await h.scheduler.schedule(timer('m-done', due));
      await h.advance(iso(due));
      await eventually('it fired', () => fired.length >= 1);
      await eventually('it is missing', async () => (await h.scheduler.missing(['m-done'])).length === 1);
    });

    it('rejects ids that are unsafe on any adapter', async () => {
      const due = iso(now() + lead());
      for (const id of ['a:b', '12345', '', 'has space', 'x'.repeat(201), 'ümlaut']) {
        await expect(h.scheduler.schedule({ id, dueAt: due, payload: {} })).rejects.toThrow(/Invalid timer id/);
        await expect(scheduleAll(h.scheduler, [{ id, dueAt: due, payload: {} }])).rejects.toThrow(/Invalid timer id/);
      }
      expect(await h.scheduler.pending()).toEqual([]);
    });

    it('fires each of 200 timers exactly once', async () => {
      await h.scheduler.start(record);
      const t0 = now();
      const timers = Array.from({ length: 200 }, (_, i) => timer(`many.${i}`, t0 + lead() + (i % 50) * (lead() / 50)));
      for (const t of timers.slice(0, 100)) await h.scheduler.schedule(t);
      await scheduleAll(h.scheduler, timers.slice(100));
      await h.advance(iso(t0 + 2 * lead()));
      await eventually('all 200 fired', () => fired.length >= 200, 60_000);
      await settle();
      const counts = new Map<string, number>();
      for (const t of fired) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(fired.every((t, i) => firedAt[i]! >= Date.parse(t.dueAt))).toBe(true);
      await eventually('nothing is pending', async () => (await pendingIds()).length === 0);
    }, 90_000);
  });
}
