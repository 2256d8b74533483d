import { createTestApp, TestApp } from '../../testing/test-app';
import { AnswerChecks } from './answer-checks';

const H = 'hosp-a1-1';
const Y = 2025;
const HOSPITAL = 'hospital-a1-1';
const INSPECTOR = 'inspector-a1';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const csv = (text: string): Buffer => Buffer.from(`\uFEFF${text}`, 'utf8');

/**
 * The directory, ethics and credit routes' real answers (and the public credit page) match the
 * OpenAPI document the console's client is generated from, down to every field. Draws: their own spec.
 */
describe('OpenAPI answers: directory, ethics and credit', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  it('describes the directory: units, departments, users, staff and their writes', async () => {
    await checks.send(
      'POST',
      '/directory/units',
      'admin',
      { id: 'county-oa', name: '新区卫生健康局', kind: 'county', parentId: 'city-a' },
      201,
    );
    await checks.send('PUT', '/directory/units/county-oa', 'admin', { name: '新区卫健局' });
    await checks.send('POST', '/directory/units/county-oa/move', 'admin', { parentId: 'city-b' }, 200);
    await checks.send('POST', `/directory/units/${H}/departments`, 'admin', { id: 'dept-oa', name: '口腔科' }, 201);
    await checks.send('PUT', '/directory/departments/dept-oa', 'admin', { name: '口腔医学科' });
    const units = await checks.send<{ units: { profile?: unknown }[] }>('GET', '/directory/units', 'leader-city-a');
    expect(units.units.some((u) => u.profile)).toBe(true);
    const unit = await checks.send<{ departments: unknown[] }>('GET', `/directory/units/${H}`, HOSPITAL);
    expect(unit.departments.length).toBeGreaterThan(0);

    const user = { name: '新区监督员', phone: '13900000002', role: 'inspector', unitId: 'city-a' };
    await checks.send('POST', '/directory/users', 'admin', { id: 'oa.inspector', ...user }, 201);
    await checks.send('PUT', '/directory/users/oa.inspector', 'admin', { ...user, email: 'oa@example.gov.cn' });
    await checks.send('POST', '/directory/users/oa.inspector/disable', 'admin', undefined, 200);
    await checks.send('POST', '/directory/users/oa.inspector/enable', 'admin', undefined, 200);
    await checks.send('PUT', '/directory/users/inspector-b1/conflicts', 'admin', {
      conflicts: [{ institutionId: 'hosp-b1-1', reason: 'relative' }],
    });
    const users = await checks.send<{ users: unknown[] }>('GET', '/directory/users?unitId=city-a', 'admin');
    expect(users.users.length).toBeGreaterThan(0);
    expect(await checks.send('GET', '/directory/users/inspector-b1', 'admin')).toMatchObject({
      conflicts: [{ institutionId: 'hosp-b1-1' }],
    });

    await checks.send(
      'POST',
      '/directory/staff',
      'admin',
      { id: 'staff-oa', name: '王医生', institutionId: H, departmentId: 'dept-oa' },
      201,
    );
    const staff = await checks.send<{ staff: unknown[] }>('GET', `/directory/staff?institutionId=${H}`, HOSPITAL);
    expect(staff.staff).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'staff-oa' })]));
  });

  it('describes an import applied whole and its 422 row report', async () => {
    const departments = (rows: string[]) => csv(['科室编码,所属机构编码,科室名称', ...rows].join('\r\n'));
    const upload = (file: Buffer) =>
      t.http.post('/directory/import').set(t.auth('admin')).field('sheet', 'departments').attach('file', file, 'd.csv');
    checks.hold('POST', '/directory/import', await upload(departments(['dept-oa-2,hosp-a1-1,内科'])), 200);
    const rejected = checks.hold<{ details: { rejections: unknown[] } }>(
      'POST',
      '/directory/import',
      await upload(departments(['dept-oa-3,no-such-hospital,外科'])),
      422,
    );
    expect(rejected.details.rejections).toHaveLength(1);
  });

  it('describes ethics archives, records, evidence and retraction', async () => {
    await checks.send(
      'POST',
      '/ethics/archives',
      HOSPITAL,
      { staffId: 'OA1', institutionId: H, departmentId: 'dept-oa', name: '医生甲' },
      201,
    );
    const attached = await t.http
      .post('/ethics/archives/OA1/evidence')
      .set(t.auth(HOSPITAL))
      .field('institutionId', H)
      .field('note', '表扬信')
      .attach('file', pdf('letter'), { filename: '表扬信.pdf' });
    checks.hold('POST', '/ethics/archives/OA1/evidence', attached, 200);
    const archiveFiles = await checks.send<{ files: { digest: string }[] }>('GET', '/ethics/archives/OA1', HOSPITAL);
    const record = { institutionId: H, source: { kind: 'commendation' }, summary: '患者表扬', occurredAt: '2025-04-01T02:00:00.000Z' };
    await checks.send('POST', '/ethics/archives/OA1/records', HOSPITAL, { ...record, evidence: [archiveFiles.files[0]!.digest] }, 201);
    await checks.send(
      'POST',
      '/ethics/archives/OA1/records',
      INSPECTOR,
      { ...record, source: { kind: 'inspection' }, summary: '态度生硬' },
      201,
    );
    const archive = await checks.send<{ records: { recordId: string }[] }>('GET', '/ethics/archives/OA1', 'leader-city-a');
    await checks.send('POST', `/ethics/archives/OA1/records/${archive.records[1]!.recordId}/retract`, INSPECTOR, { reason: '误记' }, 200);
    const list = await checks.send<{ archives: unknown[] }>('GET', `/ethics/archives?institutionId=${H}`, INSPECTOR);
    expect(list.archives).toHaveLength(1);
  });

  it('describes a staff member’s 红黑榜: entries on both lists, an early removal, and how readers see them', async () => {
    const entry = { institutionId: H, reason: '诚信医护人员', expiresAt: '2026-06-30T16:00:00.000Z' };
    await checks.send('POST', '/ethics/archives/OA1/lists', HOSPITAL, { ...entry, entryId: 'OA-red', list: 'red' }, 201);
    await checks.send(
      'POST',
      '/ethics/archives/OA1/lists',
      INSPECTOR,
      { ...entry, entryId: 'OA-black', list: 'black', reason: '联合惩戒' },
      201,
    );
    await checks.send('POST', '/ethics/archives/OA1/lists/OA-black/remove', 'leader-city-a', { reason: '复核撤销' }, 200);
    const forCommission = await checks.send<{ listEntries: unknown[]; lists: string[] }>('GET', '/ethics/archives/OA1', INSPECTOR);
    expect(forCommission).toMatchObject({
      lists: ['red'],
      listEntries: [{ entryId: 'OA-black', status: 'removed' }, { entryId: 'OA-red' }],
    });
    const forHospital = await checks.send<{ listEntries: unknown[] }>('GET', '/ethics/archives/OA1', HOSPITAL);
    expect(forHospital.listEntries).toHaveLength(1);
    expect(await checks.send('GET', `/ethics/archives?institutionId=${H}`, HOSPITAL)).toMatchObject({ archives: [{ lists: ['red'] }] });
    expect(await checks.send('GET', `/public/institutions/${H}/honour-roll`, null)).toMatchObject({
      entries: [{ entryId: 'OA-red', name: '医生甲', reason: '诚信医护人员' }],
    });
  });

  it('describes an evaluation step by step, the finalised year, its results and export', async () => {
    const path = `/ethics/evaluations/${H}/${Y}/OA1`;
    await checks.send('POST', '/ethics/evaluations', HOSPITAL, { institutionId: H, year: Y, staffId: 'OA1' }, 201);
    await checks.send('POST', `${path}/self`, HOSPITAL, { summary: '遵守医德规范', selfScore: 90 }, 200);
    await checks.send('POST', `${path}/department`, HOSPITAL, { score: 95 }, 200);
    await checks.send('POST', `${path}/institution`, HOSPITAL, {}, 200);
    await checks.send('POST', `${path}/posting`, HOSPITAL, { from: '2025-11-03T01:00:00.000Z', until: '2025-11-10T01:00:00.000Z' }, 200);
    expect(await checks.send('GET', path, HOSPITAL)).toMatchObject({ status: 'posted' });
    const finalised = await checks.send<{ results: unknown[] }>('POST', `/ethics/results/${H}/${Y}/finalise`, HOSPITAL, undefined, 200);
    expect(finalised.results).toHaveLength(1);
    await t.settle();
    const results = await checks.send<{ evaluations: { grade: string | null }[] }>('GET', `/ethics/results/${H}/${Y}`, INSPECTOR);
    expect(results.evaluations[0]!.grade).not.toBeNull();
    const xlsx = await t.download(`/ethics/results/${H}/${Y}/export.xlsx`, INSPECTOR).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('describes credit archives, their writes, levels and the views of each role', async () => {
    const archive = `/credit/archives/${H}`;
    await checks.send(
      'POST',
      '/credit/archives',
      INSPECTOR,
      { institutionId: H, name: '甲市第一人民医院', responsiblePerson: '院长甲' },
      201,
    );
    const points = await checks.send<{ stream: string }>(
      'POST',
      `${archive}/points`,
      INSPECTOR,
      { behaviour: 'red-envelopes', occurredAt: '2025-10-01T02:00:00.000Z' },
      201,
    );
    const pointsId = points.stream.slice(points.stream.indexOf('.') + 1);
    await checks.send('POST', `${archive}/points/${pointsId}/revoke`, INSPECTOR, { reason: '复核撤销' }, 200);
    await checks.send(
      'POST',
      `${archive}/commitments`,
      HOSPITAL,
      { commitmentId: 'C-OA', kind: 'institution', text: '依法执业', pledgedAt: '2025-01-05T00:00:00.000Z' },
      201,
    );
    const signed = await t.http
      .post(`${archive}/evidence`)
      .set(t.auth(HOSPITAL))
      .field('note', '双方签字盖章')
      .attach('file', pdf('agreement'), { filename: '廉洁诚信协议.pdf' });
    checks.hold('POST', `${archive}/evidence`, signed, 200);
    const { files } = await checks.send<{ files: { digest: string; name: string }[] }>('GET', archive, HOSPITAL);
    expect(files).toEqual([expect.objectContaining({ name: '廉洁诚信协议.pdf' })]);
    await checks.send(
      'POST',
      `${archive}/commitments`,
      HOSPITAL,
      {
        commitmentId: 'SA-OA',
        kind: 'supplier-integrity',
        text: '不给予、不收受回扣',
        pledgedAt: '2025-01-05T00:00:00.000Z',
        supplier: { name: '某某医药有限公司', creditCode: '91330100799655058B' },
        validUntil: '2027-01-04T16:00:00.000Z',
        evidence: [files[0]!.digest],
      },
      201,
    );
    await checks.send(
      'POST',
      `${archive}/commitments/C-OA/breaches`,
      INSPECTOR,
      { description: '违规收费', occurredAt: '2025-10-02T02:00:00.000Z' },
      201,
    );
    await checks.send(
      'POST',
      `${archive}/commendations`,
      'leader-city-a',
      { departmentId: 'dept-oa', title: '口腔医学科：优质服务示范科室', reason: '通报表扬', commendedAt: '2025-10-15T02:00:00.000Z' },
      201,
    );
    await checks.send(
      'POST',
      `${archive}/information`,
      INSPECTOR,
      { infoClass: 'adverse', kind: 'penalty', title: '行政处罚', occurredAt: '2025-09-01T00:00:00.000Z' },
      201,
    );
    await checks.send(
      'POST',
      `${archive}/lists`,
      INSPECTOR,
      { entryId: 'red-oa', list: 'red', reason: '诚信示范', expiresAt: '2026-06-01T00:00:00.000Z' },
      201,
    );
    await checks.send(
      'POST',
      `${archive}/lists`,
      INSPECTOR,
      { entryId: 'black-oa', list: 'black', reason: '联合惩戒', expiresAt: '2026-06-01T00:00:00.000Z' },
      201,
    );
    await t.settle();

    const institutions = await checks.send<{ items: { id: string }[] }>('GET', '/public/institutions', null);
    expect(institutions.items.map((i) => i.id)).toContain(H);
    const page = await checks.send<{ redList: unknown[]; adverse: unknown[] }>('GET', `/public/institutions/${H}/credit`, null);
    expect(page.redList).toHaveLength(1);
    expect(JSON.stringify(page)).toContain('优质服务示范科室');
    expect(JSON.stringify(page)).not.toContain('联合惩戒');
    const partner = await checks.send<{ audience: string; level: { level: string } }>('GET', archive, 'partner-discipline');
    expect(partner).toMatchObject({ audience: 'partner', level: { level: 'D' } });
    await checks.send('GET', archive, HOSPITAL);
    await checks.send('GET', `${archive}/level`, HOSPITAL);
    const levels = await checks.send<{ levels: unknown[] }>('GET', '/credit/archives?jurisdiction=city-a', 'leader-city-a');
    expect(levels.levels.length).toBeGreaterThan(0);

    await checks.send('POST', `${archive}/lists/red-oa/remove`, 'leader-city-a', { reason: '提前移出' }, 200);
    await checks.send('POST', `${archive}/cycles/close`, 'admin', { reason: '校验期提前结束' }, 200);
  });

  it('describes 准入信用核查: a check of an unknown applicant, false material, a check of a person, the offices’ list', async () => {
    const org = {
      subjectKind: 'organisation',
      identifier: '91330100799655058B',
      purpose: 'institution-registration',
      applicationRef: '受理-1',
    };
    const first = await checks.send<{ level: string; adverse: unknown[] }>('POST', '/credit/checks', INSPECTOR, org, 201);
    expect(first).toMatchObject({ level: 'A', adverse: [] });
    const found = { ...org, description: '材料系伪造', occurredAt: '2025-10-01T02:00:00.000Z' };
    await checks.send('POST', '/credit/subjects/false-material', INSPECTOR, found, 201);
    const again = await checks.send<{ adverse: unknown[] }>('POST', '/credit/checks', INSPECTOR, org, 201);
    expect(again.adverse).toHaveLength(1);
    const person = { subjectKind: 'person', identifier: '440304198511205615', purpose: 'physician-registration', applicationRef: '受理-2' };
    expect(await checks.send('POST', '/credit/checks', INSPECTOR, person, 201)).toMatchObject({ identifier: '4403**********5615' });
    const list = await checks.send<{ items: { subjectKind: string; creditCode: string | null }[] }>(
      'GET',
      '/credit/checks?pageSize=2',
      INSPECTOR,
    );
    expect(list.items).toEqual([
      expect.objectContaining({ subjectKind: 'person', creditCode: null }),
      expect.objectContaining({ subjectKind: 'organisation' }),
    ]);
  });

  it('has checked a JSON answer of every directory, ethics and credit route', () => {
    expect(checks.unchecked(['/directory', '/ethics', '/credit', '/public/institutions'])).toEqual([]);
  });
});
