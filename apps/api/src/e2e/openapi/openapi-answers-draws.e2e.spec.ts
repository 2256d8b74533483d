import { drawnVisitId } from '@bihuan/credit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { launchCampaign } from '../campaigns/campaign-steps';
import { AnswerChecks } from './answer-checks';

/**
 * The 双随机 draws' real answers (staff and public, before and after the reveal) match the OpenAPI
 * document the console's client is generated from, down to every field.
 */
describe('OpenAPI answers: draws', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  it('describes draws: the commitment, the list, a draw, its reveal, and the public draw before and after', async () => {
    const campaignId = await launchCampaign(t, 'inspector-a1');
    const made = await checks.send<{ drawId: string; visits: { institutionId: string }[] }>(
      'POST',
      '/draws',
      'inspector-a1',
      { jurisdiction: 'county-a1', count: 2, inspectorsPerVisit: 1, plannedDate: '2025-12-15', campaignId },
      201,
    );
    const list = await checks.send<{ draws: { drawId: string }[] }>('GET', '/draws', 'leader-city-a');
    expect(list.draws.map((d) => d.drawId)).toContain(made.drawId);
    await checks.send('GET', `/draws/${made.drawId}`, 'inspector-a1');
    expect(await checks.send('GET', `/public/draws/${made.drawId}`, null)).toMatchObject({ status: 'committed', seed: null });
    await t.settle();
    // Before its visits are done: the one error body, naming how many are pending.
    const early = await checks.send('POST', `/draws/${made.drawId}/reveal`, 'leader-city-a', undefined, 409);
    expect(early).toMatchObject({ code: 'CREDIT.DRAW_VISITS_PENDING', details: { pending: 2 } });
    const [first, second] = made.visits.map((v) => drawnVisitId(made.drawId, v.institutionId));
    await t.http.post(`/visits/${first}/record`).set(t.auth('inspector-a1')).send({ conductedOn: '2025-11-03' }).expect(200);
    await t.http.post(`/visits/${second}/cancel`).set(t.auth('inspector-a1')).send({ reason: '机构停业' }).expect(200);
    // Every drawn visit done: the to-do list's 揭示抽取种子 item holds to the document too.
    await t.settle();
    const todos = await checks.send<{ items: { kind: string; caseId: string }[] }>('GET', '/me/todos', 'leader-city-a');
    expect(todos.items.map((i) => [i.kind, i.caseId])).toEqual([['draw-reveal', made.drawId]]);
    const revealed = await checks.send('POST', `/draws/${made.drawId}/reveal`, 'leader-city-a', undefined, 200);
    expect(revealed).toMatchObject({ status: 'revealed', seed: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await checks.send('GET', `/public/draws/${made.drawId}`, null)).toMatchObject({ status: 'revealed', campaignId });
  });

  it('has checked a JSON answer of every draw route', () => {
    expect(checks.unchecked(['/draws', '/public/draws'])).toEqual([]);
  });
});
