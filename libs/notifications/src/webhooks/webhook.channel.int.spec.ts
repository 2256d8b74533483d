import { createHmac } from 'node:crypto';
import { FakeClock } from '@bihuan/testing';
import { Delivery } from '../notification';
import { DEFAULT_NOTIFICATIONS_POLICY, WebhookEndpoint } from '../notifications.policy';
import { LocalHttpReceiver, ReceivedRequest } from '../testing/local-http-receiver';
import { deadlineWarning } from '../testing/notification-fixtures';
import { namedSecrets, WebhookChannel } from './webhook.channel';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './webhook-signature';

const clock = new FakeClock('2025-03-03T01:00:00.000Z');
const toOa = (address = 'oa'): Delivery => ({ id: 'd-1', channel: 'webhook', address, notification: deadlineWarning(), attempt: 1 });
const header = (r: ReceivedRequest, name: string): string | undefined => r.headers[name] as string | undefined;

describe('WebhookChannel against a local receiver', () => {
  let receiver: LocalHttpReceiver;
  let base: string;
  let endpoints: WebhookEndpoint[];
  // A generous timeout where the receiver answers (a loaded CI machine must not turn a delivery into a
  // retry); the hang test has its own short one.
  const channelWith = (webhookTimeoutSeconds: number): WebhookChannel =>
    new WebhookChannel({
      policy: async () => ({ delivery: { ...DEFAULT_NOTIFICATIONS_POLICY.delivery, webhookTimeoutSeconds }, webhooks: endpoints }),
      secretOf: namedSecrets({ DING: 'SECding-secret' }),
      clock,
      linkBase: 'https://bihuan.example.cn',
    });
  const channel = channelWith(30);

  beforeEach(async () => {
    receiver = new LocalHttpReceiver();
    base = await receiver.start();
    endpoints = [
      { id: 'oa', url: `${base}/hooks/oa`, secret: 'oa-secret', kinds: [], format: 'generic' },
      { id: 'wecom', url: `${base}/cgi-bin/webhook/send?key=k1`, kinds: ['deadlineWarning'], format: 'wecom' },
      { id: 'ding', url: `${base}/robot/send?access_token=t1`, secretRef: 'DING', kinds: [], format: 'dingtalk' },
      { id: 'escalations', url: `${base}/hooks/esc`, secret: 's', kinds: ['escalation'], format: 'generic' },
      { id: 'unsigned', url: `${base}/hooks/u`, kinds: [], format: 'generic' },
    ];
  });
  afterEach(() => receiver.stop());

  it('signs timestamp.body with the endpoint secret: the receiver verifies it, a tampered body or a stale timestamp fails', async () => {
    await expect(channel.deliver(toOa())).resolves.toEqual({ status: 'sent' });
    const [request] = receiver.requestsTo('/hooks/oa');
    const signed = {
      secret: 'oa-secret',
      body: request!.body,
      timestamp: header(request!, TIMESTAMP_HEADER),
      signature: header(request!, SIGNATURE_HEADER),
      nowMs: clock.now().getTime() + 5_000,
    };
    expect(signed.timestamp).toBe(String(clock.now().getTime() / 1000));
    expect(verifyWebhookSignature(signed)).toBe(true);
    expect(verifyWebhookSignature({ ...signed, body: signed.body.replace('3 个工作日', '30 个工作日') })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, secret: 'other' })).toBe(false);
    expect(verifyWebhookSignature({ ...signed, nowMs: signed.nowMs + 600_000 })).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      id: 'n-finding-f1-warning-1',
      kind: 'deadlineWarning',
      title: '整改期限即将届满：门诊处方点评问题',
      body: expect.stringContaining('门诊处方点评不规范'),
      link: 'https://bihuan.example.cn/findings/f1',
      stream: 'finding-f1',
      occurredAt: '2025-03-03T01:00:00.000Z',
      recipient: { userId: 'u-zhang', unitId: 'unit-h1' },
    });
    expect(request!.body).not.toContain('13800001234');
    expect(header(request!, 'x-bihuan-notification')).toBe('n-finding-f1-warning-1');
  });

  it('shapes a 政务微信 robot message as markdown', async () => {
    await expect(channel.deliver(toOa('wecom'))).resolves.toEqual({ status: 'sent' });
    const [request] = receiver.requestsTo('/cgi-bin/webhook/send');
    expect(JSON.parse(request!.body)).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: expect.stringMatching(
          /^\*\*整改期限即将届满：门诊处方点评问题\*\*\n.*\[查看详情\]\(https:\/\/bihuan\.example\.cn\/findings\/f1\)$/s,
        ),
      },
    });
  });

  it('signs a 钉钉 robot URL the DingTalk way with the secret its reference names', async () => {
    await expect(channel.deliver(toOa('ding'))).resolves.toEqual({ status: 'sent' });
    const [request] = receiver.requestsTo('/robot/send');
    const url = new URL(request!.path, base);
    const timestamp = String(clock.now().getTime());
    const expected = createHmac('sha256', 'SECding-secret').update(`${timestamp}\nSECding-secret`).digest('base64');
    expect(url.searchParams.get('access_token')).toBe('t1');
    expect(url.searchParams.get('timestamp')).toBe(timestamp);
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(JSON.parse(request!.body).markdown.title).toBe('整改期限即将届满：门诊处方点评问题');
  });

  it('reads a robot refusal inside a 200: throttling is retried, a bad key fails', async () => {
    receiver.answers.set('/cgi-bin/webhook/send', { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' });
    expect((await channel.deliver(toOa('wecom'))).status).toBe('retry');
    receiver.answers.set('/cgi-bin/webhook/send', { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' });
    expect((await channel.deliver(toOa('wecom'))).status).toBe('failed');
  });

  it('fails at once for an unknown or malformed endpoint, a kind it does not take, or a generic endpoint without a secret', async () => {
    endpoints.push({ id: 'broken', url: 'ftp://x', kinds: [], format: 'generic', secret: 's' });
    expect(await channel.deliver(toOa('broken'))).toEqual({ status: 'failed', reason: 'endpoint broken: url must be an http(s) URL' });
    expect(await channel.deliver(toOa('nowhere'))).toEqual({ status: 'failed', reason: expect.stringContaining('nowhere') });
    expect(await channel.deliver(toOa('escalations'))).toEqual({ status: 'failed', reason: expect.stringContaining('deadlineWarning') });
    expect((await channel.deliver(toOa('unsigned'))).status).toBe('failed');
    expect(receiver.received).toHaveLength(0);
  });

  it('gives up on a receiver that does not answer within the timeout, to try again later', async () => {
    receiver.answers.set('/hooks/oa', 'hang');
    // The receiver never answers: only the channel's own timeout can end the delivery (or jest's, failing it).
    const result = await channelWith(0.3).deliver(toOa());
    expect(result).toEqual({ status: 'retry', reason: expect.stringContaining('no answer within 300 ms') });
  });
});
