import { CommandBus } from '@nestjs/cqrs';
import { drawInspections, drawnVisitId, DrawDocument, PublishedDraw, RandomDrawRequest } from '@bihuan/credit';
import { DEMO_USERS } from '@bihuan/demo';
import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const inspectorB1 = DEMO_USERS.find((u) => u.id === 'inspector-b1')!;

/** 双随机、一公开: credit-weighted, conflict-free, reproducible from the published seed and inputs. */
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

  it('records seed and inputs, publishes the result, and anyone can re-run it to the same result', async () => {
    const res = await draw('inspector-city-a', { jurisdiction: 'city-a', count: 2 }).expect(201);
    const made = res.body as PublishedDraw;
    expect(made.inputs.institutions).toEqual([
      { id: 'hosp-a1-1', creditLevel: 'C' },
      { id: 'hosp-a1-2', creditLevel: 'A' },
      { id: 'hosp-a2-1', creditLevel: 'A' },
    ]);
    expect(made.inputs.inspectors.map((i) => i.id).sort()).toEqual(['inspector-a1', 'inspector-city-a']);
    const published = await t.http.get(`/public/draws/${made.drawId}`).expect(200);
    const doc = published.body as DrawDocument;
    expect(doc).toMatchObject({ status: 'published', seed: made.seed, algorithm: 'cyrb128-sfc32/weighted-sequential/fisher-yates@1' });
    expect(drawInspections(doc.inputs).visits).toEqual(doc.visits);
    expect(doc.visits).toEqual(made.result.visits);
    expect(doc.visits).toHaveLength(2);
    // Each drawn pair becomes a planned random visit (randomDrawVisits → PlanVisit), naming the draw.
    await t.settle();
    for (const v of doc.visits!) {
      const [planned] = await t.store.readStream(`visit-${drawnVisitId(made.drawId, v.institutionId)}`);
      expect(planned).toMatchObject({
        type: 'VisitPlanned',
        data: { kind: 'random', institutionId: v.institutionId, inspectorIds: v.inspectorIds, campaignId: made.drawId },
      });
    }
    const saga = await t.store.readStream(`randomDrawVisits-${made.drawId}`);
    const [publishedEvent] = (await t.store.readStream(`randomDraw-${made.drawId}`)).filter((e) => e.type === 'DrawPublished');
    expect(JSON.stringify(saga)).toContain(publishedEvent!.metadata.eventId);
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
      const made = (await draw('leader-city-a', { jurisdiction: 'city-a', count: 3 }).expect(201)).body as PublishedDraw;
      expect(made.inputs.inspectors.find((x) => x.id === 'inspector-a1')!.conflicts).toEqual(['hosp-a1-1']);
      expect(made.result.visits.find((v) => v.institutionId === 'hosp-a1-1')!.inspectorIds).toEqual(['inspector-city-a']);
    }
    // A draw a leader published plans its visits too (as the system actor of the saga).
    const byLeader = (await draw('leader-city-a', { jurisdiction: 'city-a', count: 1 }).expect(201)).body as PublishedDraw;
    await t.settle();
    const visit = byLeader.result.visits[0]!;
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
      expect((await draw('inspector-b1', { jurisdiction: 'city-a', count: 1 })).status).toBe(403);
      expect((await draw('hospital-a1-1', { jurisdiction: 'county-a1', count: 1 })).status).toBe(403);
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
      const made: PublishedDraw = await bus.execute(
        new RandomDrawRequest(actor, {
          kind: 'RequestRandomDraw',
          data: { jurisdiction: 'county-b1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-05-01' },
        }),
      );
      expect(made.inputs.institutions).toEqual([
        { id: 'hosp-b1-1', creditLevel: 'D' },
        { id: 'hosp-b1-2', creditLevel: 'A' },
      ]);
      counts[made.result.visits[0]!.institutionId]! += 1;
    }
    // Expected 80 : 10; D at least three times as often as A is a generous margin.
    expect(counts['hosp-b1-1']!).toBeGreaterThan(3 * counts['hosp-b1-2']!);
    expect(counts['hosp-b1-2']!).toBeGreaterThan(0);
  });
});
