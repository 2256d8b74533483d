import { TestApp } from '../../testing/test-app';
import { launchCampaign } from '../campaigns/campaign-steps';
import { steps } from '../inspection/inspection-steps';
import { DashboardSeed, seedDashboard } from '../statistics/dashboard-seed';

/** What no public notice may ever print (API and browser specs alike). */
export const PRIVATE = {
  /** A named complainant's name and phone (personal data, encrypted per person). */
  complainant: '欧阳明月',
  phone: '13912345678',
  /** Black-list reasons: partner agencies only (seed 002). */
  blackReasonCityA: '骗取医保基金被查处（东城）',
  blackReasonCityB: '欺诈骗保被查处',
  /** The staff member responsible for a finding (personal data of staff). */
  responsiblePerson: '张主任',
} as const;

export const MARCH = { from: '2025-03-01', to: '2025-03-31' } as const;
/** 1 April 2025, 10:00 in Beijing: March is over, its notices may be published. */
export const AFTER_MARCH = '2025-04-01T02:00:00.000Z';

export interface NoticeSeed {
  readonly dashboard: DashboardSeed;
  readonly campaignId: string;
}

/**
 * The leaders' dashboard seed (findings in two cities, a complaint at hosp-a1-1 and at hosp-b1-1,
 * hosp-a1-1 on the red list, hosp-b1-1 on the black list), plus in March: a named complaint at
 * hosp-a1-1, a black-list entry in 甲市 (hosp-a1-2), a red-list entry at hosp-a2-1 listed and removed,
 * and 甲市's campaign with a finding under it. The clock is left on 1 April.
 */
export async function seedNotices(t: TestApp): Promise<NoticeSeed> {
  const s = steps(t);
  const dashboard = await seedDashboard(t);
  const named = await t.http.post('/public/complaints').send({
    category: 'fees',
    description: '检查费收费不透明（甲市一院）',
    institutionId: 'hosp-a1-1',
    identity: { name: PRIVATE.complainant, phone: PRIVATE.phone },
  });
  if (named.status !== 201) throw new Error(`named complaint: ${named.status} ${JSON.stringify(named.body)}`);
  const future = '2027-03-01T00:00:00.000Z';
  await s.post('inspector-a1', '/credit/archives', { institutionId: 'hosp-a1-2' }, 201);
  await s.post('inspector-city-a', '/credit/archives', { institutionId: 'hosp-a2-1' }, 201);
  await s.post(
    'inspector-a1',
    '/credit/archives/hosp-a1-2/lists',
    { list: 'black', reason: PRIVATE.blackReasonCityA, expiresAt: future },
    201,
  );
  await s.post(
    'inspector-city-a',
    '/credit/archives/hosp-a2-1/lists',
    { entryId: 'red-a2', list: 'red', reason: '患者满意度全市第一', expiresAt: future },
    201,
  );
  await s.post('inspector-city-a', '/credit/archives/hosp-a2-1/lists/red-a2/remove', { reason: '复核发现收费不规范（内部说明）' });
  const campaignId = await launchCampaign(t, 'leader-city-a');
  const visit = await s.visit({ institutionId: 'hosp-a1-1', kind: 'special', campaignId });
  await s.finding(visit, { category: 'over-treatment', description: '专项检查发现无指征检查' });
  await t.advanceTo(AFTER_MARCH);
  return { dashboard, campaignId };
}
