import { createTestApp, TestApp } from '../../testing/test-app';
import { CITY_CAMPAIGN } from '../campaigns/campaign-steps';
import { steps } from '../inspection/inspection-steps';
import { AnswerChecks } from './answer-checks';

const LEADER = 'leader-city-a';

/**
 * The campaign routes' real answers (and their refusals) match the OpenAPI document the console's
 * client is generated from, down to every field: with rows, phases, reports and a carried-over close.
 */
describe('OpenAPI answers: campaigns', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  let campaign: string;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-04-07T01:00:00.000Z' });
    checks = new AnswerChecks(t);
  });
  afterAll(() => t.close());

  it('describes a launch, its page, list and amendment', async () => {
    const launched = await checks.send<{ id: string }>('POST', '/campaigns', LEADER, CITY_CAMPAIGN, 201);
    campaign = launched.id;
    const detail = await checks.send<{ currentPhase: number | null }>('GET', `/campaigns/${campaign}`, 'hospital-a1-1');
    expect(detail.currentPhase).toBe(1);
    const list = await checks.send<{ items: unknown[] }>('GET', '/campaigns?status=launched&year=2025&pageSize=5', 'inspector-a1');
    expect(list.items).toHaveLength(1);
    await checks.send('POST', `/campaigns/${campaign}/amend`, LEADER, { title: '医德医风专项整治', reason: '补充通知' }, 200);
  });

  it('describes the ledger, progress and summary with a row in them', async () => {
    const s = steps(t);
    const visit = await s.visit({ institutionId: 'hosp-a1-1', kind: 'special', campaignId: campaign });
    await s.finding(visit);
    const ledger = await checks.send<{ rows: unknown[] }>('GET', `/campaigns/${campaign}/ledger`, LEADER);
    expect(ledger.rows).toHaveLength(1);
    const progress = await checks.send<{ units: unknown[] }>('GET', `/campaigns/${campaign}/progress`, 'inspector-a1');
    expect(progress.units).toHaveLength(2);
    await checks.send('GET', `/campaigns/${campaign}/summary`, LEADER);
    await checks.send('GET', `/campaigns/${campaign}/reports`, 'inspector-a1');
  });

  it('describes refusals and the close with rows carried over, and the summary after it', async () => {
    await checks.send('POST', `/campaigns/${campaign}/close`, LEADER, {}, 409);
    await checks.send('GET', `/campaigns/${campaign}`, 'hospital-b1-1', undefined, 403);
    await checks.send('POST', '/campaigns', LEADER, { ...CITY_CAMPAIGN, phases: [] }, 400);
    await checks.send('POST', `/campaigns/${campaign}/close`, LEADER, { carryOver: true, reason: '转入日常监管' }, 200);
    const closed = await checks.send<{ carriedOver: unknown[] }>('GET', `/campaigns/${campaign}`, LEADER);
    expect(closed.carriedOver).toHaveLength(1);
    await checks.send('GET', `/campaigns/${campaign}/summary`, LEADER);
  });

  it('has checked a JSON answer of every campaign route', () => {
    expect(checks.unchecked(['/campaigns'])).toEqual([]);
  });
});
