import Database from 'better-sqlite3';
import { steps } from '../inspection/inspection-steps';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * A tampered event is found by the integrity report: the app runs on a SqliteEventStore in a
 * temp file, and the test edits a stored event through a second connection, behind the store's back.
 */
describe('audit: integrity reports over HTTP', () => {
  let t: TestApp;
  let finding: string;
  beforeAll(async () => {
    t = await createTestApp({ sqlite: true });
    const s = steps(t);
    const findingId = await s.finding(await s.visit());
    await s.post('inspector-a1', `/findings/${findingId}/notice`, { noticeNo: '整改〔2025〕3号' });
    finding = `finding-${findingId}`;
    await t.settle();
  });
  afterAll(() => t.close());

  it('verifies an intact case and log with the hash range, then names the first tampered event', async () => {
    const intact = await t.http.get(`/audit/cases/${finding}/integrity`).set(t.auth('inspector-a1'));
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({
      ok: true,
      scope: 'streams',
      root: finding,
      algorithm: 'SM3',
      firstBreak: null,
      verifiedAt: t.clock.now().toISOString(),
    });
    expect(intact.body.perStream.map((p: { stream: string }) => p.stream)).toContain(finding);
    expect(intact.body.firstHash).toMatch(/^[0-9a-f]{64}$/);
    const whole = await t.http.get('/audit/integrity').set(t.auth('leader-prov'));
    expect(whole.body).toMatchObject({
      ok: true,
      scope: 'log',
      headsChecked: true,
      firstPosition: 1,
      lastPosition: await t.store.headPosition(),
    });
    expect((await t.http.get('/audit/integrity').set(t.auth('inspector-a1'))).status).toBe(403);

    const intruder = new Database(t.file!);
    try {
      intruder.prepare("UPDATE events SET data = json_set(data, '$.severity', 'minor') WHERE stream = ? AND revision = 0").run(finding);
    } finally {
      intruder.close();
    }
    const tampered = await t.http.get(`/audit/cases/${finding}/integrity`).set(t.auth('leader-prov'));
    expect(tampered.status).toBe(200);
    expect(tampered.body).toMatchObject({ ok: false, firstBreak: { streamName: finding, revision: 0, problem: 'content' } });
    expect(tampered.body.perStream.find((p: { stream: string }) => p.stream === finding)).toMatchObject({ ok: false });
    const log = await t.http.get('/audit/integrity').set(t.auth('admin'));
    expect(log.body).toMatchObject({ ok: false, scope: 'log', firstBreak: { streamName: finding, revision: 0, problem: 'content' } });
  });
});
