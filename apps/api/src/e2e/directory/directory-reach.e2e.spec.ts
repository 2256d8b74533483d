import { TokenService } from '@bihuan/auth';
import { DrawAnswer } from '@bihuan/credit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';

/** Issue 16: everything reads the directory — scope checks after a move, and the random draw. */
describe('the directory as every reader sees it (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  const tokenOf = (sub: string, role: 'inspector' | 'leader', unit: string) => ({
    Authorization: `Bearer ${t.app.get(TokenService).mint({ sub, role, unit })}`,
  });
  const newInspector = (id: string, unitId: string) =>
    t.http
      .post('/directory/users')
      .set(t.auth('admin'))
      .send({ id, name: '新监督员', phone: '13900000009', role: 'inspector', unitId })
      .expect(201);

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
  });
  afterAll(() => t.close());

  it("a unit moved to another county changes at once who may see its findings: the old county's inspector loses them, the new one's gains them", async () => {
    await newInspector('inspector-a2', 'county-a2');
    const inspectorA2 = tokenOf('inspector-a2', 'inspector', 'county-a2');
    const visitId = await s.visit({ institutionId: 'hosp-a1-2' });
    const findingId = await s.finding(visitId);
    await t.http.get(`/findings/${findingId}`).set(t.auth('inspector-a1')).expect(200);
    const before = await t.http.get(`/findings/${findingId}`).set(inspectorA2);
    expect([403, 404]).toContain(before.status);

    await t.http.post('/directory/units/hosp-a1-2/move').set(t.auth('admin')).send({ parentId: 'county-a2' }).expect(200);

    const lost = await t.http.get(`/findings/${findingId}`).set(t.auth('inspector-a1'));
    expect([403, 404]).toContain(lost.status);
    await t.http.get(`/findings/${findingId}`).set(inspectorA2).expect(200);
    // The institution's own users keep their institution; the city above both still sees it.
    await t.http.get(`/findings/${findingId}`).set(t.auth('hospital-a1-2')).expect(200);
    await t.http.get(`/findings/${findingId}`).set(t.auth('inspector-city-a')).expect(200);
    const unit = await t.http.get('/directory/units/hosp-a1-2').set(t.auth('admin')).expect(200);
    expect(unit.body.parentId).toBe('county-a2');
  });

  it('a draw takes only active directory inspectors whose unit covers the institution and who have no conflict with it, among institutions of the attributes asked', async () => {
    await newInspector('inspector-b1b', 'county-b1');
    await newInspector('inspector-b1c', 'county-b1');
    await t.http
      .put('/directory/users/inspector-b1/conflicts')
      .set(t.auth('admin'))
      .send({ conflicts: [{ institutionId: 'hosp-b1-1', reason: 'former_employer' }] })
      .expect(200);
    await t.http.post('/directory/users/inspector-b1c/disable').set(t.auth('admin')).expect(200);

    const res = await t.http
      .post('/draws')
      .set(t.auth('inspector-b1'))
      .send({
        jurisdiction: 'county-b1',
        count: 1,
        inspectorsPerVisit: 1,
        plannedDate: '2025-04-15',
        institutionTypes: ['general_hospital'],
      })
      .expect(201);
    const draw = res.body as DrawAnswer;
    expect(draw.inputs.institutions.map((i) => i.id)).toEqual(['hosp-b1-1']);
    expect(draw.inputs.inspectors.map((i) => i.id).sort()).toEqual(['inspector-b1', 'inspector-b1b']);
    expect(draw.inputs.inspectors.find((i) => i.id === 'inspector-b1')!.conflicts).toEqual(['hosp-b1-1']);
    expect(draw.visits).toEqual([expect.objectContaining({ institutionId: 'hosp-b1-1', inspectorIds: ['inspector-b1b'] })]);

    const primary = await t.http
      .post('/draws')
      .set(t.auth('inspector-b1'))
      .send({
        jurisdiction: 'county-b1',
        count: 1,
        inspectorsPerVisit: 1,
        plannedDate: '2025-04-15',
        institutionTypes: ['primary_care'],
        levels: ['level1'],
      })
      .expect(201);
    expect((primary.body as DrawAnswer).inputs.institutions.map((i) => i.id)).toEqual(['hosp-b1-2']);
  });
});
