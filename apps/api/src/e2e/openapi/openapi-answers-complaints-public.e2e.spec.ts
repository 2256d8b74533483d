import { createTestApp, TestApp } from '../../testing/test-app';
import { HOSPITAL, INSPECTOR, INSTITUTION } from '../complaints/complaints-e2e.helpers';
import { AnswerChecks } from './answer-checks';

const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

interface Ticket {
  readonly ticketId: string;
  readonly ticketCode: string;
  readonly secret: string;
}

/**
 * The complaints routes' real answers match the OpenAPI document the console's client is generated
 * from: lists, details with history, statistics, the complainant's three shapes, every step's
 * result, and the public entry (submission, status, rating, reply, evidence).
 */
describe('OpenAPI answers: complaints and the public complaint entry', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  let named: Ticket;
  let hotline: Ticket;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  const step = (user: string, ticket: Ticket, path: string, body: object = {}) =>
    checks.send('POST', `/complaints/${ticket.ticketId}/${path}`, user, body, 200);
  const idOf = async (ticketCode: string): Promise<string> => {
    const page = await checks.send<{ items: { ticketId: string; ticketCode: string }[] }>('GET', '/complaints', INSPECTOR);
    return page.items.find((i) => i.ticketCode === ticketCode)!.ticketId;
  };

  it('describes a public submission, its status, attaching and downloading a file, and a reply', async () => {
    const submitted = await checks.send<{ ticketCode: string; secret: string }>(
      'POST',
      '/public/complaints',
      null,
      { category: 'fees', description: '收费单与实际不符', institutionId: INSTITUTION, identity: { name: '李四', phone: '13812345678' } },
      201,
    );
    named = { ...submitted, ticketId: await idOf(submitted.ticketCode) };
    const path = `/public/complaints/${named.ticketCode}`;
    const attached = await t.http
      .post(`${path}/evidence`)
      .field('secret', named.secret)
      .field('note', '收费单')
      .attach('file', pdf('receipt'), { filename: '收费单.pdf' });
    const receipt = checks.hold<{ digest: string }>('POST', `${path}/evidence`, attached, 200);
    const download = await t.http.get(`${path}/evidence/${receipt.digest}`).set('X-Ticket-Secret', named.secret).expect(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    const status = checks.hold<{ files: unknown[] }>('GET', path, await t.http.get(path).set('X-Ticket-Secret', named.secret));
    expect(status.files).toHaveLength(1);
    await checks.send('POST', `${path}/status`, null, { secret: named.secret }, 200);

    await step(INSPECTOR, named, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(HOSPITAL, named, 'acknowledge');
    await step(HOSPITAL, named, 'investigation-notes', { note: '调取收费记录' });
    await step(HOSPITAL, named, 'await-complainant', { reason: '请提供收费单原件' });
    expect(await checks.send('POST', `${path}/reply`, null, { secret: named.secret, note: '已补充' }, 200)).toMatchObject({
      ticketCode: named.ticketCode,
    });
    await step(INSPECTOR, named, 'await-complainant', { reason: '再次核实' });
    await step(INSPECTOR, named, 'complainant-reply', { note: '电话补充' });
  });

  it('describes staff evidence, extensions, supervision, the decision, answer, public rating and reopening', async () => {
    const staffFile = await t.http
      .post(`/complaints/${named.ticketId}/evidence`)
      .set(t.auth(INSPECTOR))
      .attach('file', pdf('staff note'), { filename: '核查记录.pdf' });
    checks.hold('POST', `/complaints/${named.ticketId}/evidence`, staffFile, 200);
    await step(HOSPITAL, named, 'extension-request', { reason: '需调阅更多记录' });
    await step(INSPECTOR, named, 'extension/deny', { reason: '时限足够' });
    await step(HOSPITAL, named, 'extension-request', { reason: '涉及多个科室' });
    await step(INSPECTOR, named, 'extension/approve', { extraWorkingDays: 2 });
    await step(INSPECTOR, named, 'supervise', { reason: '群众反映强烈' });
    await step(HOSPITAL, named, 'decision', { decision: 'substantiated', findings: '多收费用属实', implicatedStaffId: 'staff-9' });
    await step(HOSPITAL, named, 'answer', { answer: '已退还多收费用' });
    const rated = await checks.send('POST', `/public/complaints/${named.ticketCode}/rating`, null, {
      secret: named.secret,
      rating: 'dissatisfied',
      comment: '退款未到账',
    });
    expect(rated).toMatchObject({ ticketCode: named.ticketCode });
    await step(INSPECTOR, named, 'reopen', { reason: '退款确未到账', complexity: 'simple' });
  });

  it('describes staff intake, a return, follow-up and closing, a decline and an on-the-spot resolution', async () => {
    const received = await checks.send<{ ticketId: string; ticketCode: string; secret: string }>(
      'POST',
      '/complaints',
      INSPECTOR,
      { channel: 'hotline', category: 'waiting', description: '候诊时间过长', institutionId: INSTITUTION },
      201,
    );
    hotline = received;
    await step(INSPECTOR, hotline, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await step(HOSPITAL, hotline, 'return', { reason: '不属于本院' });
    await step(INSPECTOR, hotline, 'dispatch', { institutionId: INSTITUTION, complexity: 'complex' });
    await step(HOSPITAL, hotline, 'acknowledge');
    await step(HOSPITAL, hotline, 'decision', { decision: 'not-substantiated', findings: '候诊时长在正常范围' });
    await step(HOSPITAL, hotline, 'answer', { answer: '已说明情况' });
    await step(INSPECTOR, hotline, 'follow-up', { rating: 'satisfied', comment: '电话回访' });
    await step(INSPECTOR, hotline, 'close');

    const toDecline = await checks.send<Ticket>('POST', '/complaints', INSPECTOR, {
      channel: 'letter',
      category: 'other',
      description: '已起诉',
    });
    await step(INSPECTOR, toDecline, 'decline', { ground: 'litigation', reason: '已进入诉讼程序' });
    const onTheSpot = await checks.send<Ticket>('POST', '/complaints', INSPECTOR, {
      channel: 'window',
      category: 'environment',
      description: '走廊无座椅',
    });
    await step(INSPECTOR, onTheSpot, 'resolve-on-the-spot', { resolution: '已当场协调增设座椅' });
  });

  it('describes a complaint received at the hospital’s own window (首诉负责) and escalated to the commission', async () => {
    const atWindow = await checks.send<Ticket>(
      'POST',
      '/complaints',
      HOSPITAL,
      { channel: 'hotline', category: 'medical-ethics', description: '反映本院医生收受红包' },
      201,
    );
    await step(HOSPITAL, atWindow, 'escalate', { reason: '涉及本院领导' });
    expect(await checks.send('GET', `/complaints/${atWindow.ticketId}`, HOSPITAL)).toMatchObject({
      receivingUnit: 'county-a1',
      receivedBy: INSTITUTION,
      escalationReason: '涉及本院领导',
    });
  });

  it('describes the lists, details with history, statistics and the complainant in its three shapes', async () => {
    await t.settle();
    const staffPage = await checks.send<{ items: { complainant?: unknown }[]; nextCursor: string }>(
      'GET',
      '/complaints?pageSize=2',
      INSPECTOR,
    );
    expect(staffPage.items[0]!.complainant).toBeDefined();
    await checks.send('GET', `/complaints?pageSize=2&cursor=${encodeURIComponent(staffPage.nextCursor)}`, INSPECTOR);
    const hospitalPage = await checks.send<{ items: { complainant?: unknown }[] }>('GET', '/complaints', HOSPITAL);
    expect(hospitalPage.items.every((i) => i.complainant === undefined)).toBe(true);
    await checks.send('GET', `/complaints/${named.ticketId}`, HOSPITAL);
    const full = await checks.send<{ history: unknown[] }>('GET', `/complaints/${named.ticketId}?all=true`, 'leader-city-a');
    expect(full.history.length).toBeGreaterThan(10);
    await checks.send('GET', '/complaints/statistics', INSPECTOR);
    await checks.send('GET', '/complaints/statistics?groupBy=month', 'leader-prov');

    const anonymous = await checks.send('GET', `/complaints/${hotline.ticketId}/complainant?purpose=回访`, INSPECTOR);
    expect(anonymous).toEqual({ kind: 'anonymous' });
    const shown = await checks.send<{ subjectId: string }>('GET', `/complaints/${named.ticketId}/complainant?purpose=回访`, INSPECTOR);
    expect(shown).toMatchObject({ kind: 'named', erased: false, identity: { name: '李四' } });
    await checks.send('POST', `/admin/subjects/${shown.subjectId}/erase`, 'admin', { reason: '本人申请删除' }, 200);
    const erased = await checks.send('GET', `/complaints/${named.ticketId}/complainant?purpose=核对`, INSPECTOR);
    expect(erased).toEqual({ kind: 'named', subjectId: shown.subjectId, erased: true });
  });

  it('has checked a JSON answer of every complaints route', () => {
    expect(checks.unchecked(['/complaints', '/public/complaints', '/admin/subjects'])).toEqual([]);
  });
});
