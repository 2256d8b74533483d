import { CommandBus } from '@nestjs/cqrs';
import { DrawAnswer, DrawCommitted, drawInputOf, drawInspections, drawnVisitId, RandomDrawRequest } from '@bihuan/credit';
import { DEMO_USERS } from '@bihuan/demo';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const inspectorB1 = DEMO_USERS.find((u) => u.id === 'inspector-b1')!;

/** 双随机: credit-weighted, conflict-free, reproducible from the committed seed and inputs (the reveal: draw-reveal.e2e.spec.ts). */
describe('random inspection draws (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    // hosp-a1-1 earns 12 points this cycle (level C); the others stay A.
    for (const behaviour of ['red-envelopes', 'kickbacks']) {
      await t.http
        .post('/credit/archives/hosp-a1-1/points')
        .set(t.auth('inspector-a1'))
        .send({ behaviour, occurredAt: '2025-03-01T00:00:00.000Z' })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  const draw = (user: string, body: object) =>
    t.http
      .post('/draws')
      .set(t.auth(user))
      .send({ plannedDate: '2025-04-15', inspectorsPerVisit: 1, ...body });

  it('records the inputs, draws from the committed seed, and auditors can re-run it to the same result', async () => {
    const res = await draw('inspector-city-a', { jurisdiction: 'city-a', count: 2 }).expect(201);
    const made = res.body as DrawAnswer;
    expect(made.inputs.institutions).toEqual([
      { id: 'hosp-a1-1', creditLevel: 'C' },
      { id: 'hosp-a1-2', creditLevel: 'A' },
      { id: 'hosp-a2-1', creditLevel: 'A' },
    ]);
    expect(made.inputs.inspectors.map((i) => i.id).sort()).toEqual(['inspector-a1', 'inspector-city-a']);
    expect(made).toMatchObject({ status: 'drawn', seed: null, algorithm: 'cyrb128-sfc32/institutions-then-inspectors@2' });
    expect(made.visits).toHaveLength(2);
    // The whole draw (inspectors included) re-runs from the committed record: what an auditor checks after the reveal.
    const [committed] = await t.store.readStream(`randomDraw-${made.drawId}`);
    const record = (committed as unknown as DrawCommitted).data;
    expect(drawInspections(drawInputOf(record), record.algorithm).visits).toEqual(made.visits);
    expect(await t.http.get(`/draws/${made.drawId}`).set(t.auth('leader-city-a')).expect(200)).toMatchObject({
      body: { drawId: made.drawId, visits: made.visits, seed: null },
    });
    // Each drawn pair becomes a planned random visit (randomDrawVisits → PlanVisit), naming the draw.
    await t.settle();
    for (const v of made.visits!) {
      const [planned] = await t.store.readStream(`visit-${drawnVisitId(made.drawId, v.institutionId)}`);
      expect(planned).toMatchObject({
        type: 'VisitPlanned',
        data: { kind: 'random', institutionId: v.institutionId, inspectorIds: v.inspectorIds, campaignId: made.drawId },
      });
    }
    // Recorded in order: the commitment, then the result (DrawMade, caused by it through the saga).
    const events = await t.store.readStream(`randomDraw-${made.drawId}`);
    expect(events.map((e) => e.type)).toEqual(['DrawCommitted', 'DrawMade']);
    const saga = await t.store.readStream(`randomDrawVisits-${made.drawId}`);
    expect(JSON.stringify(saga)).toContain(events[1]!.metadata.eventId);
  });

  it('shows an inspector only their own declared conflicts; leaders see every inspector’s', async () => {
    await t.http
      .put('/directory/users/inspector-city-a/conflicts')
      .set(t.auth('admin'))
      .send({ conflicts: [{ institutionId: 'hosp-a1-2', reason: 'relative' }] }) // inspector-a1 covers it: every draw can be staffed
      .expect(200);
    const made = (await draw('inspector-a1', { jurisdiction: 'county-a1', count: 1 }).expect(201)).body as DrawAnswer;
    expect(made.inputs.inspectors.map((i) => i.id)).toEqual(['inspector-a1']);
    const overCity = (await draw('leader-city-a', { jurisdiction: 'city-a', count: 1 }).expect(201)).body as DrawAnswer;
    const conflictsAs = async (user: string) =>
      Object.fromEntries(
        ((await t.http.get(`/draws/${overCity.drawId}`).set(t.auth(user)).expect(200)).body as DrawAnswer).inputs.inspectors.map((i) => [
          i.id,
          i.conflicts,
        ]),
      );
    const all = { 'inspector-city-a': ['hosp-a1-2'], 'inspector-a1': [] };
    expect(await conflictsAs('leader-city-a')).toEqual(all);
    expect(await conflictsAs('admin')).toEqual(all);
    // null: withheld, as the directory withholds another inspector's conflicts (not "none").
    expect(await conflictsAs('inspector-city-a')).toEqual({ 'inspector-city-a': ['hosp-a1-2'], 'inspector-a1': null });
    // inspector-a1 cannot read a city draw at all; a county draw names only county inspectors.
    expect((await t.http.get(`/draws/${overCity.drawId}`).set(t.auth('inspector-a1'))).status).toBe(403);
    await t.http.put('/directory/users/inspector-city-a/conflicts').set(t.auth('admin')).send({ conflicts: [] }).expect(200);
  });

  it('excludes declared conflicts of interest, and refuses a draw that cannot be staffed (nothing written)', async () => {
    // Recorded in the directory, their one home (issue 16): here by the inspector themself.
    await t.http
      .put('/directory/users/inspector-a1/conflicts')
      .set(t.auth('inspector-a1'))
      .send({ conflicts: [{ institutionId: 'hosp-a1-1', reason: 'relative' }] })
      .expect(200);
    await expectNothingWritten(t, async () => {
      const refused = await draw('inspector-a1', { jurisdiction: 'county-a1', count: 2 });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'CREDIT.DRAW_NOT_ENOUGH_INSPECTORS', details: { institutionId: 'hosp-a1-1' } });
    });
    for (let i = 0; i < 5; i += 1) {
      const made = (await draw('leader-city-a', { jurisdiction: 'city-a', count: 3 }).expect(201)).body as DrawAnswer;
      expect(made.inputs.inspectors.find((x) => x.id === 'inspector-a1')!.conflicts).toEqual(['hosp-a1-1']);
      expect(made.visits!.find((v) => v.institutionId === 'hosp-a1-1')!.inspectorIds).toEqual(['inspector-city-a']);
    }
    // A draw a leader committed is made and plans its visits too (as the system actor of the saga).
    const byLeader = (await draw('leader-city-a', { jurisdiction: 'city-a', count: 1 }).expect(201)).body as DrawAnswer;
    await t.settle();
    const visit = byLeader.visits![0]!;
    const [planned] = await t.store.readStream(`visit-${drawnVisitId(byLeader.drawId, visit.institutionId)}`);
    expect(planned).toMatchObject({
      type: 'VisitPlanned',
      data: { kind: 'random', institutionId: visit.institutionId },
      metadata: { actor: { role: 'system' } },
    });
  });

  it('refuses bad input and out-of-scope draws, writing nothing', async () => {
    await expectNothingWritten(t, async () => {
      const count = await draw('inspector-a1', { jurisdiction: 'county-a1', count: 0 });
      expect(count.status).toBe(400);
      expect(count.body.fields[0].field).toBe('count');
      const tooMany = await draw('inspector-a1', { jurisdiction: 'county-a1', count: 5 });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.code).toBe('CREDIT.DRAW_NOT_ENOUGH_INSTITUTIONS');
      const unit = await draw('inspector-a1', { jurisdiction: 'nowhere', count: 1 });
      expect(unit.status).toBe(400);
      expect(unit.body.fields[0].field).toBe('jurisdiction');
      const seedless = await draw('inspector-a1', { jurisdiction: 'county-a1', count: 1, seed: '0'.repeat(64) });
      expect(seedless.status).toBe(400);
      expect(seedless.body.fields[0].field).toBe('seed');
      // A district inspector cannot draw for another district; hospitals and the public are refused on staff routes.
      expect((await draw('inspector-b1', { jurisdiction: 'city-a', count: 1 })).status).toBe(403);
      expect((await draw('inspector-b1', { jurisdiction: 'county-a1', count: 1 })).status).toBe(403);
      expect((await draw('hospital-a1-1', { jurisdiction: 'county-a1', count: 1 })).status).toBe(403);
      expect(
        (await t.http.post('/draws').send({ jurisdiction: 'county-a1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-04-15' }))
          .status,
      ).toBe(401);
      for (const user of ['hospital-a1-1', 'partner-discipline']) expect((await t.http.get('/draws').set(t.auth(user))).status).toBe(403);
    });
    expect((await t.http.get('/public/draws/no-such-draw')).status).toBe(404);
  });

  it('draws a D institution far more often than an A one (weights 8 : 1, over many draws)', async () => {
    // hosp-b1-1 is black-listed (level D); hosp-b1-2 has no archive (level A).
    await t.http.post('/credit/archives').set(t.auth('inspector-b1')).send({ institutionId: 'hosp-b1-1' }).expect(201);
    await t.http
      .post('/credit/archives/hosp-b1-1/lists')
      .set(t.auth('inspector-b1'))
      .send({ list: 'black', reason: '欺诈骗保', expiresAt: '2027-01-01T00:00:00.000Z' })
      .expect(201);
    const bus = t.app.get(CommandBus);
    const actor = { id: inspectorB1.id, role: inspectorB1.role, unit: inspectorB1.unit };
    const counts: Record<string, number> = { 'hosp-b1-1': 0, 'hosp-b1-2': 0 };
    for (let i = 0; i < 90; i += 1) {
      const made: DrawAnswer = await bus.execute(
        new RandomDrawRequest(actor, {
          kind: 'CommitRandomDraw',
          data: { jurisdiction: 'county-b1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-05-01' },
        }),
      );
      expect(made.inputs.institutions).toEqual([
        { id: 'hosp-b1-1', creditLevel: 'D' },
        { id: 'hosp-b1-2', creditLevel: 'A' },
      ]);
      counts[made.visits![0]!.institutionId]! += 1;
    }
    // Expected 80 : 10; D at least three times as often as A is a generous margin.
    expect(counts['hosp-b1-1']!).toBeGreaterThan(3 * counts['hosp-b1-2']!);
    expect(counts['hosp-b1-2']!).toBeGreaterThan(0);
  });
});
