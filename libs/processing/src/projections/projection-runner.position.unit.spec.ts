import { SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { MemoryCheckpointStore } from '../checkpoints/memory-checkpoint-store.adapter';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

function event(n: number): EventToAppend {
  return {
    type: 'A',
    data: { n },
    metadata: {
      eventId: `e-${n}`,
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/** Counts checkpoint reads: a caught-up runner must answer position questions without them. */
class CountingCheckpoints extends MemoryCheckpointStore {
  loads = 0;
  override load(name: string): Promise<number | null> {
    this.loads += 1;
    return super.load(name);
  }
}

class Things implements Projection {
  readonly name = 'things';
  readonly filter = { categories: ['thing'] };
  seen: number[] = [];
  handle(e: RecordedEvent): void {
    this.seen.push(e.position);
  }
}

describe('ProjectionRunner: where it stands, from memory', () => {
  let store: MemoryEventStore;
  let checkpoints: CountingCheckpoints;
  beforeEach(() => {
    store = new MemoryEventStore(new FakeClock());
    checkpoints = new CountingCheckpoints();
  });
  afterEach(() => store.close());

  it('answers reached, caughtUpTo and behind without reading the checkpoint while running', async () => {
    await store.append('thing-1', [event(1)], 'no_stream');
    const runner = new ProjectionRunner(store, new Things(), { checkpoints });
    await runner.start();
    await runner.caughtUpTo(1);
    const loadsAfterStart = checkpoints.loads;
    await store.append('other-1', [event(2)], 'no_stream'); // filtered out: looked at, not handled
    await store.append('thing-2', [event(3)], 'no_stream');
    await runner.caughtUpTo(3);
    expect(runner.reached(3)).toBe(true);
    expect(runner.reached(4)).toBe(false);
    expect(runner.behind(3)).toBe(0); // a number, not a promise: every command asks
    expect(runner.behind(5)).toBe(2);
    expect(checkpoints.loads).toBe(loadsAfterStart);
    expect(await checkpoints.load('things')).toBe(3);
    await runner.stop();
  });

  it('knows the checkpoint it resumed from before handling anything', async () => {
    await store.append('thing-1', [event(1), event(2)], 'no_stream');
    await checkpoints.save('things', 2);
    const projection = new Things();
    const runner = new ProjectionRunner(store, projection, { checkpoints });
    await runner.start();
    expect(runner.reached(2)).toBe(true);
    await runner.caughtUpTo(2);
    expect(projection.seen).toEqual([]);
    await runner.stop();
  });

  it('after stopping, answers from the saved checkpoint and refuses a position beyond it', async () => {
    await store.append('thing-1', [event(1)], 'no_stream');
    const runner = new ProjectionRunner(store, new Things(), { checkpoints });
    await runner.start();
    await runner.caughtUpTo(1);
    await runner.stop();
    await expect(runner.caughtUpTo(1)).resolves.toBeUndefined();
    await expect(runner.caughtUpTo(2)).rejects.toThrow('not running');
  });
});
