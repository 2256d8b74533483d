import { createTestApp, TestApp } from '../../testing/test-app';
import { steps } from '../inspection/inspection-steps';
import { AnswerChecks } from './answer-checks';

const POLICE = 'partner-police-a';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/**
 * The referral and lead routes' real answers (and a partner's to-do list) match the OpenAPI
 * document the console's client is generated from, down to every field, at every step.
 */
describe('OpenAPI answers: referrals and leads', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-12-22T01:00:00.000Z' });
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  it('describes a referral from making it to closing it, its lists and the agency’s to-do list', async () => {
    const s = steps(t);
    const findingId = await s.finding(await s.visit());
    const picker = await checks.send<{ agencies: { id: string }[] }>('GET', '/referrals/agencies', 'inspector-a1');
    expect(picker.agencies.map((a) => a.id)).toContain('agency-city-a-police');
    const body = { sourceStream: `finding-${findingId}`, agencyId: 'agency-city-a-police', reason: '涉嫌欺诈骗保' };
    const made = await checks.send<{ id: string; file: { digest: string } }>('POST', '/referrals', 'inspector-a1', body, 201);
    const path = `/referrals/${made.id}`;
    expect(await checks.send('GET', path, POLICE)).toMatchObject({ status: 'referred', files: [{ step: 'referralDossier' }] });
    expect((await checks.send<{ items: unknown[] }>('GET', '/referrals', POLICE)).items).toHaveLength(1);
    expect((await checks.send<{ items: unknown[] }>('GET', '/referrals?status=referred', 'leader-prov')).items).toHaveLength(1);
    const todos = await checks.send<{ counts: Record<string, number> }>('GET', '/me/todos', POLICE);
    expect(todos.counts['referral-acknowledge']).toBe(1);

    await checks.send('POST', `${path}/acknowledge`, POLICE, undefined, 200);
    const uploaded = await t.http
      .post(`${path}/evidence`)
      .set(t.auth(POLICE))
      .field('note', '立案决定书')
      .attach('file', pdf('立案决定书'), { filename: '立案决定书.pdf' });
    const file = checks.hold<{ file: { digest: string } }>('POST', `${path}/evidence`, uploaded, 200).file;
    await checks.send('POST', `${path}/outcome`, POLICE, { outcome: 'case-opened', text: '已立案', evidence: [file.digest] }, 200);
    await checks.send('POST', `${path}/close`, 'inspector-a1', { note: '已办结' }, 200);
    expect(await checks.send('GET', path, 'inspector-a1')).toMatchObject({ status: 'closed', outcome: { outcome: 'case-opened' } });
  });

  it('describes a lead, its list and its ticket’s status', async () => {
    const body = {
      unitId: 'city-a',
      institutionId: 'hosp-a1-2',
      category: 'fees',
      description: '乱收费线索',
      agencyReference: '甲公移〔2025〕3号',
    };
    const sent = await checks.send<{ id: string; ticketId: string }>('POST', '/leads', POLICE, body, 201);
    expect(await checks.send('GET', `/leads/${sent.id}`, POLICE)).toMatchObject({ status: 'registered', ticket: { step: 'received' } });
    expect((await checks.send<{ items: unknown[] }>('GET', '/leads', 'inspector-city-a')).items).toHaveLength(1);
    expect(checks.unchecked(['/referrals', '/leads'])).toEqual([]);
  });
});
