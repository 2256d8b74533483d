import { digestOf, onePixelPng } from '../../testing/evidence-upload';
import { createTestApp, TestApp } from '../../testing/test-app';
import { FINDING, Steps, steps } from './inspection-steps';

type Case = readonly [user: string, expected: number, code?: string];

/**
 * Role × action × scope: inspectors act within their jurisdiction subtree, hospitals only for
 * their own institution, leaders read but never act. Every refusal writes nothing.
 */
describe('inspection access matrix (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;
  let finding: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    visit = await s.visit({ institutionId: 'hosp-a1-1' });
    finding = await s.finding(visit);
    await s.finding(await s.visit({ institutionId: 'hosp-b1-1', by: 'inspector-b1' }), {}, 'inspector-b1');
  });
  afterAll(() => t.close());

  /** Rows of the matrix as fixed-length tuples (no code expected for a success). */
  const cases = (rows: Case[]): [string, number, string][] => rows.map(([u, n, c]) => [u, n, c ?? '']);

  async function check(method: 'post' | 'get', path: string, body: object, [user, expected, code]: Case): Promise<void> {
    const head = await s.head();
    const res = method === 'post' ? await t.http.post(path).set(t.auth(user)).send(body) : await t.http.get(path).set(t.auth(user));
    expect({ user, path, status: res.status, code: expected >= 400 ? res.body.code : undefined }).toEqual({
      user,
      path,
      status: expected,
      code: expected >= 400 ? code : undefined,
    });
    if (expected >= 400) expect(await s.head()).toBe(head);
  }

  const plan = { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2025-03-10' };
  it.each(
    cases([
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['leader-prov', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['admin', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['hospital-a1-1', 403, 'INSPECTION.ROLE_FORBIDDEN'],
      ['inspector-a1', 201],
      ['inspector-city-a', 201],
    ]),
  )('plan a visit at hosp-a1-1: %s → %i', (u: string, n: number, c: string) => check('post', '/visits', plan, [u, n, c || undefined]));

  it.each(
    cases([
      ['hospital-a1-2', 403, 'AUTH.OUT_OF_SCOPE'],
      ['hospital-a1-1', 201],
    ]),
  )('plan a self-inspection (自查) of hosp-a1-1: %s → %i', (u: string, n: number, c: string) =>
    check('post', '/visits', { ...plan, kind: 'self' }, [u, n, c || undefined]),
  );

  it.each(
    cases([
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['hospital-a1-1', 403, 'INSPECTION.ROLE_FORBIDDEN'],
      ['leader-city-a', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['inspector-a1', 201],
    ]),
  )("open a finding on an inspector's visit: %s → %i", (u: string, n: number, c: string) =>
    check('post', `/visits/${visit}/findings`, FINDING, [u, n, c || undefined]),
  );

  it.each(
    cases([
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['hospital-a1-1', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['leader-prov', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['inspector-a1', 200],
    ]),
  )('issue the rectification notice: %s → %i', (u: string, n: number, c: string) =>
    check('post', `/findings/${finding}/notice`, {}, [u, n, c || undefined]),
  );

  it.each(
    cases([
      ['hospital-b1-1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['hospital-a1-2', 403, 'AUTH.OUT_OF_SCOPE'],
      ['inspector-a1', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['leader-prov', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['hospital-a1-1', 200],
    ]),
  )('submit the rectification plan: %s → %i', (u: string, n: number, c: string) =>
    check('post', `/findings/${finding}/plan`, { measures: '整改' }, [u, n, c || undefined]),
  );

  it.each(
    cases([
      ['hospital-b1-1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['leader-prov', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['hospital-a1-1', 201],
    ]),
  )('upload evidence to the finding: %s → %i', async (user: string, expected: number, code: string) => {
    const head = await s.head();
    const res = await t.http
      .post(`/findings/${finding}/evidence`)
      .set(t.auth(user))
      .attach('file', onePixelPng(), { filename: '整改照片.png', contentType: 'image/png' });
    expect({ status: res.status, code: expected >= 400 ? res.body.code : undefined }).toEqual({
      status: expected,
      code: expected >= 400 ? code : undefined,
    });
    if (expected >= 400) expect(await s.head()).toBe(head);
  });

  it.each(
    cases([
      ['hospital-b1-1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['hospital-a1-1', 200],
    ]),
  )('request sign-off: %s → %i', (u: string, n: number, c: string) =>
    check('post', `/findings/${finding}/sign-off-request`, { summary: '完成', evidence: [digestOf(onePixelPng())] }, [
      u,
      n,
      c || undefined,
    ]),
  );

  it.each(
    cases([
      ['hospital-a1-1', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['leader-prov', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['leader-city-a', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['inspector-city-a', 200],
    ]),
  )('sign off: %s → %i', (u: string, n: number, c: string) => check('post', `/findings/${finding}/sign-off`, {}, [u, n, c || undefined]));

  it.each(
    cases([
      ['hospital-a1-1', 200],
      ['hospital-b1-1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['leader-city-a', 200],
      ['leader-prov', 200],
      ['admin', 200],
    ]),
  )('read the institution ledger of hosp-a1-1: %s → %i', (u: string, n: number, c: string) =>
    check('get', '/ledgers/institutions/hosp-a1-1', {}, [u, n, c || undefined]),
  );

  it.each(
    cases([
      ['hospital-b1-1', 403, 'AUTH.OUT_OF_SCOPE'],
      ['leader-city-a', 200],
      ['inspector-b1', 403, 'AUTH.OUT_OF_SCOPE'],
    ]),
  )('read a finding and its history: %s → %i', async (u: string, n: number, c: string) => {
    await check('get', `/findings/${finding}`, {}, [u, n, c || undefined]);
    await check('get', `/findings/${finding}/history`, {}, [u, n, c || undefined]);
    await check('get', `/ledgers/visits/${visit}`, {}, [u, n, c || undefined]);
  });

  it.each(
    cases([
      ['hospital-a1-1', 403, 'AUTH.ROLE_NOT_ALLOWED'],
      ['leader-city-a', 200],
    ]),
  )('read the counts: %s → %i', (u: string, n: number, c: string) => check('get', '/ledgers/counts', {}, [u, n, c || undefined]));

  it('filters lists to the institutions the caller may see', async () => {
    const institutions = async (user: string) =>
      [
        ...new Set(((await s.get(user, '/findings?pageSize=200'))['items'] as { institutionId: string }[]).map((r) => r.institutionId)),
      ].sort();
    expect(await institutions('hospital-b1-1')).toEqual(['hosp-b1-1']);
    expect(await institutions('hospital-a1-1')).toEqual(['hosp-a1-1']);
    expect(await institutions('leader-city-a')).toEqual(['hosp-a1-1']);
    expect(await institutions('leader-prov')).toEqual(['hosp-a1-1', 'hosp-b1-1']);
    const counts = await s.get('leader-city-a', '/ledgers/counts');
    expect((counts['byInstitution'] as { key: string }[]).map((r) => r.key)).toEqual(['hosp-a1-1']);
    const visits = await s.get('hospital-b1-1', '/visits');
    expect((visits['items'] as { institutionId: string }[]).every((v) => v.institutionId === 'hosp-b1-1')).toBe(true);
    expect(visits['items']).toHaveLength(1);
    await s.get('hospital-b1-1', '/findings?institutionId=hosp-a1-1', 403);
  });
});
