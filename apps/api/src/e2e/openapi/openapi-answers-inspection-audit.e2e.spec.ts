import { createOpenApiDocument } from '@bihuan/app';
import { onePixelPng, uploadEvidence } from '../../testing/evidence-upload';
import { OpenApiAnswers } from '../../testing/openapi-answers';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * Real answers of the inspection, documents and audit routes hold to the OpenAPI document the
 * console's client is generated from (objects closed: a field a DTO lacks fails). One app, one
 * finding driven through its loop, then every JSON answer read and checked.
 */
describe('OpenAPI answers: inspection, notices and audit', () => {
  let t: TestApp;
  let answers: OpenApiAnswers;
  let visitId: string;
  let findingId: string;
  let photo: string;

  /** Sends as `user`, expects `status`, and checks the body against the declared answer. */
  async function call(method: 'GET' | 'POST', path: string, user: string, status: number, body?: object): Promise<Record<string, unknown>> {
    const req = method === 'GET' ? t.http.get(path) : t.http.post(path).send(body ?? {});
    const res = await req.set(t.auth(user));
    expect({ path, status: res.status, body: res.status === status ? null : res.body }).toEqual({ path, status, body: null });
    expect(answers.problems(method, path, res.status, res.body)).toEqual([]);
    return res.body as Record<string, unknown>;
  }

  beforeAll(async () => {
    t = await createTestApp();
    answers = new OpenApiAnswers(createOpenApiDocument(t.app));
    const plannedDate = t.clock.now().toISOString().slice(0, 10);
    visitId = String(
      (await call('POST', '/visits', 'inspector-a1', 201, { kind: 'routine', institutionId: 'hosp-a1-1', plannedDate }))['id'],
    );
    await call('POST', `/visits/${visitId}/record`, 'inspector-a1', 200, { conductedOn: plannedDate, summary: '门诊、住院部' });
    const registered = await call('POST', `/visits/${visitId}/findings`, 'inspector-a1', 201, {
      category: 'red-envelopes',
      severity: 'general',
      description: '外科病房医生收受患者红包',
      evidence: [],
      responsibleDepartment: '外科',
      requiredAction: 'deadline',
    });
    findingId = String(registered['id']);
    await t.settle();
  });
  afterAll(() => t.close());

  it('answers the visit and finding writes with their receipts', async () => {
    const upload = await uploadEvidence(t, 'inspector-a1', `/visits/${visitId}/evidence`, { file: onePixelPng(0x20) });
    expect(answers.problems('POST', `/visits/${visitId}/evidence`, 201, upload)).toEqual([]);
    await call('POST', `/findings/${findingId}/notice`, 'inspector-a1', 200, { noticeNo: '整改〔2025〕1号' });
    await call('POST', `/findings/${findingId}/plan`, 'hospital-a1-1', 200, { measures: '全院警示教育' });
    const evidence = await uploadEvidence(t, 'hospital-a1-1', `/findings/${findingId}/evidence`, { file: onePixelPng(0x40) });
    expect(answers.problems('POST', `/findings/${findingId}/evidence`, 201, evidence)).toEqual([]);
    photo = (evidence['file'] as { digest: string }).digest;
    await call('POST', `/findings/${findingId}/progress`, 'hospital-a1-1', 200, {
      summary: '已召开警示教育会',
      evidence: [photo],
      percentComplete: 80,
    });
    const extension = await call('POST', `/findings/${findingId}/extension-request`, 'hospital-a1-1', 200, {
      reason: '设备采购周期长',
      requestedDueAt: '2025-04-30T09:00:00.000Z',
    });
    expect(extension['extensionId']).toEqual(expect.any(String));
    await call('POST', `/findings/${findingId}/extension-denial`, 'inspector-a1', 200, {
      extensionId: extension['extensionId'],
      reason: '时限充足',
    });
    await t.settle();
  });

  it('describes visits, findings and their histories', async () => {
    const visits = await call('GET', '/visits', 'inspector-a1', 200);
    expect((visits['items'] as unknown[]).length).toBeGreaterThan(0);
    await call('GET', `/visits/${visitId}`, 'inspector-a1', 200);
    const findings = await call('GET', '/findings', 'leader-prov', 200);
    expect((findings['items'] as unknown[]).length).toBeGreaterThan(0);
    const detail = await call('GET', `/findings/${findingId}`, 'hospital-a1-1', 200);
    expect(detail['currentDeadline']).not.toBeNull();
    await call('GET', `/findings/${findingId}/history`, 'inspector-a1', 200);
    await call('GET', `/findings/${findingId}/history?all=true`, 'leader-prov', 200);
  });

  it('describes the ledgers and their counts', async () => {
    const ledger = await call('GET', '/ledgers/institutions/hosp-a1-1', 'inspector-a1', 200);
    expect((ledger['rows'] as unknown[]).length).toBeGreaterThan(0);
    const visitLedger = await call('GET', `/ledgers/visits/${visitId}`, 'hospital-a1-1', 200);
    expect(visitLedger['visit']).not.toBeNull();
    await call('GET', '/ledgers/counts', 'leader-prov', 200);
  });

  it('describes the printed notices', async () => {
    const issued = await call('POST', `/findings/${findingId}/notices`, 'inspector-a1', 201, { kind: 'rectification-notice' });
    expect(issued['documentNo']).toEqual(expect.any(String));
    await call('GET', `/findings/${findingId}/notices`, 'hospital-a1-1', 200);
  });

  it('describes the audit of the case: history, instants, state, integrity, files', async () => {
    const stream = `finding-${findingId}`;
    const history = await call('GET', `/audit/cases/${stream}/history`, 'leader-prov', 200);
    expect((history['entries'] as unknown[]).length).toBeGreaterThan(0);
    await call('GET', `/audit/cases/${stream}/history?all=true`, 'admin', 200);
    const latest = Math.max(...(history['entries'] as { position: number }[]).map((e) => e.position));
    await call('GET', `/audit/cases/${stream}/history?asOfPosition=${latest}`, 'inspector-a1', 200);
    const instants = await call('GET', `/audit/cases/${stream}/instants`, 'hospital-a1-1', 200);
    expect(instants['total']).toBe((history['entries'] as unknown[]).length);
    await call('GET', `/audit/cases/${stream}/instants?all=true`, 'leader-prov', 200);
    await call('GET', `/audit/cases/${stream}/state`, 'inspector-a1', 200);
    await call('GET', `/audit/cases/visit-${visitId}/state`, 'hospital-a1-1', 200);
    await call('GET', `/audit/cases/${stream}/integrity`, 'leader-prov', 200);
    const files = await call('GET', `/audit/cases/${stream}/files`, 'hospital-a1-1', 200);
    expect((files['files'] as { digest: string }[]).map((f) => f.digest)).toContain(photo);
  });

  it('describes the log-wide audit: ledger as of, integrity, access log', async () => {
    await call('GET', '/audit/ledgers/hosp-a1-1', 'leader-prov', 200);
    await call('GET', '/audit/integrity', 'admin', 200);
    const log = await call('GET', '/audit/access-log', 'admin', 200);
    expect((log['rows'] as unknown[]).length).toBeGreaterThan(0);
  });
});
