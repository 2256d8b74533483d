import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const H = 'hosp-a1-1';
const path = `/credit/archives/${H}/commendations`;

/** 表彰 (issue 22): a commission commends an institution or a department; public basic credit information. */
describe('commendations on the credit archive (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-09-01T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const commend = (user: string, body: object) =>
    t.http
      .post(path)
      .set(t.auth(user))
      .send({ title: '优质服务示范单位', reason: '专项行动总结通报表扬', commendedAt: '2025-08-31T02:00:00.000Z', ...body });

  it('records the commendations of a department and of the institution, by an inspector and a leader', async () => {
    await commend('inspector-a1', { recordId: 'CM-dept', departmentId: 'cardiology', title: '心血管内科：优质服务示范科室' }).expect(201);
    await commend('leader-city-a', { recordId: 'CM-unit' }).expect(201);
    const own = await t.http.get(`/credit/archives/${H}`).set(t.auth('hospital-a1-1')).expect(200);
    const kinds = (own.body.items as { id: string; kind: string; infoClass: string }[]).filter((i) => i.kind === 'commendation');
    expect(kinds.map((i) => [i.id, i.infoClass])).toEqual([
      ['CM-dept', 'basic'],
      ['CM-unit', 'basic'],
    ]);
  });

  it('shows them on the institution’s public credit page, to anyone', async () => {
    const page = await t.http.get(`/public/institutions/${H}/credit`).expect(200);
    expect(page.body.basic).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'CM-dept', kind: 'commendation', title: '心血管内科：优质服务示范科室' }),
        expect.objectContaining({ id: 'CM-unit', kind: 'commendation', title: '优质服务示范单位' }),
      ]),
    );
    const other = await t.http.get('/public/institutions/hosp-a1-2/credit').expect(200);
    expect(JSON.stringify(other.body)).not.toContain('优质服务示范');
  });

  it('refuses the hospital itself, another jurisdiction, an unknown institution and bad input — writing nothing', async () => {
    await expectNothingWritten(t, async () => {
      expect((await commend('hospital-a1-1', {})).body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      expect((await commend('inspector-b1', {})).body.code).toBe('AUTH.OUT_OF_SCOPE');
      expect(
        (
          await t.http
            .post('/credit/archives/hosp-nowhere/commendations')
            .set(t.auth('inspector-a1'))
            .send({ title: 'x', reason: 'x', commendedAt: '2025-08-31' })
        ).status,
      ).toBe(400);
      const bad = await commend('inspector-a1', { title: '', commendedAt: '2025-W10' });
      expect(bad.status).toBe(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['commendedAt', 'title']);
      expect((await commend('inspector-a1', { infoClass: 'adverse' })).status).toBe(400);
    });
  });
});
