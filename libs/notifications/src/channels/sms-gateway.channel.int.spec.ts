import { LocalHttpReceiver } from '../testing/local-http-receiver';
import { deadlineWarning } from '../testing/notification-fixtures';
import { SmsGatewayChannel } from './sms-gateway.channel';

describe('SMS gateway: the link a text message carries', () => {
  const gateway = new LocalHttpReceiver();
  let base: string;
  beforeAll(async () => {
    base = await gateway.start();
  });
  afterAll(() => gateway.stop());

  it('is absolute under PUBLIC_BASE_URL (a phone has no console to be relative to), the path without it', async () => {
    const send = (linkBase: string | null) =>
      new SmsGatewayChannel({ url: `${base}/sms`, token: 't', linkBase }).deliver({
        id: 'd-1',
        channel: 'sms',
        address: '13800001234',
        notification: deadlineWarning(),
        attempt: 1,
      });
    expect(await send('https://bihuan.wjw.example.cn')).toEqual({ status: 'sent' });
    expect(await send(null)).toEqual({ status: 'sent' });
    const links = gateway.received.map((r) => (JSON.parse(r.body) as { params: { link: string } }).params.link);
    expect(links).toEqual(['https://bihuan.wjw.example.cn/findings/f1', '/findings/f1']);
  });
});
