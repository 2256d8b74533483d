import { derivedId, DomainError, idTime, TimeOrderedIdGenerator } from '@bihuan/core';
import { EVENT_UPCASTERS, EventStore, MemoryEventStore, WrongExpectedRevisionError } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { commandMeta, counterDecider, CounterCommand, CounterState, increment } from '../testing/counter.decider';
import { itLosesNoWriteUnderConflicts } from '../testing/conflict-counter';
import { handleCommand } from './handle-command';

describe('handleCommand (memory store)', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore(new FakeClock());
  });
  afterEach(() => store.close());

  it('given 50 concurrent increments on one stream, when all are handled, then none is lost', async () => {
    const decider = counterDecider();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => handleCommand(store, 'counter-1', decider, increment(`cmd-${i}`))),
    );
    const events = await store.readStream('counter-1');
    expect(events).toHaveLength(50);
    expect(new Set(events.map((e) => e.metadata.causationId)).size).toBe(50);
    expect(Math.max(...results.map((r) => r.newState.count))).toBe(50);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  itLosesNoWriteUnderConflicts(() => store);

  it('stamps metadata from the command: deterministic eventId, correlation, causation, actor, occurredAt, schemaVersion', async () => {
    const result = await handleCommand(store, 'counter-1', counterDecider(), increment('c-1'));
    const v2 = await handleCommand(store, 'counter-1', counterDecider(), increment('c-2', 2));
    const [event] = result.events;
    expect(event!.metadata).toMatchObject({
      eventId: derivedId('c-1', 0),
      correlationId: 'corr-c-1',
      causationId: 'c-1',
      actor: { id: 'u1', role: 'inspector', unit: 'u-1' },
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    });
    expect(v2.events[0]!.metadata.schemaVersion).toBe(1); // no upcaster for Incremented: version 1
    expect(v2.events[0]!.data).toEqual({ by: 2 });
    expect(result.nextExpectedRevision).toBe(0);
    expect(v2.nextExpectedRevision).toBe(1);
    expect(v2.newState).toEqual({ count: 3 });
  });

  it('stamps the version the upcaster registry ends at (DeadlineExtended is v2), so what it writes is read back unchanged', async () => {
    const extending = {
      initialState: null,
      evolve: () => null,
      decide: () => [
        {
          type: 'DeadlineExtended',
          data: { deadlineId: 'd', dueAt: 'x', warnAt: [], reason: 'r', approvedBy: 'l', calendarVersion: 'c', extraWorkingDays: 2 },
        },
      ],
    };
    const { events } = await handleCommand(store, 'case-1', extending, { type: 'Extend', data: {}, metadata: increment('e').metadata });
    expect(events[0]!.metadata.schemaVersion).toBe(EVENT_UPCASTERS.currentVersion('DeadlineExtended'));
    expect(events[0]!.metadata.schemaVersion).toBe(2);
    expect(events[0]!.data).toMatchObject({ extraWorkingDays: 2 });
  });

  it("gives a time-ordered command (every HTTP request's) events that keep its time, so the eventId index grows at its right edge", async () => {
    const ids = new TimeOrderedIdGenerator(() => Date.parse('2025-03-03T01:00:00.000Z'));
    const commandId = ids.next();
    const { events } = await handleCommand(store, 'counter-1', counterDecider(), increment(commandId));
    expect(events[0]!.metadata.eventId).toBe(derivedId(commandId, 0));
    expect(idTime(events[0]!.metadata.eventId)).toBe(Date.parse('2025-03-03T01:00:00.000Z'));
  });

  it('given a command already handled, when it is redelivered, then nothing new is written and the first events are returned', async () => {
    const first = await handleCommand(store, 'counter-1', counterDecider(), increment('same'));
    await handleCommand(store, 'counter-1', counterDecider(), increment('other'));
    const again = await handleCommand(store, 'counter-1', counterDecider(), increment('same'));
    expect(await store.readStream('counter-1')).toHaveLength(2);
    expect(again.events.map((e) => e.metadata.eventId)).toEqual(first.events.map((e) => e.metadata.eventId));
    expect(again.newState).toEqual({ count: 2 });
  });

  it('builds a command from the state it is decided on, again after a conflict, and never for a redelivery', async () => {
    await handleCommand(store, 'counter-5', counterDecider(), increment('seed', 3));
    const seen: number[] = [];
    const doubling = (commandId: string) => ({
      metadata: commandMeta(commandId),
      build: (state: CounterState): CounterCommand => {
        seen.push(state.count);
        return { type: 'Increment', data: { by: state.count }, metadata: commandMeta(commandId) };
      },
    });
    let conflictOnce = true;
    const racing: EventStore = Object.create(store) as EventStore;
    racing.append = async (stream, events, expected) => {
      if (conflictOnce) {
        conflictOnce = false;
        await store.append(stream, [{ ...events[0]!, metadata: { ...events[0]!.metadata, eventId: derivedId('other', 0) } }], expected);
      }
      return store.append(stream, events, expected);
    };
    const first = await handleCommand(racing, 'counter-5', counterDecider(), doubling('double'), { sleep: async () => undefined });
    expect(seen).toEqual([3, 6]); // built on 3, conflicted (another writer added 3), rebuilt on 6
    expect(first.newState).toEqual({ count: 12 });
    const again = await handleCommand(store, 'counter-5', counterDecider(), doubling('double'));
    expect(seen).toEqual([3, 6]);
    expect(again.events.map((e) => e.metadata.eventId)).toEqual(first.events.map((e) => e.metadata.eventId));
  });

  it('when decide throws a DomainError, then it propagates and nothing is written', async () => {
    await handleCommand(store, 'counter-1', counterDecider(1), increment('a'));
    await expect(handleCommand(store, 'counter-1', counterDecider(1), increment('b'))).rejects.toMatchObject({ code: 'COUNTER.LIMIT' });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('runs beforeAppend with the decided events before they are appended, never for a refusal, and writes nothing when it throws', async () => {
    const seen: { types: string[]; storedBefore: number }[] = [];
    const beforeAppend = async (events: readonly { type: string }[]): Promise<void> => {
      seen.push({ types: events.map((e) => e.type), storedBefore: (await store.readStream('counter-1')).length });
    };
    await handleCommand(store, 'counter-1', counterDecider(1), increment('a'), { beforeAppend });
    await expect(handleCommand(store, 'counter-1', counterDecider(1), increment('b'), { beforeAppend })).rejects.toMatchObject({
      code: 'COUNTER.LIMIT',
    });
    expect(seen).toEqual([{ types: ['Incremented'], storedBefore: 0 }]);

    const failing = async (): Promise<void> => {
      throw new Error('blob store down');
    };
    await expect(handleCommand(store, 'counter-2', counterDecider(), increment('c'), { beforeAppend: failing })).rejects.toThrow(
      'blob store down',
    );
    expect(await store.readStream('counter-2')).toHaveLength(0);
  });

  it('when decide returns [], then nothing is appended', async () => {
    const result = await handleCommand(store, 'counter-9', counterDecider(), {
      type: 'Noop',
      data: {},
      metadata: increment('n').metadata,
    });
    expect(result).toEqual({ events: [], nextExpectedRevision: 'no_stream', newState: { count: 0 } });
    expect(await store.headPosition()).toBeNull();
  });

  it('when every attempt conflicts, then the WrongExpectedRevisionError is rethrown after maxAttempts', async () => {
    let appends = 0;
    const sleeps: number[] = [];
    const conflicting: EventStore = Object.create(store) as EventStore;
    conflicting.append = async (stream) => {
      appends += 1;
      throw new WrongExpectedRevisionError(stream, 'no_stream', 0);
    };
    const error = await handleCommand(conflicting, 'counter-1', counterDecider(), increment('x'), {
      maxAttempts: 4,
      sleep: async (ms) => void sleeps.push(ms),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('conflict');
    expect(appends).toBe(4);
    expect(sleeps).toHaveLength(3);
  });
});
