import { SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { MemoryCheckpointStore } from '../checkpoints/memory-checkpoint-store.adapter';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

let n = 0;
function event(type: string): EventToAppend {
  n += 1;
  return {
    type,
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

class Recorder implements Projection {
  readonly name = 'recorder';
  readonly filter = { categories: ['thing'] };
  seen: number[] = [];
  failAt: number | null = null;
  handle(e: RecordedEvent): void {
    if (e.position === this.failAt) {
      this.failAt = null;
      throw new Error('boom');
    }
    this.seen.push(e.position);
  }
}

describe('ProjectionRunner', () => {
  let store: MemoryEventStore;
  let checkpoints: MemoryCheckpointStore;
  let projection: Recorder;
  beforeEach(() => {
    store = new MemoryEventStore(new FakeClock());
    checkpoints = new MemoryCheckpointStore();
    projection = new Recorder();
  });
  afterEach(() => store.close());

  const head = async (): Promise<number> => (await store.headPosition())!;

  it('given a stored checkpoint, when restarted, then it resumes after it without handling an event twice', async () => {
    await store.append('thing-1', [event('A'), event('B')], 'no_stream');
    await store.append('other-1', [event('C')], 'no_stream');
    const first = new ProjectionRunner(store, projection, { checkpoints });
    await first.start();
    await first.caughtUpTo(await head());
    await first.stop();
    expect(projection.seen).toEqual([1, 2]);
    expect(await checkpoints.load('recorder')).toBe(2);

    await store.append('thing-1', [event('D')], 1);
    const second = new ProjectionRunner(store, projection, { checkpoints });
    await second.start();
    await second.caughtUpTo(await head());
    await second.stop();
    expect(projection.seen).toEqual([1, 2, 4]);
  });

  it('given a handler that fails once, then the runner restarts from the checkpoint and skips nothing', async () => {
    await store.append('thing-1', [event('A'), event('B'), event('C')], 'no_stream');
    projection.failAt = 2;
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, projection, {
      checkpoints,
      restartBaseDelayMs: 1,
      onError: (e) => void errors.push(String(e)),
    });
    await runner.start();
    while (projection.seen.length < 3) await new Promise((r) => setTimeout(r, 5));
    expect(projection.seen).toEqual([1, 2, 3]);
    expect(errors).toEqual(['Error: boom']);
    await runner.stop();
  });
});
