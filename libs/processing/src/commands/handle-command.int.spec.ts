import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { counterDecider, increment } from '../testing/counter.decider';
import { itLosesNoWriteUnderConflicts } from '../testing/conflict-counter';
import { handleCommand } from './handle-command';

describe('handleCommand (sqlite store, real file)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-handle-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.db'), clock: new FakeClock() });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given 50 concurrent increments on one stream, when all are handled, then none is lost', async () => {
    const decider = counterDecider();
    await Promise.all(Array.from({ length: 50 }, (_, i) => handleCommand(store, 'counter-1', decider, increment(`cmd-${i}`))));
    const events = await store.readStream('counter-1');
    expect(events).toHaveLength(50);
    expect(new Set(events.map((e) => e.metadata.causationId)).size).toBe(50);
    expect(events.reduce((n, e) => n + (e.data as { by: number }).by, 0)).toBe(50);
  });

  itLosesNoWriteUnderConflicts(() => store);

  it('given a redelivered command, when handled again after a reopen, then nothing is written twice', async () => {
    await handleCommand(store, 'counter-2', counterDecider(), increment('once'));
    await store.close();
    store = SqliteEventStore.open({ file: join(dir, 'events.db'), clock: new FakeClock() });
    const again = await handleCommand(store, 'counter-2', counterDecider(), increment('once'));
    expect(again.events).toHaveLength(1);
    expect(await store.readStream('counter-2')).toHaveLength(1);
  });
});
