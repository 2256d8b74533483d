import { ManualTimerScheduler } from '@bihuan/timers';
import { ProjectionRunner } from '../projections/projection-runner';
import { FakeClock } from '@bihuan/testing';
import { RunnerHarness } from '../testing/runner-harness';
import { deadlineTimersWorkflow } from '../workflows/deadline-timers.workflow';
import { PendingDeadlinesProjection } from './pending-deadlines.projection';
import { rearmPendingDeadlines } from './rearm-pending-deadlines';

const DUE = '2025-03-10T01:00:00.000Z';
const WARN = '2025-03-07T01:00:00.000Z';

describe('PendingDeadlinesProjection and rearmPendingDeadlines', () => {
  let h: RunnerHarness;
  let projection: PendingDeadlinesProjection;
  let projector: ProjectionRunner;
  beforeEach(async () => {
    h = new RunnerHarness(new FakeClock('2025-03-03T01:00:00.000Z'));
    await h.startTimers();
    await h.run(deadlineTimersWorkflow);
    projection = PendingDeadlinesProjection.memory();
    projector = new ProjectionRunner(h.store, projection, { checkpoints: h.checkpoints });
    await projector.start();
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [WARN] });
    await h.send('case-2', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.send('case-2', 'PauseDeadline', { remainingMs: 5 });
    await h.send('case-3', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.send('case-3', 'CloseCase', {});
    await h.settle();
    await projector.caughtUpTo((await h.store.headPosition())!);
  });
  afterEach(async () => {
    await projector.stop();
    await h.close();
  });

  it('lists every deadline neither expired nor cleared, with its status', async () => {
    expect((await projection.pending()).map((p) => [p.stream, p.deadlineId, p.status, p.dueAt, p.warnAt, p.warned])).toEqual([
      ['case-1', 'answer', 'pending', DUE, [WARN], []],
      ['case-2', 'answer', 'paused', DUE, [], []],
    ]);
  });

  it('given timers lost (a fresh scheduler), when re-armed from the projection, then the deadline still fires once', async () => {
    await h.timers.stop();
    await h.startTimers(new ManualTimerScheduler(h.clock));
    expect(await h.timers.pending()).toEqual([]);

    expect(await rearmPendingDeadlines(projection, h.timers)).toBe(2);
    expect(await rearmPendingDeadlines(projection, h.timers)).toBe(2); // twice: same ids, replaced
    expect((await h.timers.pending()).map((t) => t.id)).toEqual(['dl.case-1.answer.warn.0', 'dl.case-1.answer.expire']);

    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle();
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineWarned', 'DeadlineExpired']);
    expect(await h.types('case-2')).toEqual(['DeadlineSet', 'DeadlinePaused']);
    await projector.caughtUpTo((await h.store.headPosition())!);
    expect((await projection.pending()).map((p) => p.stream)).toEqual(['case-2']);
  });

  it('given a warning already given, when re-armed, then only the expiry is scheduled again', async () => {
    await h.timers.advanceTo('2025-03-08T00:00:00.000Z');
    await h.settle();
    await projector.caughtUpTo((await h.store.headPosition())!);
    expect((await projection.pending())[0]!.warned).toEqual([WARN]);
    const fresh = new ManualTimerScheduler(h.clock);
    expect(await rearmPendingDeadlines(projection, fresh)).toBe(1);
    expect((await fresh.pending()).map((t) => t.id)).toEqual(['dl.case-1.answer.expire']);
  });

  it('given timers that fire twice (old and re-armed scheduler both), then the deadline expires once', async () => {
    const second = new ManualTimerScheduler(h.clock);
    await second.start(h.dispatcher.handle);
    await rearmPendingDeadlines(projection, second);
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await second.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle();
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineWarned', 'DeadlineExpired']);
    await second.stop();
  });
});
