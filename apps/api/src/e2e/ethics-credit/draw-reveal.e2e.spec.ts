import { createHash } from 'node:crypto';
import { checkRevealedDraw, DrawAnswer, DrawCommitted, drawInstitutions, drawnVisitId, PublicDrawDocument } from '@bihuan/credit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { launchCampaign } from '../campaigns/campaign-steps';
import { expectNothingWritten } from './ethics-credit.fixtures';

const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');

/**
 * 双随机、一公开 with commit–reveal (ADR 0018): the public sees the commitment at once, the drawn
 * institutions never learn of their visit before it is done, and once every visit is done the seed is
 * revealed and anyone can check it against the commitment and re-run the draw from the public page.
 */
describe('a draw commits to its seed, stays hidden from the drawn, and is revealed when its visits are done (e2e)', () => {
  let t: TestApp;
  let draw: DrawAnswer;
  let seed: string;
  let campaignId: string;
  const drawn = (): string[] => draw.visits!.map((v) => v.institutionId).sort();
  const visitOf = (institutionId: string): string => drawnVisitId(draw.drawId, institutionId);
  const hospitalOf: Record<string, string> = { 'hosp-a1-1': 'hospital-a1-1', 'hosp-a1-2': 'hospital-a1-2' };
  /** The 揭示抽取种子 items on someone's to-do list, once the worker has projected what was written. */
  const revealTodos = async (who: string): Promise<{ caseId: string; title: string; link: string; unitId: string }[]> => {
    await t.settle();
    return (await t.http.get('/me/todos?kind=draw-reveal').set(t.auth(who)).expect(200)).body.items;
  };

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    // The campaign the draw is made for: county-a1's general and TCM hospitals (hosp-a1-1, hosp-a1-2).
    campaignId = await launchCampaign(t, 'inspector-a1');
  });
  afterAll(() => t.close());

  it('commits: the public page shows only the digests — no seed, no result, no institution, no date', async () => {
    const res = await t.http
      .post('/draws')
      .set(t.auth('inspector-a1'))
      .send({ jurisdiction: 'county-a1', count: 2, inspectorsPerVisit: 1, plannedDate: '2025-03-10', campaignId })
      .expect(201);
    draw = res.body as DrawAnswer;
    const [committed] = await t.store.readStream(`randomDraw-${draw.drawId}`);
    expect(committed!.type).toBe('DrawCommitted');
    seed = (committed as unknown as DrawCommitted).data.seed;
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    // The staff answer: the draw is made (by the saga, from the committed seed), the seed is not in it.
    expect(draw).toMatchObject({ status: 'drawn', seed: null, commitment: { seedDigest: sm3(seed) } });
    expect(drawn()).toEqual(['hosp-a1-1', 'hosp-a1-2']);
    expect(JSON.stringify(draw)).not.toContain(seed);

    const page = await t.http.get(`/public/draws/${draw.drawId}`).expect(200);
    expect(page.body).toEqual({
      drawId: draw.drawId,
      jurisdiction: 'county-a1',
      status: 'committed',
      commitment: { seedDigest: sm3(seed), inputsDigest: draw.commitment!.inputsDigest, committedAt: '2025-03-03T01:00:00.000Z' },
      seed: null,
      algorithm: null,
      inputs: null,
      visits: null,
      plannedDate: null,
      campaignId: null,
      revealedAt: null,
    });
  });

  it('plans the drawn visits, and a drawn hospital learns nothing of its visit before it is done', async () => {
    await t.settle();
    const never = 'ffffffff-ffff-5fff-bfff-ffffffffffff';
    for (const institutionId of drawn()) {
      const visitId = visitOf(institutionId);
      const [planned] = await t.store.readStream(`visit-${visitId}`);
      expect(planned).toMatchObject({ type: 'VisitPlanned', data: { kind: 'random', institutionId, campaignId } });
      const as = hospitalOf[institutionId]!;
      // Every path to the planned visit answers as for a visit that does not exist.
      for (const [method, path, body] of [
        ['get', '/visits/:id', undefined],
        ['get', '/ledgers/visits/:id', undefined],
        ['get', '/audit/cases/visit-:id/history', undefined],
        ['post', '/visits/:id/record', { conductedOn: '2025-03-03' }],
        ['post', '/visits/:id/cancel', { reason: '探查' }],
      ] as const) {
        const send = (id: string) => {
          const req = t.http[method](path.replace(':id', id)).set(t.auth(as));
          return body ? req.send(body) : req;
        };
        const [real, fake] = [await send(visitId), await send(never)];
        expect([path, real.status, real.body.code]).toEqual([path, fake.status, fake.body.code]);
      }
      for (const path of ['/visits', '/me/todos', '/me/notifications', `/ledgers/institutions/${institutionId}`]) {
        const text = (await t.http.get(path).set(t.auth(as)).expect(200)).text;
        // (The campaign itself is the hospital's to see: it is in its scope and owes it reports.)
        expect([path, text.includes(visitId), text.includes(draw.drawId)]).toEqual([path, false, false]);
      }
      // Nor through the draw itself: staff routes refuse hospitals; the public page still shows only the commitment.
      expect((await t.http.get(`/draws/${draw.drawId}`).set(t.auth(as))).status).toBe(403);
      expect((await t.http.get('/draws').set(t.auth(as))).status).toBe(403);
      expect((await t.http.get(`/audit/cases/randomDraw-${draw.drawId}/history`).set(t.auth(as))).status).toBeGreaterThanOrEqual(403);
      expect((await t.http.get(`/public/draws/${draw.drawId}`).set(t.auth(as))).body).toMatchObject({ status: 'committed', visits: null });
    }
  });

  it('refuses to reveal while a drawn visit is pending, writing nothing', async () => {
    await expectNothingWritten(t, async () => {
      const early = await t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('leader-city-a'));
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({ code: 'CREDIT.DRAW_VISITS_PENDING', details: { pending: 2 } });
      const unknown = await t.http.post('/draws/no-such-draw/reveal').set(t.auth('leader-city-a'));
      expect([unknown.status, unknown.body.code]).toEqual([404, 'CREDIT.DRAW_NOT_FOUND']);
      expect((await t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('inspector-b1'))).status).toBe(403);
      expect((await t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('hospital-a1-1'))).status).toBe(403);
      expect((await t.http.post(`/draws/${draw.drawId}/reveal`)).status).toBe(401);
    });
  });

  it('reveals once every drawn visit is conducted or cancelled; the public page then holds everything to check it', async () => {
    const [first, second] = drawn();
    await t.http
      .post(`/visits/${visitOf(first!)}/record`)
      .set(t.auth('inspector-a1'))
      .send({ conductedOn: '2025-03-03', inspectorIds: ['inspector-a1'] })
      .expect(200);
    // Conducted: now the hospital sees its visit, as any visit that took place.
    await t.http
      .get(`/visits/${visitOf(first!)}`)
      .set(t.auth(hospitalOf[first!]!))
      .expect(200);
    expect((await t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('leader-city-a'))).body.details).toEqual({ pending: 1 });
    expect(await revealTodos('inspector-a1')).toEqual([]);
    // Staff read how each drawn visit stands before the reveal (the console links them and says why it cannot reveal yet).
    const staff = (await t.http.get(`/draws/${draw.drawId}`).set(t.auth('inspector-a1')).expect(200)).body as DrawAnswer;
    expect(staff.drawnVisits!.map((v) => [v.visitId, v.outcome]).sort()).toEqual(
      [
        [visitOf(first!), 'conducted'],
        [visitOf(second!), 'pending'],
      ].sort(),
    );
    await t.http
      .post(`/visits/${visitOf(second!)}/cancel`)
      .set(t.auth('inspector-a1'))
      .send({ reason: '机构停业整顿' })
      .expect(200);
    // Every drawn visit done: the reveal is on the to-do lists of those who may make it, and of nobody else.
    const reminder = { caseId: draw.drawId, title: '揭示抽取种子', link: `/cases/draws/${draw.drawId}`, unitId: 'county-a1' };
    for (const who of ['inspector-a1', 'leader-city-a']) expect([who, await revealTodos(who)]).toMatchObject([who, [reminder]]);
    for (const who of ['inspector-b1', 'admin', ...Object.values(hospitalOf)]) {
      const text = (await t.http.get('/me/todos').set(t.auth(who)).expect(200)).text;
      expect([who, text.includes(draw.drawId)]).toEqual([who, false]);
    }

    const revealed = (await t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('leader-city-a')).expect(200)).body as DrawAnswer;
    expect(revealed).toMatchObject({ status: 'revealed', seed, revealedAt: '2025-03-03T01:00:00.000Z' });
    expect(await revealTodos('inspector-a1')).toEqual([]);
    expect(await revealTodos('leader-city-a')).toEqual([]);
    expect(revealed.visitOutcomes!.map((v) => [v.institutionId, v.outcome])).toEqual([
      [draw.visits![0]!.institutionId, first === draw.visits![0]!.institutionId ? 'conducted' : 'cancelled'],
      [draw.visits![1]!.institutionId, first === draw.visits![1]!.institutionId ? 'conducted' : 'cancelled'],
    ]);

    const doc = (await t.http.get(`/public/draws/${draw.drawId}`).expect(200)).body as PublicDrawDocument;
    expect(doc).toMatchObject({ status: 'revealed', seed, campaignId, plannedDate: '2025-03-10' });
    // What an outsider does with the JSON alone: SM3 of the seed, SM3 of seed ‖ 0x1f ‖ the inputs as documented, and a re-run.
    expect(sm3(doc.seed!)).toBe(doc.commitment!.seedDigest);
    const inputs = doc.inputs!;
    const canonical = JSON.stringify({
      algorithm: doc.algorithm,
      jurisdiction: doc.jurisdiction,
      institutions: [...inputs.institutions].sort((a, b) => (a.id < b.id ? -1 : 1)).map((i) => ({ id: i.id, creditLevel: i.creditLevel })),
      count: inputs.count,
      inspectorsPerVisit: inputs.inspectorsPerVisit,
      weights: { A: inputs.weights.A, B: inputs.weights.B, C: inputs.weights.C, D: inputs.weights.D },
    });
    expect(sm3(`${doc.seed}\u001f${canonical}`)).toBe(doc.commitment!.inputsDigest);
    expect(drawInstitutions({ seed: doc.seed!, ...inputs })).toEqual(doc.visits);
    expect(doc.visits!.map((v) => v.institutionId)).toEqual(draw.visits!.map((v) => v.institutionId));
    // A seed changed after the fact would not verify.
    const changed = `${doc.seed!.slice(0, -1)}${doc.seed!.endsWith('0') ? '1' : '0'}`;
    const facts = {
      seed: doc.seed!,
      commitment: doc.commitment!,
      inputs: { ...inputs, algorithm: doc.algorithm!, jurisdiction: doc.jurisdiction },
      visits: doc.visits!,
    };
    expect(checkRevealedDraw(facts)).toEqual({ seedMatches: true, inputsMatch: true, resultMatches: true });
    expect(checkRevealedDraw({ ...facts, seed: changed })).toMatchObject({ seedMatches: false, inputsMatch: false });
    expect(sm3(changed)).not.toBe(doc.commitment!.seedDigest);
    // Never the inspectors, nor their conflicts of interest.
    for (const word of ['inspector-a1', '"inspectorIds"', '"conflicts"', '"inspectors"']) expect(JSON.stringify(doc)).not.toContain(word);
    // Revealing again changes nothing.
    await expectNothingWritten(t, () => t.http.post(`/draws/${draw.drawId}/reveal`).set(t.auth('inspector-a1')).expect(200));
  });
});
