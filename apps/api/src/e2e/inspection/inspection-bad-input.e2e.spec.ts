import { createTestApp, TestApp } from '../../testing/test-app';
import { FINDING, Steps, steps } from './inspection-steps';

interface Problem {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly message?: RegExp;
}

/** Bad input: each a clear 4xx naming the problem, and not one event written. */
describe('inspection bad input (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;
  let planned: string;
  let finding: string;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    visit = await s.visit();
    planned = String(
      (await s.post('inspector-a1', '/visits', { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2025-03-10' }, 201))['id'],
    );
    finding = await s.finding(visit);
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
    await t.settle();
  });
  afterAll(() => t.close());

  async function refused(user: string, path: string, body: unknown, expected: Problem, raw?: { type: string }): Promise<void> {
    const head = await s.head();
    // English: the assertions below read the detail the thrown message names (values, ids).
    let req = t.http.post(path).set(t.auth(user)).set('Accept-Language', 'en');
    if (raw) req = req.set('Content-Type', raw.type);
    const res = await req.send(body as object);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: expected.status, code: expected.code });
    if (expected.field) expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(expected.field);
    if (expected.message) expect(res.body.message).toMatch(expected.message);
    await t.settle();
    expect(await s.head()).toBe(head);
  }

  it('an unknown category', () =>
    refused(
      'inspector-a1',
      `/visits/${visit}/findings`,
      { ...FINDING, category: 'bribery' },
      { status: 400, code: 'VALIDATION', field: 'category', message: /category must be one of/ },
    ));

  it('a deadline in the past, and an extension asked for a past date', async () => {
    await refused(
      'inspector-a1',
      `/findings/${finding}/notice`,
      { dueDate: '2025-03-01' },
      { status: 400, code: 'INSPECTION.DEADLINE_IN_PAST', field: 'dueDate' },
    );
    await s.post('hospital-a1-1', `/findings/${finding}/plan`, { measures: '整改' });
    await refused(
      'hospital-a1-1',
      `/findings/${finding}/extension-request`,
      { reason: '忙', requestedDueAt: '2025-03-02' },
      { status: 400, code: 'INSPECTION.DEADLINE_IN_PAST', field: 'requestedDueAt' },
    );
  });

  it('dates that are not dates', async () => {
    await refused(
      'inspector-a1',
      '/visits',
      { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: 'next week' },
      { status: 400, code: 'VALIDATION', field: 'plannedDate' },
    );
    await refused(
      'inspector-a1',
      `/visits/${planned}/record`,
      { conductedOn: '2025-02-30' },
      { status: 400, code: 'VALIDATION', field: 'conductedOn' },
    );
    await refused(
      'inspector-a1',
      `/visits/${planned}/record`,
      { conductedOn: '2025-03-04' },
      { status: 400, code: 'INSPECTION.DATE_INVALID', field: 'conductedOn', message: /future/ },
    );
    await refused(
      'hospital-a1-1',
      `/findings/${finding}/extension-request`,
      { reason: '忙', requestedDueAt: '2025-04-01T10:00:00' },
      { status: 400, code: 'INSPECTION.DATE_INVALID', field: 'requestedDueAt' },
    );
  });

  it('a sign-off by a hospital user', () =>
    refused(
      'hospital-a1-1',
      `/findings/${finding}/sign-off`,
      {},
      { status: 403, code: 'AUTH.ROLE_NOT_ALLOWED', message: /role hospital/ },
    ));

  it("a finding on an institution outside the inspector's jurisdiction, and an unknown institution", async () => {
    await refused('inspector-b1', `/visits/${visit}/findings`, FINDING, { status: 403, code: 'AUTH.OUT_OF_SCOPE', message: /hosp-a1-1/ });
    await refused(
      'inspector-b1',
      '/visits',
      { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2025-03-10' },
      { status: 403, code: 'AUTH.OUT_OF_SCOPE' },
    );
    await refused(
      'inspector-a1',
      '/visits',
      { kind: 'routine', institutionId: 'hosp-nowhere', plannedDate: '2025-03-10' },
      { status: 400, code: 'AUTH.UNKNOWN_INSTITUTION', field: 'institutionId' },
    );
  });

  it('a finding on a visit that has not taken place yet', () =>
    refused('inspector-a1', `/visits/${planned}/findings`, FINDING, { status: 422, code: 'INSPECTION.VISIT_NOT_CONDUCTED' }));

  it('an oversized body (> 256kb)', () =>
    refused(
      'inspector-a1',
      `/visits/${visit}/findings`,
      { ...FINDING, description: 'x'.repeat(300 * 1024) },
      { status: 413, code: 'PAYLOAD_TOO_LARGE', message: /256kb/ },
    ));

  it('a malformed JSON body', () =>
    refused(
      'inspector-a1',
      `/visits/${visit}/findings`,
      '{"category": "red-envelopes",',
      { status: 400, code: 'MALFORMED_JSON' },
      { type: 'application/json' },
    ));

  it('missing required fields', async () => {
    const head = await s.head();
    const res = await t.http.post(`/visits/${visit}/findings`).set(t.auth('inspector-a1')).send({ category: 'red-envelopes' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    const fields = new Set(res.body.fields.map((f: { field: string }) => f.field));
    expect([...['severity', 'description', 'responsibleDepartment', 'requiredAction']].every((f) => fields.has(f))).toBe(true);
    expect(await s.head()).toBe(head);
  });

  it('unknown extra fields', () =>
    refused(
      'inspector-a1',
      `/visits/${visit}/findings`,
      { ...FINDING, institutionId: 'hosp-b1-1' },
      { status: 400, code: 'VALIDATION', field: 'institutionId', message: /should not exist/ },
    ));

  it('an extension longer than the policy allows, naming the field', async () => {
    const asked = await s.post('hospital-a1-1', `/findings/${finding}/extension-request`, {
      reason: '设备采购',
      requestedDueAt: '2025-06-30',
    });
    await refused(
      'inspector-a1',
      `/findings/${finding}/extension-approval`,
      { extensionId: asked['extensionId'], workingDays: 31 },
      { status: 400, code: 'INSPECTION.EXTENSION_TOO_LONG', field: 'workingDays' },
    );
    await refused(
      'inspector-a1',
      `/findings/${finding}/extension-approval`,
      { extensionId: 'no-such' },
      { status: 404, code: 'INSPECTION.EXTENSION_NOT_FOUND' },
    );
  });

  it('a finding that does not exist', () =>
    refused('inspector-a1', '/findings/nope/notice', {}, { status: 404, code: 'INSPECTION.FINDING_NOT_FOUND' }));
});
