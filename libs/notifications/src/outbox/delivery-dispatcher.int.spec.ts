import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openSqliteDatabase, SqlDatabase } from '@bihuan/database';
import { eventually, FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { EmailChannel } from '../channels/email.channel';
import { InboxChannel } from '../channels/inbox.channel';
import { SmsGatewayChannel } from '../channels/sms-gateway.channel';
import { NOTIFICATIONS_MIGRATIONS } from '../notifications.migrations';
import { DEFAULT_NOTIFICATIONS_POLICY, NotificationsPolicy } from '../notifications.policy';
import { LocalHttpReceiver } from '../testing/local-http-receiver';
import { LocalSmtpServer } from '../testing/local-smtp-server';
import { deadlineWarning } from '../testing/notification-fixtures';
import { WebhookChannel } from '../webhooks/webhook.channel';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryOutbox } from './delivery-outbox';

describe.each(TEST_SQL_DIALECTS)('Delivering through real local servers on $name', (dialect) => {
  let test: TestSqlDatabase;
  let smtp: LocalSmtpServer;
  let http: LocalHttpReceiver;
  let email: EmailChannel;
  let dispatcher: DeliveryDispatcher;
  let outbox: DeliveryOutbox;
  const clock = new FakeClock();

  beforeEach(async () => {
    clock.set('2025-03-03T01:00:00.000Z');
    test = await dialect.open([NOTIFICATIONS_MIGRATIONS]);
    smtp = new LocalSmtpServer();
    http = new LocalHttpReceiver();
    const [smtpUrl, base] = await Promise.all([smtp.start(), http.start()]);
    const policy: NotificationsPolicy = {
      ...DEFAULT_NOTIFICATIONS_POLICY,
      delivery: {
        ...DEFAULT_NOTIFICATIONS_POLICY.delivery,
        maxAttempts: 4,
        baseDelaySeconds: 30,
        maxDelaySeconds: 600,
        // Long enough for a loaded machine to get the 500 answered; the hang test waits it out once.
        webhookTimeoutSeconds: 2,
      },
      webhooks: [{ id: 'oa', url: `${base}/hooks/oa`, secret: 'oa-secret', kinds: [], format: 'generic' }],
    };
    email = new EmailChannel({ url: smtpUrl, from: 'noreply@wjw.example.cn' });
    const channels = [
      new InboxChannel(test.database, clock),
      email,
      new WebhookChannel({ policy: async () => policy, secretOf: () => undefined, clock }),
      new SmsGatewayChannel({ url: `${base}/sms`, token: 't' }),
    ];
    outbox = new DeliveryOutbox(test.database, clock);
    dispatcher = new DeliveryDispatcher(outbox, channels, { owner: 'worker-1', settings: async () => policy.delivery });
  });
  afterEach(async () => {
    email.close();
    await Promise.all([smtp.stop(), http.stop(), test.dispose()]);
  });

  it('a webhook that always answers 500 is retried with backoff and dead-lettered, while the e-mail and inbox item go out', async () => {
    http.answers.set('/hooks/oa', { status: 500 });
    const n = deadlineWarning();
    await outbox.enqueue(n, [
      { channel: 'inbox', address: n.recipient.userId },
      { channel: 'email', address: n.recipient.email! },
      { channel: 'webhook', address: 'oa' },
    ]);

    expect(await dispatcher.tick()).toBe(3);
    expect(smtp.received.map((m) => m.subject)).toEqual(['整改期限即将届满：门诊处方点评问题']);
    expect(await new InboxChannel(test.database, clock).list('u-zhang')).toHaveLength(1);
    // Due after 30 s, 60 s, 120 s: three more attempts, the fourth dead-letters it.
    for (const wait of [30_000, 60_000, 120_000]) {
      clock.advance(wait - 1);
      expect(await dispatcher.tick()).toBe(0);
      clock.advance(1);
      expect(await dispatcher.tick()).toBe(1);
    }
    expect(http.requestsTo('/hooks/oa')).toHaveLength(4);
    expect(await outbox.list({ status: 'failed' })).toEqual([
      expect.objectContaining({ channel: 'webhook', address: 'oa', attempts: 4, lastError: expect.stringContaining('answered 500') }),
    ]);
    expect((await outbox.list({ status: 'sent' })).map((d) => d.channel).sort()).toEqual(['email', 'inbox']);
    expect(smtp.received).toHaveLength(1);
  });

  it('a webhook that does not answer holds only its own delivery: the e-mail is sent while it waits for the timeout', async () => {
    http.answers.set('/hooks/oa', 'hang');
    const n = deadlineWarning();
    await outbox.enqueue(n, [
      { channel: 'webhook', address: 'oa' },
      { channel: 'email', address: n.recipient.email! },
    ]);
    const tick = dispatcher.tick();
    // The SMTP server sees the mail a moment before the outbox records it sent: wait for the record.
    await eventually(async () => (await outbox.list({ status: 'sent' })).length > 0, 'the e-mail to be recorded sent');
    expect(await outbox.list({ status: 'sent' })).toEqual([expect.objectContaining({ channel: 'email' })]);
    expect(smtp.received).toHaveLength(1);
    expect(http.requestsTo('/hooks/oa')).toHaveLength(1);

    await tick;
    expect(await outbox.list({ status: 'retrying' })).toEqual([
      expect.objectContaining({ channel: 'webhook', lastError: expect.stringContaining('no answer within 2000 ms') }),
    ]);
  });

  it('an SMS the gateway refuses with 400 fails at once; one it answers 500 is retried', async () => {
    await outbox.enqueue(deadlineWarning('n-1'), [{ channel: 'sms', address: '13800001111' }]);
    http.answers.set('/sms', { status: 400, body: '{"error":"unknown template"}' });
    await dispatcher.tick();
    expect(await outbox.list()).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);

    await outbox.enqueue(deadlineWarning('n-2'), [{ channel: 'sms', address: '13800002222' }]);
    http.answers.set('/sms', { status: 500 });
    await dispatcher.tick();
    expect(await outbox.list({ status: 'retrying' })).toEqual([expect.objectContaining({ address: '***2222', attempts: 1 })]);
    const bodies = http.requestsTo('/sms').map((r) => JSON.parse(r.body) as { phone: string; template: string; params: object });
    expect(bodies[1]).toEqual({
      id: 'n-2',
      phone: '13800002222',
      template: 'deadlineWarning',
      params: { title: '整改期限即将届满：门诊处方点评问题', link: '/findings/f1' },
    });
    expect(http.requestsTo('/sms')[0]!.headers['authorization']).toBe('Bearer t');
  });
});

