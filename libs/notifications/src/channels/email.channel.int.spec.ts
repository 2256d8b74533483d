import { EmailChannel } from './email.channel';
import { LocalSmtpServer } from '../testing/local-smtp-server';
import { deadlineWarning } from '../testing/notification-fixtures';

describe('EmailChannel against a local SMTP server', () => {
  let smtp: LocalSmtpServer;
  let channel: EmailChannel;

  beforeEach(async () => {
    smtp = new LocalSmtpServer();
    const url = await smtp.start();
    channel = new EmailChannel({ url, from: '"闭环督办平台" <noreply@wjw.example.cn>', linkBase: 'https://bihuan.example.cn/' });
  });
  afterEach(async () => {
    channel.close();
    await smtp.stop();
  });

  it('sends the Chinese title as subject and the body with an absolute link, to the recipient, after AUTH', async () => {
    const n = deadlineWarning();
    const result = await channel.deliver({
      id: 'd-1',
      channel: 'email',
      address: 'zhang@hospital.example.cn',
      notification: n,
      attempt: 1,
    });

    expect(result).toEqual({ status: 'sent' });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('整改期限即将届满：门诊处方点评问题');
    expect(mail.text).toContain('门诊处方点评不规范');
    expect(mail.text).toContain('https://bihuan.example.cn/findings/f1');
    expect(mail.from?.value[0]).toEqual({ address: 'noreply@wjw.example.cn', name: '闭环督办平台' });
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value.map((a) => a.address)).toEqual(['zhang@hospital.example.cn']);
    expect(mail.messageId).toBe('<n-finding-f1-warning-1@bihuan>');
    expect(mail.headers.get('x-bihuan-kind')).toBe('deadlineWarning');
  });

  it('fails at once when the credentials are refused (535 is permanent)', async () => {
    channel.close();
    channel = new EmailChannel({ url: `smtp://bihuan:wrong@127.0.0.1:${smtp.port}`, from: 'noreply@wjw.example.cn' });
    const result = await channel.deliver({ id: 'd-1', channel: 'email', address: 'a@b.cn', notification: deadlineWarning(), attempt: 1 });
    expect(result).toEqual({ status: 'failed', reason: expect.stringContaining('535') });
    expect(smtp.received).toHaveLength(0);
  });
});
