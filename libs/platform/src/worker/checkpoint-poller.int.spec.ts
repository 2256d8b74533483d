import { MemoryEventStore } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS, TableCheckpointStore } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, testEvent, TestSqlDatabase } from '@bihuan/testing';
import { CheckpointPoller } from './checkpoint-poller';

/** An API without a worker waits on the shared checkpoints, counting a filtered projection as there when nothing it reads lies ahead. */
describe('CheckpointPoller', () => {
  let test: TestSqlDatabase;
  let store: MemoryEventStore;
  let checkpoints: TableCheckpointStore;
  beforeEach(async () => {
    test = await TEST_SQL_DIALECTS[0]!.open([PROCESSING_MIGRATIONS]);
    store = new MemoryEventStore(new FakeClock('2025-03-03T00:00:00.000Z'));
    checkpoints = new TableCheckpointStore(test.database);
  });
  afterEach(() => test.dispose());

  const poller = () =>
    new CheckpointPoller(store, checkpoints, [{ name: 'all' }, { name: 'onlyOpened', filter: { eventTypes: ['Opened'] } }], 5);

  it('has reached a position when every checkpoint has, or a filtered one has nothing to read before it', async () => {
    await store.append('case-1', [testEvent('Opened'), testEvent('Noted'), testEvent('Noted')], 'no_stream');
    const head = (await store.headPosition())!;
    await checkpoints.save('all', head);
    await checkpoints.save('onlyOpened', head - 2); // its last event: the later ones are not its to read
    await expect(poller().behind(head)).resolves.toBe(0);
    await poller().caughtUpTo(head);
  });

  it('waits while a projection has events of its own still to handle, and goes on once its checkpoint moves', async () => {
    await store.append('case-1', [testEvent('Opened'), testEvent('Opened')], 'no_stream');
    const head = (await store.headPosition())!;
    await checkpoints.save('all', head);
    await checkpoints.save('onlyOpened', head - 1);
    expect(await poller().behind(head)).toBe(1);
    let done = false;
    const waiting = poller()
      .caughtUpTo(head)
      .then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    await checkpoints.save('onlyOpened', head);
    await waiting;
    expect(done).toBe(true);
  });

  it('counts a projection that has handled nothing yet as behind everything it reads', async () => {
    await store.append('case-1', [testEvent('Opened')], 'no_stream');
    const head = (await store.headPosition())!;
    await checkpoints.save('all', head);
    expect(await poller().behind(head)).toBeGreaterThan(0);
  });
});
