import { FakeClock } from '@bihuan/testing';
import { Delivery } from '../notification';
import { EmailChannel } from './email.channel';
import { SmsGatewayChannel } from './sms-gateway.channel';
import { WebhookChannel } from '../webhooks/webhook.channel';
import { DEFAULT_NOTIFICATIONS_POLICY, WebhookEndpoint } from '../notifications.policy';
import { LocalSmtpServer } from '../testing/local-smtp-server';
import { LocalHttpReceiver } from '../testing/local-http-receiver';
import { deadlineWarning } from '../testing/notification-fixtures';
import { notificationChannelContract } from '../testing/notification-channel.contract';

const delivery = (channel: Delivery['channel'], address: string): Delivery => ({
  id: 'd-1',
  channel,
  address,
  notification: deadlineWarning(),
  attempt: 1,
});

notificationChannelContract('e-mail over SMTP', async () => {
  const smtp = new LocalSmtpServer();
  const url = await smtp.start();
  const address = 'zhang@hospital.example.cn';
  let channel = new EmailChannel({ url, from: '"闭环督办" <noreply@wjw.example.cn>', timeoutMs: 2_000 });
  return {
    get channel() {
      return channel;
    },
    delivery: delivery('email', address),
    refusePermanently: () => smtp.answers.set(address, 550),
    refuseForNow: () => smtp.answers.set(address, 451),
    unreachable: async () => {
      await smtp.stop();
      channel = new EmailChannel({ url, from: 'noreply@wjw.example.cn', timeoutMs: 2_000 });
    },
    accepted: () => smtp.received.length,
    teardown: async () => {
      channel.close();
      await smtp.stop().catch(() => undefined);
    },
  };
});

notificationChannelContract('SMS over an HTTP gateway', async () => {
  const gateway = new LocalHttpReceiver();
  let base = await gateway.start();
  const channel = () => new SmsGatewayChannel({ url: `${base}/sms/send`, token: 'sms-token', timeoutMs: 2_000 });
  let current = channel();
  return {
    get channel() {
      return current;
    },
    delivery: delivery('sms', '13800001234'),
    refusePermanently: () => gateway.answers.set('/sms/send', { status: 400, body: '{"error":"bad phone"}' }),
    refuseForNow: () => gateway.answers.set('/sms/send', { status: 500 }),
    unreachable: async () => {
      await gateway.stop();
      base = base.replace(/:\d+$/, ':1');
      current = channel();
    },
    accepted: () => gateway.accepted(),
    teardown: () => gateway.stop().catch(() => undefined),
  };
});

notificationChannelContract('signed webhook', async () => {
  const receiver = new LocalHttpReceiver();
  const base = await receiver.start();
  let endpoint: WebhookEndpoint = { id: 'oa', url: `${base}/hooks/oa`, secret: 'shared-secret', kinds: [], format: 'generic' };
  const channel = new WebhookChannel({
    policy: async () => ({ ...DEFAULT_NOTIFICATIONS_POLICY, webhooks: [endpoint] }),
    secretOf: () => undefined,
    clock: new FakeClock(),
  });
  return {
    channel,
    delivery: delivery('webhook', 'oa'),
    refusePermanently: () => receiver.answers.set('/hooks/oa', { status: 401 }),
    refuseForNow: () => receiver.answers.set('/hooks/oa', { status: 503 }),
    unreachable: async () => {
      endpoint = { ...endpoint, url: 'http://127.0.0.1:1/hooks/oa' };
    },
    accepted: () => receiver.accepted(),
    teardown: () => receiver.stop(),
  };
});
