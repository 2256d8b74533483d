import { eventually } from '@bihuan/testing';
import { sm3Hex } from '@bihuan/event-store';
import { uploadEvidence } from '../../testing/evidence-upload';
import { createTestApp, TestApp } from '../../testing/test-app';
import { steps } from '../inspection/inspection-steps';

const INSPECTOR = 'inspector-a1';
const POLICE = 'partner-police-a';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

interface Entry {
  readonly type: string;
  readonly stream: string;
  readonly summary?: string;
}

/**
 * Issue 22, item 4: an inspector refers a finding to 纪检监察/公安 with its case file; a user of
 * that agency acknowledges, answers and the commission closes it — every step on the record and in
 * the finding's own history; the case file verifies by its digest; nobody else gets near it.
 * Late December, so the acknowledgement deadline runs over the new year.
 */
describe('referrals to partner agencies (移交)', () => {
  let t: TestApp;
  let findingId: string;
  let referralId: string;
  let dossierDigest: string;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-12-29T01:00:00.000Z' });
    const s = steps(t);
    findingId = await s.finding(await s.visit(), { category: 'insurance-fraud', description: '串换药品、虚记诊疗项目骗取医保基金' });
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object = {}) => t.http.post(path).set(t.auth(user)).send(body);
  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const refer = (user: string, over: object = {}) =>
    post(user, '/referrals', {
      sourceStream: `finding-${findingId}`,
      agencyId: 'agency-city-a-police',
      reason: '涉嫌欺诈骗保，移送公安机关',
      ...over,
    });

  it('refers the finding with its case file, kept by its SM3 digest, and puts 签收 on the agency’s to-do list', async () => {
    const res = await refer(INSPECTOR).expect(201);
    referralId = res.body.id;
    dossierDigest = res.body.file.digest;
    expect(res.body).toMatchObject({ stream: `referral-${referralId}`, events: ['ReferralMade', 'EvidenceAttached', 'DeadlineSet'] });
    expect(res.body.file).toMatchObject({ mediaType: 'text/html', name: expect.stringMatching(/^dossier-finding-/) });

    const referral = (await get(POLICE, `/referrals/${referralId}`).expect(200)).body;
    expect(referral).toMatchObject({
      status: 'referred',
      sourceStream: `finding-${findingId}`,
      institutionId: 'hosp-a1-1',
      toUnit: 'agency-city-a-police',
      agencyType: 'police',
      dossierDigest,
      acknowledgeOverdue: false,
    });
    expect(referral.files).toEqual([expect.objectContaining({ digest: dossierDigest, step: 'referralDossier' })]);

    const file = await t.download(`/referrals/${referralId}/files/${dossierDigest}`, POLICE).expect(200);
    expect(sm3Hex(file.body as Buffer)).toBe(dossierDigest);
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect((file.body as Buffer).toString('utf8')).toContain('串换药品');

    const todos = (await get(POLICE, '/me/todos').expect(200)).body;
    expect(todos.items).toEqual([
      expect.objectContaining({ kind: 'referral-acknowledge', caseId: referralId, title: '移交待签收', dueAt: referral.acknowledgeDueAt }),
    ]);
    expect(todos.items[0].workingDaysLeft).toBeGreaterThan(0);
    // And the agency is told: its users' inboxes hold the referral, linking its page.
    await eventually(async () => {
      const inbox = (await get(POLICE, '/me/notifications').expect(200)).body.items as { title: string; link: string }[];
      return inbox.some((n) => n.title === '移交协查：监督检查发现的问题' && n.link === `/cases/referrals/${referralId}`);
    }, 'the referral in the police partner’s inbox');
  });

  it('keeps it from every other agency (404), hospitals (403) and commissions out of scope (403)', async () => {
    const before = await t.store.headPosition();
    await get('partner-insurance-b', `/referrals/${referralId}`).expect(404);
    await get('partner-discipline', `/referrals/${referralId}`).expect(404);
    await t.http.get(`/referrals/${referralId}/files/${dossierDigest}`).set(t.auth('partner-insurance-b')).expect(404);
    await post('partner-insurance-b', `/referrals/${referralId}/acknowledge`).expect(404);
    await get('hospital-a1-1', `/referrals/${referralId}`).expect(403);
    await get('hospital-a1-1', `/audit/cases/referral-${referralId}/history`).expect(403);
    await get('inspector-b1', `/referrals/${referralId}`).expect(403);
    await post('inspector-b1', `/referrals/${referralId}/close`).expect(403);
    expect((await get('partner-insurance-b', '/referrals').expect(200)).body.items).toEqual([]);
    expect((await get('inspector-b1', '/referrals').expect(200)).body.items).toEqual([]);
    expect((await get('leader-city-a', '/referrals').expect(200)).body.items.map((r: { referralId: string }) => r.referralId)).toEqual([
      referralId,
    ]);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('offers each referrer the agencies beside its commission, those above and below it; nobody else', async () => {
    const ids = async (user: string) =>
      ((await get(user, '/referrals/agencies').expect(200)).body.agencies as { id: string; parentId: string }[]).map((a) => a.id);
    // A county's inspector reads no unit above the county in the directory, yet refers to the city's police.
    expect(await ids(INSPECTOR)).toEqual(['agency-city-a-police', 'agency-prov-discipline']);
    expect(await ids('inspector-b1')).toEqual(['agency-city-b-insurance', 'agency-prov-discipline']);
    expect(await ids('leader-prov')).toEqual(['agency-city-a-police', 'agency-city-b-insurance', 'agency-prov-discipline']);
    const agency = (await get('leader-city-a', '/referrals/agencies').expect(200)).body.agencies[0];
    expect(agency).toEqual({ id: 'agency-city-a-police', name: '甲市公安局', agencyType: 'police', parentId: 'city-a' });
    for (const user of [POLICE, 'hospital-a1-1', 'admin']) await get(user, '/referrals/agencies').expect(403);
  });

  it('refuses a referral nobody may make, naming the field, and writes nothing', async () => {
    const before = await t.store.headPosition();
    expect((await refer(INSPECTOR, { reason: '' }).expect(400)).body.fields[0]).toMatchObject({ field: 'reason' });
    expect((await refer(INSPECTOR, { agencyId: 'city-a' }).expect(400)).body).toMatchObject({ code: 'REFERRAL.NOT_AN_AGENCY' });
    expect((await refer(INSPECTOR, { agencyId: 'agency-city-b-insurance' }).expect(422)).body).toMatchObject({
      code: 'REFERRAL.AGENCY_NOT_COMPETENT',
      fields: [{ field: 'agencyId', message: expect.stringContaining('不负责该案件所在辖区') }],
    });
    expect((await refer(INSPECTOR, { sourceStream: 'visit-x' }).expect(400)).body).toMatchObject({ code: 'REFERRAL.SOURCE_NOT_REFERABLE' });
    expect((await refer(INSPECTOR, { sourceStream: 'finding-nope' }).expect(404)).body).toMatchObject({
      code: 'REFERRAL.SOURCE_NOT_FOUND',
    });
    await refer('inspector-b1').expect(403);
    await refer('hospital-a1-1').expect(403);
    await refer(POLICE).expect(403);
    await refer('admin').expect(403);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('is acknowledged, answered with a document and closed, each step in the finding’s own history', async () => {
    await post(POLICE, `/referrals/${referralId}/outcome`, { outcome: 'case-opened', text: '已立案' }).expect(422);
    await post(POLICE, `/referrals/${referralId}/acknowledge`).expect(200);
    const doc = pdf('立案决定书');
    const ack = await uploadEvidence(t, POLICE, `/referrals/${referralId}/evidence`, {
      file: doc,
      name: '立案决定书.pdf',
      note: '立案',
      status: 200,
    });
    expect(ack['file']).toMatchObject({ digest: sm3Hex(doc), mediaType: 'application/pdf' });
    const outcome = { outcome: 'case-opened', text: '已立案侦查，案号甲公刑〔2025〕88号', evidence: [sm3Hex(doc)] };
    await post(POLICE, `/referrals/${referralId}/outcome`, outcome).expect(200);
    await post('leader-city-a', `/referrals/${referralId}/close`, { note: '结果已录入台账' }).expect(200);

    const referral = (await get(INSPECTOR, `/referrals/${referralId}`).expect(200)).body;
    expect(referral).toMatchObject({ status: 'closed', acknowledgedBy: POLICE, outcome: outcome, closedBy: 'leader-city-a' });
    expect((await get(POLICE, '/me/todos').expect(200)).body.items).toEqual([]);

    const history = (await get('leader-city-a', `/audit/cases/finding-${findingId}/history?pageSize=200`).expect(200)).body;
    const referralEntries = (history.entries as Entry[]).filter((e) => e.stream === `referral-${referralId}`);
    expect(referralEntries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ReferralMade', 'ReferralAcknowledged', 'ReferralOutcomeRecorded', 'ReferralClosed']),
    );
    expect(referralEntries.find((e) => e.type === 'ReferralMade')?.summary).toContain('移交甲市公安局（公安）');
    const integrity = (await get(INSPECTOR, `/audit/cases/referral-${referralId}/integrity`).expect(200)).body;
    // The chain of every linked stream holds, and both files (case file, decision) hash to their recorded digests.
    expect(integrity).toMatchObject({ ok: true, files: { checked: 2, problems: [] } });
  });

  it('never shows a hospital the referral in its own finding’s history', async () => {
    const history = (await get('hospital-a1-1', `/audit/cases/finding-${findingId}/history?pageSize=200`).expect(200)).body;
    expect((history.entries as Entry[]).some((e) => e.stream.startsWith('referral-'))).toBe(false);
    expect(history.withheldStreams).toBeGreaterThanOrEqual(1);
  });

  it('records a late acknowledgement as late once the deadline passed (over the new year)', async () => {
    const late = (await refer(INSPECTOR).expect(201)).body.id;
    const due = (await get(POLICE, `/referrals/${late}`).expect(200)).body.acknowledgeDueAt as string;
    await t.advanceTo(new Date(Date.parse(due) + 3_600_000).toISOString());
    expect((await get(POLICE, `/referrals/${late}`).expect(200)).body.acknowledgeOverdue).toBe(true);
    const todo = (await get(POLICE, '/me/todos').expect(200)).body.items[0];
    expect(todo).toMatchObject({ kind: 'referral-acknowledge', caseId: late, overdue: true });
    await post(POLICE, `/referrals/${late}/acknowledge`).expect(200);
    const stream = await t.store.readStream(`referral-${late}`);
    expect(stream.map((e) => e.type)).toEqual(expect.arrayContaining(['DeadlineWarned', 'DeadlineExpired', 'ReferralAcknowledged']));
    expect(stream.find((e) => e.type === 'ReferralAcknowledged')?.data).toMatchObject({ late: true });
  });
});
