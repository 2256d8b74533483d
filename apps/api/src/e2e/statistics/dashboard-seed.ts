import { TestApp } from '../../testing/test-app';
import { submitPublic } from '../complaints/complaints-e2e.helpers';
import { steps } from '../inspection/inspection-steps';

/** The figures the leaders' statistics are checked against (API and browser specs alike). */
export interface DashboardSeed {
  /** hosp-a1-1, red envelopes: noticed 3 March, overdue on 25 March, on the first rung (提醒敦促函). */
  readonly overdueA: string;
  /** hosp-a1-1, disclosure: signed off in March. */
  readonly signedOffA: string;
  /** hosp-a2-1, service attitude: opened, no notice yet. */
  readonly openA2: string;
  /** hosp-b1-1 (the other city), over-treatment: overdue too. */
  readonly overdueB: string;
}

/** When the seed leaves the clock: 25 March 2025, 10:00 in Beijing, the day after the deadlines of 24 March. */
export const AFTER_DEADLINES = '2025-03-25T02:00:00.000Z';

/**
 * Through the HTTP API from the test app's start (3 March 2025): findings at three institutions in
 * two cities, two of them gone overdue onto the ladder, one signed off; a complaint at hosp-a1-1 and
 * one at hosp-b1-1; hosp-a1-1 on the red list and hosp-b1-1 on the black list (partners only).
 */
export async function seedDashboard(t: TestApp): Promise<DashboardSeed> {
  const s = steps(t);
  const visitA = await s.visit({ institutionId: 'hosp-a1-1' });
  const overdueA = await s.finding(visitA, { category: 'red-envelopes', description: '外科病房医生收受患者红包' });
  const signedOffA = await s.finding(visitA, { category: 'disclosure', description: '未公示收费标准', responsibleDepartment: '财务科' });
  await s.post('inspector-a1', `/findings/${overdueA}/notice`, { noticeNo: '整改〔2025〕7号' });
  await s.rectify(signedOffA);
  await s.post('inspector-a1', `/findings/${signedOffA}/sign-off`, { comment: '同意销号' });

  const visitA2 = await s.visit({ institutionId: 'hosp-a2-1', by: 'inspector-city-a' });
  const openA2 = await s.finding(visitA2, { category: 'service-attitude', description: '导诊台推诿患者' }, 'inspector-city-a');

  const visitB = await s.visit({ institutionId: 'hosp-b1-1', by: 'inspector-b1' });
  const overdueB = await s.finding(visitB, { category: 'over-treatment', description: '无指征开具大型检查' }, 'inspector-b1');
  await s.post('inspector-b1', `/findings/${overdueB}/notice`, { noticeNo: '南卫〔2025〕2号' });

  await submitPublic(t, { institutionId: 'hosp-a1-1' });
  // Not through submitPublic: it finds the ticket in inspector-a1's list, which hosp-b1-1's is not in.
  await t.http
    .post('/public/complaints')
    .send({ category: 'red-envelopes-kickbacks', description: '术前被索要红包（南山县）', institutionId: 'hosp-b1-1' })
    .expect(201);

  await t.settle(); // every institution's credit archive is open (409 ARCHIVE_ALREADY_EXISTS to open another)
  await s.post(
    'inspector-a1',
    '/credit/archives/hosp-a1-1/lists',
    { list: 'red', reason: '连续三年无投诉', expiresAt: '2026-03-01T00:00:00.000Z' },
    201,
  );
  await s.post(
    'inspector-b1',
    '/credit/archives/hosp-b1-1/lists',
    { list: 'black', reason: '欺诈骗保被查处', expiresAt: '2027-03-01T00:00:00.000Z' },
    201,
  );

  await t.advanceTo(AFTER_DEADLINES);
  return { overdueA, signedOffA, openA2, overdueB };
}
