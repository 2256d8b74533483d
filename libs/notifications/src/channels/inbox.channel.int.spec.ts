import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { NOTIFICATIONS_MIGRATIONS } from '../notifications.migrations';
import { deadlineWarning } from '../testing/notification-fixtures';
import { InboxChannel } from './inbox.channel';

describe.each(TEST_SQL_DIALECTS)('InboxChannel on $name', (dialect) => {
  let test: TestSqlDatabase;
  let inbox: InboxChannel;
  const clock = new FakeClock();
  const deliver = (id: string, userId = 'u-zhang') =>
    inbox.deliver({ id: `d-${id}`, channel: 'inbox', address: userId, notification: deadlineWarning(id), attempt: 1 });

  beforeEach(async () => {
    clock.set('2025-03-03T01:00:00.000Z');
    test = await dialect.open([NOTIFICATIONS_MIGRATIONS]);
    inbox = new InboxChannel(test.database, clock);
  });
  afterEach(() => test.dispose());

  it("lists a user's items newest first, unread until read; a redelivery keeps one item and its read state", async () => {
    await deliver('n-1');
    clock.advanceHours(1);
    await deliver('n-2');
    await deliver('n-3', 'u-li');
    expect((await inbox.list('u-zhang')).map((i) => [i.notificationId, i.readAt])).toEqual([
      ['n-2', null],
      ['n-1', null],
    ]);
    expect(await inbox.unreadCount('u-zhang')).toBe(2);

    clock.advanceHours(1);
    expect(await inbox.markRead('u-zhang', 'n-1')).toBe(true);
    expect(await inbox.markRead('u-zhang', 'n-3')).toBe(false);
    clock.advanceHours(1);
    await expect(deliver('n-1')).resolves.toEqual({ status: 'sent' });
    await inbox.markRead('u-zhang', 'n-1');

    const [second, first] = await inbox.list('u-zhang');
    expect(first).toMatchObject({ notificationId: 'n-1', title: '整改期限即将届满：门诊处方点评问题', readAt: '2025-03-03T03:00:00.000Z' });
    expect(first!.deliveredAt).toBe('2025-03-03T01:00:00.000Z');
    expect(second).toMatchObject({ notificationId: 'n-2', readAt: null, link: '/findings/f1', stream: 'finding-f1' });
    expect((await inbox.list('u-zhang', { unreadOnly: true })).map((i) => i.notificationId)).toEqual(['n-2']);
    expect(await inbox.unreadCount('u-zhang')).toBe(1);
  });

  it('pages a user’s items newest first by keyset, unread only on request, and marks all read', async () => {
    for (const id of ['n-1', 'n-2', 'n-3']) {
      await deliver(id);
      clock.advance(1000);
    }
    await deliver('n-4', 'u-li');
    const first = await inbox.page('u-zhang', { pageSize: 2 });
    expect(first.items.map((i) => i.notificationId)).toEqual(['n-3', 'n-2']);
    const second = await inbox.page('u-zhang', { pageSize: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [expect.objectContaining({ notificationId: 'n-1' })], nextCursor: null });
    await inbox.markRead('u-zhang', 'n-2');
    expect((await inbox.page('u-zhang', { pageSize: 5, unreadOnly: true })).items.map((i) => i.notificationId)).toEqual(['n-3', 'n-1']);
    expect(await inbox.markAllRead('u-zhang')).toBe(2);
    expect([await inbox.unreadCount('u-zhang'), await inbox.unreadCount('u-li')]).toEqual([0, 1]);
  });
});
