import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

/** An organisation no institution of the directory has yet, and a person (GB 11643's own example, check character X). */
const CODE = '91330100799655058B';
const ID = '11010519491231002X';
const ORG = `creditSubject-org.${CODE}`;
const NOW = '2025-03-03T01:00:00.000Z';

const applicant = (subjectKind: string, identifier: string, extra: object = {}) => ({
  subjectKind,
  identifier,
  purpose: subjectKind === 'person' ? 'physician-registration' : 'institution-registration',
  applicationRef: '甲卫审〔2025〕12号',
  ...extra,
});
const falseMaterial = (subjectKind: string, identifier: string) =>
  applicant(subjectKind, identifier, { description: '提交的房屋产权证明系伪造', occurredAt: '2025-03-01T02:00:00.000Z' });

/** 准入信用核查 through HTTP (issue 22, ADR 0019): checks before an applicant is an institution, and after. */
describe('credit checks of applicants (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: NOW });
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object) => t.http.post(path).set(t.auth(user)).send(body);
  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));

  it('checks an unknown applicant: a clean result, and the check on the record and in the office’s list', async () => {
    const res = await post('inspector-a1', '/credit/checks', applicant('organisation', CODE)).expect(201);
    expect(res.body).toMatchObject({
      stream: ORG,
      subjectKind: 'organisation',
      identifier: CODE,
      institutionId: null,
      checkedAt: NOW,
      level: 'A',
      adverse: [],
      redList: [],
    });
    const log = await t.store.readStream(ORG);
    expect(log.map((e) => e.type)).toEqual(['CreditSubjectRegistered', 'CreditChecked']);
    expect(log[1]!.data).toMatchObject({ checkId: res.body.checkId, purpose: 'institution-registration', checkedIn: 'county-a1' });
    expect(log[1]!.metadata.actor).toMatchObject({ id: 'inspector-a1' });

    const own = await get('inspector-a1', '/credit/checks').expect(200);
    expect(own.body.items).toEqual([expect.objectContaining({ checkId: res.body.checkId, creditCode: CODE, level: 'A' })]);
    expect((await get('leader-city-a', '/credit/checks').expect(200)).body.items).toHaveLength(1);
    expect((await get('inspector-b1', '/credit/checks').expect(200)).body.items).toEqual([]);
  });

  it('records false material on the applicant; the next check shows the adverse record and the level drops', async () => {
    const found = await post('inspector-a1', '/credit/subjects/false-material', falseMaterial('organisation', CODE)).expect(201);
    expect(found.body).toMatchObject({ stream: ORG, events: ['FalseMaterialFound', 'CreditInformationRecorded'] });
    const again = await post('inspector-a1', '/credit/checks', applicant('organisation', CODE)).expect(201);
    expect(again.body).toMatchObject({ level: 'B', adverseInWindow: 1 });
    expect(again.body.adverse).toEqual([
      expect.objectContaining({ infoClass: 'adverse', kind: 'false-material', occurredAt: '2025-03-01T02:00:00.000Z' }),
    ]);
    const recorded = (await t.store.readStream(ORG)).filter((e) => e.type === 'CreditChecked').map((e) => e.data);
    expect(recorded[1]).toMatchObject({ result: { level: 'B', adverseRecords: 1, redListed: false } });
  });

  it('joins the applicant’s records to the institution the directory later holds with that code', async () => {
    await post('admin', '/directory/units', {
      id: 'hosp-a1-new',
      name: '甲县新开诊所',
      kind: 'institution',
      parentId: 'county-a1',
      profile: {
        institutionType: 'primary_care',
        ownership: 'private',
        level: 'unrated',
        grade: 'none',
        creditCode: CODE,
        address: '甲县新街1号',
        legalRepresentative: '示范法人',
        contactPhone: '0571-88886666',
      },
    }).expect(201);
    const archive = await get('inspector-a1', '/credit/archives/hosp-a1-new').expect(200);
    expect(archive.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'false-material', infoClass: 'adverse' })]));
    expect(archive.body.level).toMatchObject({ level: 'B', adverseInWindow: 1 });
    const check = await post('inspector-a1', '/credit/checks', applicant('organisation', CODE, { purpose: 'institution-validation' }));
    expect(check.body).toMatchObject({ institutionId: 'hosp-a1-new', level: 'B' });
  });

  it('keeps a person’s ID number out of the log, the read models and every answer but the allowed roles’ audit view', async () => {
    const typed = ` ${ID.toLowerCase()} `; // as people type it: spaces, a lower-case x
    const checked = await post('inspector-a1', '/credit/checks', applicant('person', typed)).expect(201);
    expect(checked.body).toMatchObject({ subjectKind: 'person', identifier: '1101**********002X', level: 'A' });
    const stream: string = checked.body.stream;
    expect(stream).toMatch(/^creditSubject-person\.[0-9a-f]{32}$/);
    await post('inspector-a1', '/credit/subjects/false-material', falseMaterial('person', ID)).expect(201);
    const again = await post('inspector-a1', '/credit/checks', applicant('person', ID)).expect(201);
    expect(again.body).toMatchObject({ stream, level: 'B', adverse: [expect.objectContaining({ kind: 'false-material' })] });

    const raw = JSON.stringify(await t.store.readAll());
    for (const secret of [ID, ID.toLowerCase(), ID.slice(0, 17)]) expect(raw).not.toContain(secret);
    expect(raw).toContain('sm4cbc-hmacsm3:v1:'); // sealed, once, on the registration
    const tables = t.readModels.prepare('SELECT state FROM credit_subjects').all();
    expect(JSON.stringify([tables, t.readModels.prepare('SELECT * FROM credit_checks').all()])).not.toContain(ID.slice(0, 17));
    expect(JSON.stringify((await get('leader-prov', '/credit/checks').expect(200)).body)).not.toContain(ID.slice(0, 17));

    for (const user of ['hospital-a1-1', 'partner-discipline']) {
      expect((await post(user, '/credit/checks', applicant('person', ID))).status).toBe(403);
      expect((await get(user, `/audit/cases/${stream}/history`)).status).toBe(403);
    }
    expect((await get('inspector-b1', `/audit/cases/${stream}/history`)).status).toBe(403);
    const masked = await get('admin', `/audit/cases/${stream}/history`).expect(200);
    expect(masked.text).not.toContain(ID);
    expect(masked.text).toContain('1101**********002X');
    const full = await get('inspector-a1', `/audit/cases/${stream}/history?purpose=准入信用核查复核`).expect(200);
    expect(full.text).toContain(ID); // inspectors see identities (IDENTITY_DISPLAY), and the read is in the access log
    expect(full.text).toContain('核查信用');
    const access = await get('leader-prov', '/audit/access-log').expect(200);
    expect(JSON.stringify(access.body)).toContain(stream);
  });

  it('erases a person’s number by their key: the records stay, later checks still find them, the lookup key is kept', async () => {
    const stream = (await post('inspector-a1', '/credit/checks', applicant('person', ID)).expect(201)).body.stream as string;
    const subject = `creditPerson.${stream.slice(stream.indexOf('.') + 1)}`;
    const erase = (subjectId: string) => post('admin', `/admin/subjects/${subjectId}/erase`, { reason: '本人申请删除个人信息' });
    expect((await erase(subject)).status).toBe(200);
    const after = await post('inspector-a1', '/credit/checks', applicant('person', ID)).expect(201);
    expect(after.body).toMatchObject({ stream, level: 'B', adverse: [expect.objectContaining({ kind: 'false-material' })] });
    const history = await get('inspector-a1', `/audit/cases/${stream}/history?purpose=复核`).expect(200);
    expect(history.text).not.toContain(ID);
    expect(history.text).toContain('已删除');
    expect((await erase('lookup.credit-person')).body).toMatchObject({ code: 'PRIVACY.LOOKUP_KEY_PROTECTED' });
  });

  it('refuses bad input with a 400 naming the field, and other roles with a 403, writing nothing', async () => {
    const refused = async (user: string, path: string, body: object, status: number, field?: string) =>
      expectNothingWritten(t, async () => {
        const res = await post(user, path, body);
        expect(res.status).toBe(status);
        if (field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      });
    await refused('inspector-a1', '/credit/checks', applicant('organisation', '91330100799655058C'), 400, 'identifier');
    await refused('inspector-a1', '/credit/checks', applicant('person', '110105194912310021'), 400, 'identifier');
    await refused('inspector-a1', '/credit/checks', applicant('organisation', ID), 400, 'identifier');
    await refused('inspector-a1', '/credit/checks', applicant('person', CODE), 400, 'identifier');
    await refused('inspector-a1', '/credit/checks', applicant('organisation', CODE, { purpose: 'lottery' }), 400, 'purpose');
    await refused('inspector-a1', '/credit/checks', applicant('organisation', CODE, { applicationRef: '' }), 400, 'applicationRef');
    await refused('inspector-a1', '/credit/subjects/false-material', falseMaterial('person', '11010519491231002Y'), 400, 'identifier');
    await refused('leader-city-a', '/credit/checks', applicant('organisation', CODE), 403);
    await refused('admin', '/credit/subjects/false-material', falseMaterial('organisation', CODE), 403);
    const zh = await post('inspector-a1', '/credit/checks', applicant('organisation', '91330100799655058C'));
    expect(zh.body.message).toContain('统一社会信用代码');
  });

  it('narrows the offices’ list by kind, purpose, an organisation’s code and Beijing days; a bad filter is a 400 naming it', async () => {
    const listed = async (query: string) =>
      (await get('leader-city-a', `/credit/checks?pageSize=100&${query}`).expect(200)).body.items as {
        subjectKind: string;
        creditCode: string | null;
        purpose: string;
      }[];
    const all = await listed('');
    expect(all.length).toBeGreaterThan(4);
    const people = await listed('subjectKind=person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((r) => r.subjectKind === 'person' && r.creditCode === null)).toBe(true);
    const byCode = await listed(`creditCode=${CODE.toLowerCase()}`); // typed as people type it
    expect(byCode.length).toBe(all.filter((r) => r.creditCode === CODE).length);
    expect(await listed('purpose=institution-validation')).toEqual([expect.objectContaining({ creditCode: CODE })]);
    expect(await listed('from=2025-03-03&to=2025-03-03')).toHaveLength(all.length); // all checked at 09:00 on 3 March in Beijing
    expect(await listed('from=2025-03-04')).toEqual([]);
    for (const [query, field] of [
      ['creditCode=91330100799655058C', 'creditCode'],
      ['from=2025-13-01', 'from'],
      ['purpose=lottery', 'purpose'],
    ]) {
      const res = await get('leader-city-a', `/credit/checks?${query}`).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
  });
});
