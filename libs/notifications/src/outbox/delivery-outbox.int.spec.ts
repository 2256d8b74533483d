import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { Delivery, DeliveryResult } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { NOTIFICATIONS_MIGRATIONS } from '../notifications.migrations';
import { DEFAULT_NOTIFICATIONS_POLICY, DeliverySettings } from '../notifications.policy';
import { deadlineWarning } from '../testing/notification-fixtures';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryOutbox } from './delivery-outbox';

/** Counts calls per delivery and answers as told; each call yields to the loop, so racing claims interleave. */
class CountingChannel implements NotificationChannel {
  readonly calls = new Map<string, number>();
  answer: (d: Delivery) => DeliveryResult = () => ({ status: 'sent' });
  constructor(readonly kind: NotificationChannel['kind']) {}
  async deliver(d: Delivery): Promise<DeliveryResult> {
    this.calls.set(d.id, (this.calls.get(d.id) ?? 0) + 1);
    await new Promise((resolve) => setImmediate(resolve));
    return this.answer(d);
  }
}

const settings: DeliverySettings = {
  ...DEFAULT_NOTIFICATIONS_POLICY.delivery,
  maxAttempts: 3,
  baseDelaySeconds: 60,
  maxDelaySeconds: 100,
  leaseSeconds: 120,
};

describe.each(TEST_SQL_DIALECTS)('DeliveryOutbox and DeliveryDispatcher on $name', (dialect) => {
  let test: TestSqlDatabase;
  let clock: FakeClock;
  let outbox: DeliveryOutbox;
  const dispatcher = (owner: string, channels: NotificationChannel[], concurrency = 16) =>
    new DeliveryDispatcher(outbox, channels, { owner, settings: async () => settings, concurrency });

  beforeEach(async () => {
    test = await dialect.open([NOTIFICATIONS_MIGRATIONS]);
    clock = new FakeClock();
    outbox = new DeliveryOutbox(test.database, clock);
  });
  afterEach(() => test.dispose());

  it('keeps one delivery per notification, channel and address however often it is enqueued', async () => {
    const n = deadlineWarning();
    const targets = [
      { channel: 'inbox', address: 'u-zhang' },
      { channel: 'email', address: 'zhang@hospital.example.cn' },
    ] as const;
    expect(await outbox.enqueue(n, targets)).toBe(2);
    expect(await outbox.enqueue(n, targets)).toBe(0);
    expect(await outbox.enqueue(n, [targets[1], { channel: 'sms', address: '13800001234' }])).toBe(1);
    expect((await outbox.list()).map((d) => [d.channel, d.status]).sort()).toEqual([
      ['email', 'queued'],
      ['inbox', 'queued'],
      ['sms', 'queued'],
    ]);
  });

  it('two dispatchers racing on the same table send each delivery exactly once', async () => {
    const email = new CountingChannel('email');
    for (let i = 0; i < 30; i += 1) await outbox.enqueue(deadlineWarning(`n-${i}`), [{ channel: 'email', address: `p${i}@h.cn` }]);
    const a = dispatcher('worker-a', [email], 4);
    const b = dispatcher('worker-b', [email], 4);
    for (let round = 0; round < 10; round += 1) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);

    expect(email.calls.size).toBe(30);
    expect([...email.calls.values()].every((calls) => calls === 1)).toBe(true);
    expect(await outbox.list({ status: 'sent' })).toHaveLength(30);
  });

  it('a delivery held by a worker is not claimed again until its lease runs out, and the late holder cannot record', async () => {
    const email = new CountingChannel('email');
    await outbox.enqueue(deadlineWarning(), [{ channel: 'email', address: 'zhang@hospital.example.cn' }]);
    const [held] = await outbox.claim('worker-dead', ['email'], 10, 120_000);
    expect(await dispatcher('worker-b', [email]).tick()).toBe(0);

    clock.advance(120_001);
    expect(await dispatcher('worker-b', [email]).tick()).toBe(1);
    expect(await outbox.markSent(held!.id, 'worker-dead')).toBe(false);
    expect(await outbox.get(held!.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries a transient failure with exponential backoff up to the cap, then dead-letters it; an admin retry queues it again', async () => {
    const webhook = new CountingChannel('webhook');
    webhook.answer = () => ({ status: 'retry', reason: 'webhook oa answered 500' });
    await outbox.enqueue(deadlineWarning(), [{ channel: 'webhook', address: 'oa' }]);
    const d = dispatcher('w', [webhook]);
    const [{ id }] = await outbox.list();

    expect(await d.tick()).toBe(1);
    expect(await outbox.get(id)).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: '2025-03-03T01:01:00.000Z' });
    clock.advance(59_999);
    expect(await d.tick()).toBe(0);
    clock.advance(1);
    expect(await d.tick()).toBe(1);
    // 2 · 60 s = 120 s, capped at 100 s.
    expect(await outbox.get(id)).toMatchObject({ status: 'retrying', attempts: 2, nextAttemptAt: '2025-03-03T01:02:40.000Z' });
    clock.advance(100_000);
    expect(await d.tick()).toBe(1);
    expect(await outbox.get(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
      lastError: '3 attempts: webhook oa answered 500',
    });
    clock.advanceDays(1);
    expect(await d.tick()).toBe(0);

    webhook.answer = () => ({ status: 'sent' });
    expect(await outbox.retry(id)).toBe(true);
    expect(await d.tick()).toBe(1);
    expect(await outbox.get(id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(await outbox.retry(id)).toBe(false);
  });

  it('dead-letters a permanent failure at once, retries a channel that throws, and leaves deliveries of channels it lacks queued', async () => {
    const sms = new CountingChannel('sms');
    sms.answer = (d) => {
      if (d.address === 'bad') return { status: 'failed', reason: 'SMS gateway answered 400' };
      throw new Error('socket hang up');
    };
    await outbox.enqueue(deadlineWarning(), [
      { channel: 'sms', address: 'bad' },
      { channel: 'sms', address: '13800001234' },
      { channel: 'email', address: 'zhang@hospital.example.cn' },
    ]);
    expect(await dispatcher('w', [sms]).tick()).toBe(2);
    const byAddress = new Map((await outbox.list()).map((v) => [v.address, v]));
    expect(byAddress.get('***bad')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMS gateway answered 400' });
    expect(byAddress.get('***1234')).toMatchObject({ status: 'retrying', lastError: 'sms threw: socket hang up' });
    expect(byAddress.get('***@hospital.example.cn')).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
