import { DeliveryDispatcherService, DeliveryOutbox, InboxChannel } from '@bihuan/notifications';
import { createTestApp, TestApp } from '../../testing/test-app';

const warning = (id: string) => ({
  id,
  kind: 'deadlineWarning',
  title: '整改期限即将届满',
  body: '请及时提交整改材料。',
  link: '/findings/f1',
  stream: 'finding-f1',
  recipient: { userId: 'admin', unitId: 'prov' },
  occurredAt: '2025-03-03T01:00:00.000Z',
});

describe('notification deliveries in the assembled app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the worker sends the inbox, keeps channels it lacks queued, dead-letters an unknown webhook; admins see and retry', async () => {
    const outbox = t.app.get(DeliveryOutbox);
    // The worker's own loop is stopped so that this test's tick is the one that sends (no race on what is in flight).
    const { dispatcher } = t.app.get(DeliveryDispatcherService);
    await dispatcher.stop();
    await outbox.enqueue(warning('n-1'), [
      { channel: 'inbox', address: 'admin' },
      { channel: 'sms', address: '13800001234' },
      { channel: 'webhook', address: 'no-such-endpoint' },
    ]);
    await dispatcher.tick();

    expect((await t.app.get(InboxChannel).list('admin')).map((i) => i.title)).toEqual(['整改期限即将届满']);
    const all = await t.http.get('/admin/deliveries').set(t.auth('admin')).expect(200);
    expect(all.body.map((d: { channel: string; status: string }) => `${d.channel}:${d.status}`).sort()).toEqual([
      'inbox:sent',
      'sms:queued',
      'webhook:failed',
    ]);
    const failed = await t.http.get('/admin/deliveries?status=failed').set(t.auth('admin')).expect(200);
    expect(failed.body).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        address: 'no-such-endpoint',
        attempts: 1,
        lastError: expect.stringContaining('no-such-endpoint'),
      }),
    ]);

    const retried = await t.http.post(`/admin/deliveries/${failed.body[0].id}/retry`).set(t.auth('admin')).expect(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    const sent = all.body.find((d: { channel: string }) => d.channel === 'inbox');
    const refused = await t.http.post(`/admin/deliveries/${sent.id}/retry`).set(t.auth('admin')).expect(409);
    expect(refused.body.code).toBe('ADMIN.DELIVERY_NOT_RETRYABLE');
    expect((await t.http.post('/admin/deliveries/nope/retry').set(t.auth('admin')).expect(404)).body.code).toBe('ADMIN.NO_DELIVERY');
  });

  it('names a bad status filter and is for admins only', async () => {
    const bad = await t.http.get('/admin/deliveries?status=lost').set(t.auth('admin')).expect(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'status' })]);
    expect((await t.http.get('/admin/deliveries').set(t.auth('leader-prov'))).status).toBe(403);
    expect((await t.http.post('/admin/deliveries/x/retry').set(t.auth('leader-prov'))).status).toBe(403);
    expect((await t.http.get('/admin/deliveries')).status).toBe(401);
  });
});
