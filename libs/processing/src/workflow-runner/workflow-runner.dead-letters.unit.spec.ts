import { Command, derivedId } from '@bihuan/core';
import { CommandSender } from '../commands/command-router';
import { auditDecider, escalationWorkflow } from '../testing/escalation.workflow';
import { FakeClock } from '@bihuan/testing';
import { RunnerHarness } from '../testing/runner-harness';
import { deadlineTimersWorkflow } from '../workflows/deadline-timers.workflow';

const DUE = '2025-03-10T01:00:00.000Z';
const LATER = '2025-03-11T00:00:00.000Z';

/** Delivers through the real router unless `fail` says otherwise for that stream. */
function flakySender(h: RunnerHarness, fail: (stream: string, command: Command) => boolean): CommandSender & { calls: number } {
  const sender = {
    calls: 0,
    send: async (stream: string, command: Command) => {
      sender.calls += 1;
      if (fail(stream, command)) throw new Error(`audit store unavailable for ${stream}`);
      return h.router.send(stream, command);
    },
  };
  return sender;
}

describe('WorkflowRunner: retries and dead letters', () => {
  let h: RunnerHarness;
  beforeEach(async () => {
    h = new RunnerHarness(new FakeClock('2025-03-03T01:00:00.000Z'));
    h.router.register('audit', auditDecider);
    await h.startTimers();
  });
  afterEach(() => h.close());

  it('given a failing dispatch, when it keeps failing, then it is retried, parked, and the other workflows and instances go on', async () => {
    let broken = true;
    const sender = flakySender(h, (stream) => broken && stream === 'audit-case-1');
    const errors: boolean[] = [];
    await h.run(deadlineTimersWorkflow);
    const escalation = await h.run(escalationWorkflow, {
      commands: sender,
      maxAttempts: 3,
      onError: (_e, c) => void errors.push(c.parked),
    });
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.send('case-2', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.settle();
    await h.timers.advanceTo(LATER);
    await h.settle();

    expect(await h.types('case-1')).toEqual(['DeadlineSet', 'DeadlineExpired']);
    expect(await h.types('case-2')).toEqual(['DeadlineSet', 'DeadlineExpired']);
    expect(await h.types('audit-case-2')).toEqual(['Noted']);
    expect(await h.types('audit-case-1')).toEqual([]);
    expect(errors).toEqual([false, false, true]);
    const letters = await escalation.deadLetters();
    expect(letters).toHaveLength(1);
    const [expired] = await h.store.readStream('case-1', { fromRevision: 1 });
    expect(letters[0]).toMatchObject({
      workflow: 'escalation',
      instance: 'case-1',
      input: {
        eventId: expired!.metadata.eventId,
        type: 'DeadlineExpired',
        streamName: 'case-1',
        revision: 1,
        position: expired!.position,
      },
      error: 'Error: audit store unavailable for audit-case-1',
      attempts: 3,
    });
    expect([DUE, LATER]).toContain(letters[0]!.at); // parked at the fake time it failed

    broken = false;
    expect(await escalation.retryDeadLetter(letters[0]!.id)).toBe(true);
    expect(await h.types('audit-case-1')).toEqual(['Noted']);
    expect(await escalation.deadLetters()).toEqual([]);
    await expect(escalation.retryDeadLetter(letters[0]!.id)).rejects.toThrow(/No dead letter/);
  });

  it('given a parked input, when a retry fails again, then the letter stays with more attempts', async () => {
    const escalation = await h.run(escalationWorkflow, { commands: flakySender(h, () => true), maxAttempts: 2 });
    await h.run(deadlineTimersWorkflow);
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.settle();
    await h.timers.advanceTo(LATER);
    await h.settle();
    const [letter] = await escalation.deadLetters();
    expect(await escalation.retryDeadLetter(letter!.id)).toBe(false);
    expect(await escalation.deadLetters()).toEqual([expect.objectContaining({ id: letter!.id, attempts: 4 })]);
  });

  it('given a send that succeeded but was not marked done, when it is acted on again, then the command is a no-op at its stream', async () => {
    let crashes = 1;
    const sender = {
      send: async (stream: string, command: Command) => {
        const result = await h.router.send(stream, command);
        if (crashes-- > 0) throw new Error('died after sending');
        return result;
      },
    };
    await h.run(deadlineTimersWorkflow);
    const escalation = await h.run(escalationWorkflow, { commands: sender, maxAttempts: 3 });
    await h.send('case-1', 'OpenCase', { dueAt: DUE, warnAt: [] });
    await h.settle();
    await h.timers.advanceTo(LATER);
    await h.settle();

    const notes = await h.store.readStream('audit-case-1');
    expect(notes.map((e) => e.type)).toEqual(['Noted']);
    const [expired] = await h.store.readStream('case-1', { fromRevision: 1 });
    const commandId = derivedId(expired!.metadata.eventId, 'escalation', 'case-1', 0);
    expect(notes[0]!.metadata).toMatchObject({ causationId: commandId, correlationId: expired!.metadata.correlationId });
    expect(await escalation.deadLetters()).toEqual([]);
    expect(await h.types('escalation-case-1')).toEqual(['InputRecorded', 'OutputRecorded', 'OutputsDispatched']);
  });
});
