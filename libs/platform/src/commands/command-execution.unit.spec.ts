import { DomainError, SequentialIdGenerator, SYSTEM_ACTOR } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { deadlineCaseDecider } from '@bihuan/processing';
import { FakeClock } from '@bihuan/testing';
import { CalendarService } from '../calendar/calendar.service';
import { PolicyRegistry } from '../policy/policy-registry';
import { ReadModelSync } from '../worker/read-model-sync';
import { CommandExecution } from './command-execution';
import { CommandObservation } from './command-observer';

const decider = deadlineCaseDecider({ deadlineId: 'due', purpose: 'test', calendarVersion: 'none', alreadyOpen: 'CASE.ALREADY_OPEN' });

describe('CommandExecution: read-your-writes never turns a written command into an error', () => {
  const setup = () => {
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const sync = new ReadModelSync();
    const policies = new PolicyRegistry(store, () => clock.now().toISOString());
    const execution = new CommandExecution(store, clock, new SequentialIdGenerator('t'), sync, new CalendarService(store, clock), policies);
    const seen: CommandObservation[] = [];
    execution.observe({ commandObserved: (o) => seen.push(o) });
    const open = (id: string) =>
      execution.execute(SYSTEM_ACTOR, {
        category: 'case',
        id,
        decider,
        build: () => ({ type: 'OpenCase' as const, data: { dueAt: '2025-03-10T01:00:00.000Z' } }),
      });
    return { store, sync, execution, seen, open };
  };

  it('answers the outcome of a write whose projection runner is stopped, and reports the lag', async () => {
    const { store, sync, seen, open } = setup();
    sync.register({ caughtUpTo: () => Promise.reject(new Error('Projection pendingDeadlines is not running')) });
    const outcome = await open('1');
    expect(outcome).toMatchObject({ stream: 'case-1', events: ['DeadlineSet'] });
    expect((await store.readStream('case-1')).map((e) => e.type)).toEqual(['DeadlineSet']);
    expect(seen).toEqual([
      expect.objectContaining({ category: 'case', type: 'OpenCase', source: 'request', result: 'ok', readModelsLagging: true }),
    ]);
  });

  it('does not wait on a worker that is stopping', async () => {
    const { sync, seen, open } = setup();
    sync.register({ caughtUpTo: () => new Promise<void>(() => undefined) });
    sync.stop();
    await expect(open('2')).resolves.toMatchObject({ stream: 'case-2' });
    expect(seen[0]).toMatchObject({ result: 'ok', readModelsLagging: true });
  });

  it('reports a refusal as refused with the command type, and a caught-up write as not lagging', async () => {
    const { sync, seen, open } = setup();
    sync.register({ caughtUpTo: () => Promise.resolve() });
    await open('3');
    await expect(open('3')).rejects.toBeInstanceOf(DomainError);
    expect(seen.map((o) => [o.type, o.result, o.readModelsLagging])).toEqual([
      ['OpenCase', 'ok', false],
      ['OpenCase', 'refused', false],
    ]);
    expect(seen.every((o) => o.seconds >= 0)).toBe(true);
  });

  it('starts a correlation with each request, or continues the one it is told to (an exchange belonging to a case elsewhere)', async () => {
    const { store, execution, open } = setup();
    await open('4');
    const write = {
      category: 'case',
      id: '5',
      decider,
      build: () => ({ type: 'OpenCase' as const, data: { dueAt: '2025-03-10T01:00:00.000Z' } }),
    };
    await execution.execute(SYSTEM_ACTOR, write, { correlationId: 'corr-of-case-4' });
    const [first] = await store.readStream('case-4');
    const [continued] = await store.readStream('case-5');
    expect(first!.metadata.correlationId).toBe(first!.metadata.causationId);
    expect(continued!.metadata).toMatchObject({
      correlationId: 'corr-of-case-4',
      causationId: expect.not.stringMatching('corr-of-case-4'),
    });
  });
});
