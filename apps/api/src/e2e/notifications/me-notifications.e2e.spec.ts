import { DeliveryDispatcherService, DeliveryOutbox, Notification, NotificationPreferences } from '@bihuan/notifications';
import { createTestApp, TestApp } from '../../testing/test-app';

const note = (id: string, userId: string, occurredAt = '2025-03-03T01:00:00.000Z'): Notification => ({
  id,
  kind: 'deadlineWarning',
  title: `整改期限即将届满 ${id}`,
  body: '请及时提交整改材料。',
  link: '/findings/f1',
  stream: 'finding-f1',
  recipient: { userId, unitId: 'prov' },
  occurredAt,
});

describe('a signed-in person’s inbox and channel preferences (/me/…)', () => {
  let t: TestApp;
  const me = 'inspector-a1';
  const other = 'leader-prov';
  beforeAll(async () => {
    t = await createTestApp();
    // The worker's own loop is stopped: each test's tick is the one that delivers.
    await t.app.get(DeliveryDispatcherService).dispatcher.stop();
  });
  afterAll(() => t.close());

  const deliver = async (...notes: Notification[]): Promise<void> => {
    const outbox = t.app.get(DeliveryOutbox);
    for (const n of notes) await outbox.enqueue(n, [{ channel: 'inbox', address: n.recipient.userId }]);
    await t.app.get(DeliveryDispatcherService).dispatcher.tick();
  };

  it('lists my delivered items unread, pages them, marks one and then all read; the count follows', async () => {
    await deliver(note('n-1', me), note('n-other', other));
    t.clock.advance(1000);
    await deliver(note('n-2', me));
    t.clock.advance(1000);
    await deliver(note('n-3', me));

    const count = async () => (await t.http.get('/me/notifications/unread-count').set(t.auth(me)).expect(200)).body.unreadCount;
    expect(await count()).toBe(3);
    const first = await t.http.get('/me/notifications?unread=true&pageSize=2').set(t.auth(me)).expect(200);
    expect(first.body.items.map((i: { notificationId: string }) => i.notificationId)).toEqual(['n-3', 'n-2']);
    expect(first.body.items[0]).toMatchObject({ title: '整改期限即将届满 n-3', link: '/findings/f1', readAt: null });
    const second = await t.http.get(`/me/notifications?unread=true&pageSize=2&cursor=${first.body.nextCursor}`).set(t.auth(me)).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ notificationId: 'n-1' })], nextCursor: null });

    const read = await t.http.post('/me/notifications/n-2/read').set(t.auth(me)).expect(200);
    expect(read.body).toMatchObject({ notificationId: 'n-2', readAt: t.clock.now().toISOString() });
    expect(await count()).toBe(2);
    const unread = await t.http.get('/me/notifications?unread=true').set(t.auth(me)).expect(200);
    expect(unread.body.items.map((i: { notificationId: string }) => i.notificationId)).toEqual(['n-3', 'n-1']);
    const all = await t.http.get('/me/notifications').set(t.auth(me)).expect(200);
    expect(all.body.items).toHaveLength(3);

    expect((await t.http.post('/me/notifications/read-all').set(t.auth(me)).expect(200)).body).toEqual({ marked: 2, unreadCount: 0 });
    expect(await count()).toBe(0);
  });

  it('never shows or marks another person’s item: 404, and their item stays unread', async () => {
    const mine = await t.http.get('/me/notifications').set(t.auth(me)).expect(200);
    expect(mine.body.items.map((i: { notificationId: string }) => i.notificationId)).not.toContain('n-other');
    const refused = await t.http.post('/me/notifications/n-other/read').set(t.auth(me)).expect(404);
    expect(refused.body.code).toBe('NOTIFICATIONS.NO_ITEM');
    const theirs = await t.http.get('/me/notifications/unread-count').set(t.auth(other)).expect(200);
    expect(theirs.body.unreadCount).toBe(1);
  });

  it('refuses a foreign cursor and a bad filter by field, and strangers', async () => {
    const cursor = await t.http.get('/me/notifications?cursor=not-a-cursor!').set(t.auth(me)).expect(400);
    expect(cursor.body.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const unread = await t.http.get('/me/notifications?unread=yes').set(t.auth(me)).expect(400);
    expect(unread.body.fields).toEqual([expect.objectContaining({ field: 'unread' })]);
    expect((await t.http.get('/me/notifications')).status).toBe(401);
  });

  it('keeps my channel preferences, answers channelsFor from them, and refuses bad ones by field, writing nothing', async () => {
    const defaults = await t.http.get('/me/notification-preferences').set(t.auth(me)).expect(200);
    expect(defaults.body).toEqual({ inbox: true, email: true, sms: true, overrides: [] });

    const choice = { email: false, sms: true, overrides: [{ kind: 'escalation', email: true }] };
    const put = await t.http.put('/me/notification-preferences').set(t.auth(me)).send(choice).expect(200);
    expect(put.body).toEqual({ inbox: true, ...choice });
    expect((await t.http.get('/me/notification-preferences').set(t.auth(me)).expect(200)).body).toEqual({ inbox: true, ...choice });
    const preferences = t.app.get(NotificationPreferences);
    expect(await preferences.channelsFor(me, 'escalation')).toEqual(['inbox', 'email', 'sms']);
    expect(await preferences.channelsFor(me, 'reminder')).toEqual(['inbox', 'sms']);
    expect(await preferences.channelsFor(other, 'reminder')).toEqual(['inbox', 'email', 'sms']);

    const refusals: [object, string][] = [
      [{ email: 'yes', sms: true }, 'email'],
      [{ email: true }, 'sms'],
      [{ inbox: false, email: true, sms: true }, 'inbox'],
      [{ email: true, sms: true, overrides: [{ kind: 'x y' }] }, 'overrides[0].kind'],
      [{ email: true, sms: true, overrides: [{ kind: 'escalaton', sms: false }] }, 'overrides[0].kind'],
      [{ email: true, sms: true, overrides: [{ kind: 'reminder' }, { kind: 'reminder', sms: false }] }, 'overrides'],
      [{ email: true, sms: true, webhook: false }, 'webhook'],
    ];
    for (const [body, field] of refusals) {
      const res = await t.http.put('/me/notification-preferences').set(t.auth(me)).send(body).expect(400);
      expect({ field, fields: res.body.fields.map((f: { field: string }) => f.field) }).toEqual({ field, fields: [field] });
    }
    expect((await t.http.get('/me/notification-preferences').set(t.auth(me)).expect(200)).body).toEqual({ inbox: true, ...choice });
  });
});
