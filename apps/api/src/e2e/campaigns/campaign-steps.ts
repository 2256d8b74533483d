import { TestApp } from '../../testing/test-app';

/** 2025年医德医风专项行动 of 甲市 over its general and TCM hospitals (hosp-a1-1, hosp-a1-2), in three phases. */
export const CITY_CAMPAIGN = {
  title: '2025年医德医风专项行动',
  year: 2025,
  scope: { institutionTypes: ['general_hospital', 'tcm_hospital'] },
  phases: [
    { name: '自查自纠', from: '2025-03-01', to: '2025-03-31', reports: [{ kind: 'self-inspection-report', due: '2025-03-31' }] },
    { name: '集中整治', from: '2025-04-01', to: '2025-06-30', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] },
    { name: '总结提升', from: '2025-07-01', to: '2025-07-15', reports: [{ kind: 'final-report', due: '2025-07-15' }] },
  ],
};

/** Launches a campaign as `user` (201) and answers its id. */
export async function launchCampaign(t: TestApp, user: string, body: object = CITY_CAMPAIGN): Promise<string> {
  const res = await t.http.post('/campaigns').set(t.auth(user)).send(body);
  if (res.status !== 201) throw new Error(`POST /campaigns as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}
