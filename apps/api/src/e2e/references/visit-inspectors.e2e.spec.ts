import { Jurisdiction } from '@bihuan/auth';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { DrawAnswer } from '@bihuan/credit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';

/** Issue 11, part 3: every inspector a visit names is a known, active inspector whose unit covers the institution. */
describe('inspectors named by visits and draws (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const plan = (inspectorIds: string[]) =>
    t.http
      .post('/visits')
      .set(t.auth('inspector-a1'))
      .send({ kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2025-03-10', inspectorIds });

  it('refuses unknown ids (400) and users who are no inspector covering the institution (422), naming inspectorIds[i]', async () => {
    await expectNothingWritten(t, async () => {
      const unknown = await plan(['inspector-a1', 'nobody']);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'AUTH.UNKNOWN_USER', fields: [{ field: 'inspectorIds[1]' }] });
      const otherCity = await plan(['inspector-b1']);
      expect(otherCity.status).toBe(422);
      expect(otherCity.body).toMatchObject({ code: 'AUTH.INSPECTOR_NOT_COVERING', fields: [{ field: 'inspectorIds[0]' }] });
      const notInspector = await plan(['hospital-a1-1']);
      expect(notInspector.status).toBe(422);
      expect(notInspector.body.fields).toEqual([expect.objectContaining({ field: 'inspectorIds[0]' })]);
    });
  });

  it('accepts inspectors whose unit covers the institution, and checks them again when the visit is recorded', async () => {
    const planned = await plan(['inspector-a1', 'inspector-city-a']).expect(201);
    await expectNothingWritten(t, async () => {
      const res = await t.http
        .post(`/visits/${planned.body.id}/record`)
        .set(t.auth('inspector-a1'))
        .send({ conductedOn: '2025-03-03', inspectorIds: ['inspector-b1'] });
      expect(res.status).toBe(422);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'inspectorIds[0]' })]);
    });
  });

  it('draws only inspectors whose unit covers each drawn institution', async () => {
    const jurisdiction = new Jurisdiction(DEMO_UNITS);
    const res = await t.http
      .post('/draws')
      .set(t.auth('leader-city-a'))
      .send({ jurisdiction: 'city-a', count: 3, inspectorsPerVisit: 1, plannedDate: '2025-04-15' })
      .expect(201);
    const draw = res.body as DrawAnswer;
    expect(draw.visits).toHaveLength(3);
    for (const v of draw.visits!) {
      for (const id of v.inspectorIds) expect(jurisdiction.contains(DEMO_USERS.find((u) => u.id === id)!.unit, v.institutionId)).toBe(true);
    }
    expect(draw.visits!.find((v) => v.institutionId === 'hosp-a2-1')!.inspectorIds).toEqual(['inspector-city-a']);
  });

  it('records conflicts of interest in the directory: admins and leaders over the inspector, or the inspector themself', async () => {
    const set = (by: string, userId: string, institutionIds: string[] = ['hosp-a1-1']) =>
      t.http
        .put(`/directory/users/${userId}/conflicts`)
        .set(t.auth(by))
        .send({ conflicts: institutionIds.map((institutionId) => ({ institutionId, reason: 'relative' })) });
    await expectNothingWritten(t, async () => {
      const unknown = await set('leader-city-a', 'nobody');
      expect(unknown.status).toBe(404);
      expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'userId' })]);
      expect(await set('leader-city-a', 'inspector-b1')).toMatchObject({ status: 403, body: { code: 'AUTH.OUT_OF_SCOPE' } });
      const notInspector = await set('leader-city-a', 'hospital-a1-1');
      expect(notInspector.status).toBe(422);
      expect(notInspector.body.fields).toEqual([expect.objectContaining({ field: 'userId' })]);
      // An inspector records only their own, even for a colleague within their reach.
      expect(await set('inspector-city-a', 'inspector-a1')).toMatchObject({ status: 403, body: { code: 'AUTH.OUT_OF_SCOPE' } });
      expect((await set('hospital-a1-1', 'inspector-a1')).status).toBe(403);
    });
    await set('leader-city-a', 'inspector-a1').expect(200);
    const person = await t.http.get('/directory/users/inspector-a1').set(t.auth('leader-city-a')).expect(200);
    expect(person.body.conflicts).toEqual([{ institutionId: 'hosp-a1-1', reason: 'relative' }]);
    await set('inspector-a1', 'inspector-a1', []).expect(200);
    expect((await t.http.get('/directory/users/inspector-a1').set(t.auth('leader-city-a')).expect(200)).body.conflicts).toEqual([]);
  });
});