describe('Two worker processes on one SQLite file', () => {
  let dir: string;
  let connections: SqlDatabase[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-outbox-'));
    connections = [openSqliteDatabase({ file: join(dir, 'bihuan.sqlite') }), openSqliteDatabase({ file: join(dir, 'bihuan.sqlite') })];
    await migrateToLatest(connections[0]!, [NOTIFICATIONS_MIGRATIONS]);
  });
  afterEach(async () => {
    for (const c of connections) await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('send each delivery once between them', async () => {
    const clock = new FakeClock();
    const sent: string[] = [];
    const channel = {
      kind: 'inbox' as const,
      deliver: async (d: { notification: { id: string } }) => {
        sent.push(d.notification.id);
        await new Promise((resolve) => setImmediate(resolve));
        return { status: 'sent' as const };
      },
    };
    const settings = async () => DEFAULT_NOTIFICATIONS_POLICY.delivery;
    const [a, b] = connections.map(
      (c, i) => new DeliveryDispatcher(new DeliveryOutbox(c, clock), [channel], { owner: `w${i}`, settings, concurrency: 3 }),
    );
    const outbox = new DeliveryOutbox(connections[0]!, clock);
    for (let i = 0; i < 20; i += 1) await outbox.enqueue(deadlineWarning(`n-${i}`), [{ channel: 'inbox', address: 'u' }]);
    for (let round = 0; round < 8; round += 1) await Promise.all([a!.tick(), b!.tick()]);

    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `n-${i}`).sort());
    expect(await outbox.list({ status: 'sent' })).toHaveLength(20);
  });
});
