import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { TableCheckpointStore, TableDeadLetterStore } from '@bihuan/processing';
import { createTestApp, TestApp } from '../../testing/test-app';

describe('admin API in a process without a worker (ROLE=api)', () => {
  let t: TestApp;
  let bearer: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ config: { role: 'api' } });
    bearer = t.auth('admin');
  });
  afterAll(() => t.close());

  it('lists dead letters from the shared database but answers a retry with 503 naming the reason', async () => {
    await new TableDeadLetterStore(t.app.get<SqlDatabase>(READ_MODELS)).put({
      id: 'letter-9',
      workflow: 'deadlineTimers',
      instance: 'x-1',
      input: { eventId: 'e', type: 'DeadlineSet', streamName: 'x-1', revision: 0, position: 1 },
      error: 'boom',
      attempts: 5,
      at: '2025-03-03T01:00:00.000Z',
    });
    const list = await t.http.get('/admin/dead-letters').set(bearer).expect(200);
    expect(list.body.map((l: { id: string }) => l.id)).toEqual(['letter-9']);
    const res = await t.http.post('/admin/dead-letters/letter-9/retry').set(bearer).set('Accept-Language', 'en').expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'WORKER.NOT_IN_PROCESS' });
    expect(res.body.message).toContain('this process runs no worker');
    expect(await new TableDeadLetterStore(t.app.get<SqlDatabase>(READ_MODELS)).get('letter-9')).not.toBeNull();
  });

  it('answers the timer reconciliation with 503: the figures live in the worker process', async () => {
    const res = await t.http.get('/admin/timers').set(bearer).expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'WORKER.NOT_IN_PROCESS' });
  });

  it('reports stored checkpoints when the worker runs elsewhere', async () => {
    await new TableCheckpointStore(t.app.get<SqlDatabase>(READ_MODELS)).save('stream-stats', 42);
    const res = await t.http.get('/admin/projections').set(bearer).expect(200);
    expect(res.body).toMatchObject({ workerInProcess: false, projections: [{ name: 'stream-stats', checkpoint: 42, running: null }] });
  });
});
