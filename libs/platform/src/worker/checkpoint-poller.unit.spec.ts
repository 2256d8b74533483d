import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { CheckpointPoller } from './checkpoint-poller';

const actor = { id: 'u', role: 'inspector' as const, unit: 'county-a1' };

async function write(store: MemoryEventStore, stream: string): Promise<number> {
  const metadata = {
    eventId: randomUUID(),
    correlationId: 'c',
    causationId: null,
    actor,
    occurredAt: '2025-03-10T02:00:00.000Z',
    schemaVersion: 1,
  };
  return (await store.append(stream, [{ type: 'Happened', data: {}, metadata }], 'any')).position;
}

/** Issue 15, item 4: an API with ROLE=api waits on the workers' checkpoints in the shared database. */
describe('CheckpointPoller', () => {
  const setup = async () => {
    const store = new MemoryEventStore(new FakeClock());
    const checkpoints = new Map<string, number>();
    const poller = new CheckpointPoller({ all: async () => new Map(checkpoints) }, store, [
      { name: 'visits', filter: { categories: ['visit'] } },
      { name: 'complaints', filter: { categories: ['complaint'] } },
    ]);
    return { store, checkpoints, poller };
  };

  it('counts a filtered projection as caught up when nothing it reads lies between its checkpoint and the position', async () => {
    const { store, checkpoints, poller } = await setup();
    const complaint = await write(store, 'complaint-1');
    const visit = await write(store, 'visit-1');
    checkpoints.set('visits', visit);
    checkpoints.set('complaints', complaint);
    // The complaints checkpoint stays below `visit` for ever: no complaint event follows it.
    expect(await poller.behind(visit)).toBe(0);
    await expect(poller.caughtUpTo(visit)).resolves.toBeUndefined();
  });

  it('a projection that never read anything has reached every position before its first event', async () => {
    const { store, checkpoints, poller } = await setup();
    const visit = await write(store, 'visit-1');
    checkpoints.set('visits', visit);
    expect(await poller.behind(visit)).toBe(0);
  });

  it('waits while an event a projection reads is not yet in its checkpoint', async () => {
    const { store, checkpoints, poller } = await setup();
    const first = await write(store, 'visit-1');
    const second = await write(store, 'visit-2');
    checkpoints.set('visits', first);
    expect(await poller.behind(second)).toBe(second - first);
    let done = false;
    const waiting = poller.caughtUpTo(second).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(done).toBe(false);
    checkpoints.set('visits', second);
    await waiting;
    expect(done).toBe(true);
  });
});
