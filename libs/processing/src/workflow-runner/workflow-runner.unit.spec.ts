import { TimerScheduler, TimerSpec } from '@bihuan/timers';
import { FakeClock } from '@bihuan/testing';
import { RunnerHarness } from '../testing/runner-harness';
import { deadlineTimersWorkflow } from '../workflows/deadline-timers.workflow';
import { INPUT_RECORDED, OUTPUTS_DISPATCHED } from './workflow-records';

const DUE = '2025-03-10T01:00:00.000Z';
const WARN = '2025-03-07T01:00:00.000Z';
const WF = 'deadlineTimers-case-1';

describe('WorkflowRunner with the deadline-timers workflow', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = new RunnerHarness(new FakeClock('2025-03-03T01:00:00.000Z'));
    await h.startTimers();
  });
  afterEach(() => h.close());

  it('given a case with a deadline, when time passes its due instant, then exactly one DeadlineExpired is recorded', async () => {
    await h.run(deadlineTimersWorkflow);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [WARN] });
    await h.settle();
    expect((await h.timers.pending()).map((t) => t.id)).toEqual(['dl.case-1.answer.warn.0', 'dl.case-1.answer.expire']);
    expect(await h.types(WF)).toEqual([INPUT_RECORDED, 'OutputRecorded', 'OutputRecorded', OUTPUTS_DISPATCHED]);

    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle();
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineWarned', 'DeadlineExpired']);
    const [, , expired] = await h.store.readStream('case-1');
    expect(expired!.data).toEqual({ deadlineId: 'answer', dueAt: DUE, expiredAt: DUE });
    expect(await h.timers.pending()).toEqual([]);
  });

  it('given a fired expiry, when the same timer fires again (duplicate or late), then there is still one DeadlineExpired', async () => {
    await h.run(deadlineTimersWorkflow);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.settle();
    const [timer] = (await h.timers.pending()) as TimerSpec[];
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.dispatcher.handle({ ...timer!, attempt: 2 });
    await h.timers.schedule(timer!);
    await h.timers.advanceTo('2025-03-12T00:00:00.000Z');
    await h.settle();
    expect((await h.types('case-1')).filter((t) => t === 'DeadlineExpired')).toHaveLength(1);
  });

  it('given a paused deadline, when its old due instant passes, then nothing expires; resumed, it expires at the new dueAt', async () => {
    await h.run(deadlineTimersWorkflow);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [WARN] });
    await h.settle();
    await h.send('case-1', 'PauseDeadline', { remainingMs: 1000 });
    await h.settle();
    expect(await h.timers.pending()).toEqual([]);
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.send('case-1', 'ResumeDeadline', { dueAt: '2025-03-14T01:00:00.000Z', warnAt: [] });
    await h.settle();
    await h.timers.advanceTo('2025-03-15T00:00:00.000Z');
    await h.settle();
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlinePaused', 'DeadlineResumed', 'DeadlineExpired']);
  });

  it('given a runner restarted mid-way (new instance, same store, even without a checkpoint), then no output is recorded twice', async () => {
    const first = await h.run(deadlineTimersWorkflow);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [WARN] });
    await h.send('case-2', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.settle();
    await first.stop();
    h.runners.splice(0);

    await h.send('case-1', 'CloseCase', {});
    const second = await h.run(deadlineTimersWorkflow, { checkpoints: undefined }); // fresh memory checkpoint: replays all inputs
    await h.settle([second]);
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle([second]);

    const wf1 = await h.types(WF);
    expect(wf1.filter((t) => t === INPUT_RECORDED)).toHaveLength(2);
    expect(wf1.filter((t) => t === OUTPUTS_DISPATCHED)).toHaveLength(2);
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineCleared']);
    expect(await h.types('case-2')).toEqual(['DeadlineSet', 'DeadlineExpired']);
  });

  it('given a crash after outputs were recorded but before acting, when a new runner starts, then it acts on them once', async () => {
    const hung: Array<(e: Error) => void> = [];
    const stuck: TimerScheduler = Object.create(h.timers) as TimerScheduler;
    stuck.schedule = () => new Promise<void>((_, reject) => void hung.push(reject));
    const crashed = await h.run(deadlineTimersWorkflow, { timers: stuck, maxAttempts: 1, deadLetters: undefined });
    h.runners.splice(0);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [] });
    while (hung.length === 0) await new Promise((r) => setImmediate(r));
    expect(await h.types(WF)).toEqual([INPUT_RECORDED, 'OutputRecorded']);
    expect(await h.timers.pending()).toEqual([]);

    await h.run(deadlineTimersWorkflow); // same checkpoint store: the input was never checkpointed
    await h.settle();
    expect(await h.types(WF)).toEqual([INPUT_RECORDED, 'OutputRecorded', OUTPUTS_DISPATCHED]);
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle();
    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineExpired']);

    hung.forEach((reject) => reject(new Error('process died')));
    await crashed.stop();
  });

  it('given many cases handled concurrently, then each expires exactly once and the checkpoint covers every input', async () => {
    const runner = await h.run(deadlineTimersWorkflow, { concurrency: 4 });
    for (let i = 0; i < 30; i += 1) await h.send(`case-${i}`, 'OpenCase', { dueAt: DUE, warnAt: [WARN] });
    await h.settle();
    expect(await h.timers.pending()).toHaveLength(60);
    await h.timers.advanceTo('2025-03-11T00:00:00.000Z');
    await h.settle();
    const expired = await h.store.readAll({ filter: { eventTypes: ['DeadlineExpired'] } });
    expect(new Set(expired.map((e) => e.streamName)).size).toBe(30);
    expect(expired).toHaveLength(30);
    await runner.stop();
    const lastInput = (await h.store.readAll({ filter: { eventTypes: deadlineTimersWorkflow.inputs } })).pop()!;
    expect(await h.checkpoints.load('workflow.deadlineTimers')).toBe(lastInput.position);
  });
});
