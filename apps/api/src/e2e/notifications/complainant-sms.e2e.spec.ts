import { eventually } from '@bihuan/testing';
import { InboxChannel } from '@bihuan/notifications';
// Test equipment of the notifications lib (not in its index: it is for tests only).
import { LocalHttpReceiver } from '../../../../../libs/notifications/src/testing/local-http-receiver';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * Issue 19, privacy: a named complainant who consented is told of status changes by SMS with the
 * ticket code only; the institution is told of the same step without anything that names them.
 */
describe('complainant SMS and staff notifications of a named complaint (e2e)', () => {
  const gateway = new LocalHttpReceiver();
  let t: TestApp;

  beforeAll(async () => {
    const url = await gateway.start();
    t = await createTestApp({ config: { notifications: { smtp: null, sms: { url: `${url}/sms`, token: 't0ken' }, webhookSecrets: {} } } });
  });
  afterAll(async () => {
    await t.close();
    await gateway.stop();
  });

  it('names the refused field when the consent is not a boolean, and writes nothing', async () => {
    const before = await t.store.headPosition();
    const res = await t.http
      .post('/public/complaints')
      .send({ category: 'service-attitude', description: '态度恶劣', identity: { phone: '13912345678' }, notifyBySms: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'notifyBySms' })]);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('sends the consenting complainant the ticket code by SMS on dispatch, and tells the hospital without their identity', async () => {
    const submitted = await t.http
      .post('/public/complaints')
      .send({
        category: 'service-attitude',
        description: '我叫王五，急诊医生态度恶劣',
        institutionId: 'hosp-a1-1',
        identity: { name: '王五', phone: '13912345678' },
        notifyBySms: true,
      })
      .expect(201);
    const code = submitted.body.ticketCode as string;
    const all = await t.store.readAll();
    const received = all.find((e) => e.type === 'ComplaintReceived' && (e.data as { ticketCode: string }).ticketCode === code)!;
    expect(received.data).toMatchObject({ notifyBySms: true });
    const ticketId = (received.data as { ticketId: string }).ticketId;
    await t.http
      .post(`/complaints/${ticketId}/dispatch`)
      .set(t.auth('inspector-a1'))
      .send({ institutionId: 'hosp-a1-1', complexity: 'simple' })
      .expect(200);

    const sent = () => gateway.requestsTo('/sms').map((r) => JSON.parse(r.body) as { phone: string; template: string; params: object });
    await eventually(() => sent().length === 2, 'the SMS to the complainant and to the hospital user who has a phone');
    const toComplainant = sent().filter((m) => m.phone === '13912345678');
    expect(toComplainant).toEqual([
      expect.objectContaining({
        template: 'complaintStatus',
        params: { title: `您的投诉 ${code} 办理状态有更新`, link: `/portal/complaints/${code}` },
      }),
    ]);
    // Neither message names the complainant or repeats their words (the staff one goes to the hospital user's own phone).
    for (const m of sent()) expect(JSON.stringify(m.params)).not.toMatch(/王五|13912345678|急诊|态度/);

    const inbox = t.app.get(InboxChannel);
    await eventually(async () => (await inbox.list('hospital-a1-1')).some((i) => i.kind === 'assignment'), 'the hospital’s inbox');
    const item = (await inbox.list('hospital-a1-1')).find((i) => i.kind === 'assignment')!;
    expect(item).toMatchObject({ title: `新的投诉转办：投诉 ${code}`, link: `/cases/complaints/${ticketId}` });
    expect(`${item.title}${item.body}`).not.toMatch(/王五|13912345678|急诊/);
  });
});
