import { SqlDatabase } from '@bihuan/database';
import { CALENDAR, CalendarService, READ_MODELS } from '@bihuan/platform';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { TableDeadLetterStore } from '@bihuan/processing';
import { createTestApp, TestApp } from '../../testing/test-app';

const year2027 = { year: 2027, source: '国办发明电〔2026〕test', holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {} };

describe('admin API', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A reconciliation every second, so the timer figures below come from a real pass.
    t = await createTestApp({ config: { timers: { queue: 'bihuan-timers', redisPrefix: 'bull', reconcileSeconds: 1 } } });
  });
  afterAll(() => t.close());

  const admin = () => t.auth('admin');

  it.each([
    ['get', '/admin/calendar'],
    ['post', '/admin/calendar/years'],
    ['get', '/admin/policies/complaints'],
    ['put', '/admin/policies/complaints'],
    ['get', '/admin/dead-letters'],
    ['post', '/admin/dead-letters/x/retry'],
    ['get', '/admin/projections'],
    ['get', '/admin/timers/pending'],
    ['get', '/admin/timers'],
  ] as const)('%s %s is for admins only: 403 for a leader, 401 without a token', async (method, path) => {
    const denied = await t.http[method](path).set(t.auth('leader-prov')).send({});
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect((await t.http[method](path).send({})).status).toBe(401);
  });

  it('a calendar import turns a provisional year official: the version deadlines record changes', async () => {
    const calendar = t.app.get<CalendarService>(CALENDAR);
    const before = await t.http.get('/admin/calendar').set(admin()).expect(200);
    expect(before.body.importedYears).toEqual([]);
    const builtIn = before.body.version as string;
    expect((await calendar.current()).version).toBe(builtIn);
    // Before the import 2027 is provisional: the deadline computes and its version says so.
    expect((await calendar.current()).addWorkingDays('2026-12-31T02:00:00.000Z', 1)).toEqual({
      dueAt: '2027-01-04T15:59:59.999Z',
      calendarVersion: `${builtIn}+provisional:2027@statutory-2025`,
    });

    const bad = await t.http
      .post('/admin/calendar/years')
      .set(admin())
      .send({ ...year2027, holidays: { '2027-13-01': 'x' } })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'CALENDAR.IMPORT_INVALID', fields: [{ field: 'holidays.2027-13-01' }] });
    expect(await t.store.readStream('calendar-cn')).toEqual([]);

    const res = await t.http.post('/admin/calendar/years').set(admin()).send(year2027).expect(201);
    expect(res.body).toEqual({ year: 2027, version: expect.stringMatching(/\+2027@[0-9a-f]{12}$/) });
    expect(res.body.version).not.toBe(builtIn);
    const after = await t.http.get('/admin/calendar').set(admin()).expect(200);
    expect(after.body).toMatchObject({ version: res.body.version, importedYears: [{ year: 2027 }] });
    expect(after.body.years).toContain(2027);
    // 2026-12-31 (Thu) + 1 working day: 2027-01-01 is a holiday, so Monday 2027-01-04.
    const deadline = (await calendar.current()).addWorkingDays('2026-12-31T02:00:00.000Z', 1);
    expect(deadline).toEqual({ dueAt: '2027-01-04T15:59:59.999Z', calendarVersion: res.body.version });
    const [event] = await t.store.readStream('calendar-cn');
    expect(event?.metadata.actor).toEqual({ id: 'admin', role: 'admin', unit: 'prov' });
  });

  it('policies: GET shows current + defaults + history; PUT with a reason records a new version', async () => {
    const get = await t.http.get('/admin/policies/complaints').set(admin()).expect(200);
    expect(get.body.current).toEqual(get.body.defaults);
    expect(get.body.history).toEqual([]);
    const key = Object.entries(get.body.defaults as Record<string, unknown>).find(([, v]) => typeof v === 'number')![0];
    const put = await t.http
      .put('/admin/policies/complaints')
      .set(admin())
      .send({ overrides: { [key]: 7 }, reason: '市卫健委〔2026〕12号' })
      .expect(200);
    expect(put.body.current[key]).toBe(7);
    expect(put.body.current.policyVersion).toBe(`${get.body.defaults.policyVersion}+r0`);
    expect(put.body.history).toMatchObject([
      { revision: 0, reason: '市卫健委〔2026〕12号', overrides: { [key]: 7 }, changedBy: { id: 'admin' } },
    ]);
    expect((await t.http.get('/admin/policies').set(admin()).expect(200)).body.contexts).toEqual(
      expect.arrayContaining(['inspection', 'complaints', 'ethics', 'credit']),
    );
  });

  it('policies: a bad PUT names the field and writes nothing', async () => {
    const head = await t.store.headPosition();
    const noReason = await t.http.put('/admin/policies/credit').set(admin()).send({ overrides: {} }).expect(400);
    expect(noReason.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const blank = await t.http.put('/admin/policies/credit').set(admin()).send({ overrides: {}, reason: '' }).expect(400);
    expect(blank.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const unknown = await t.http
      .put('/admin/policies/credit')
      .set(admin())
      .send({ overrides: { noSuchSetting: 1 }, reason: 'r' })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'POLICY.UNKNOWN_SETTING', fields: [{ field: 'overrides.noSuchSetting' }] });
    const wrongType = await t.http
      .put('/admin/policies/credit')
      .set(admin())
      .send({ overrides: { policyVersion: 'x' }, reason: 'r' })
      .expect(400);
    expect(wrongType.body.fields).toEqual([expect.objectContaining({ field: 'overrides.policyVersion' })]);
    const notObject = await t.http.put('/admin/policies/credit').set(admin()).send({ overrides: 5, reason: 'r' }).expect(400);
    expect(notObject.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'overrides' })]));
    const unknownContext = await t.http.put('/admin/policies/weather').set(admin()).send({ overrides: {}, reason: 'r' }).expect(404);
    expect(unknownContext.body.code).toBe('ADMIN.UNKNOWN_POLICY');
    expect(await t.store.headPosition()).toBe(head);
    expect(await t.store.readStream('policy-credit')).toEqual([]);
  });

  it('policies: uploads takes kinds and limits per use, refusing an unknown kind or an absurd size by field', async () => {
    const put = (overrides: object) => t.http.put('/admin/policies/uploads').set(admin()).send({ overrides, reason: '证据上传规则' });
    const kind = await put({ uses: { public: { kinds: ['images', 'svg'] } } }).expect(400);
    expect(kind.body).toMatchObject({ code: 'POLICY.UNKNOWN_FILE_KIND', fields: [{ field: 'overrides.uses.public.kinds[1]' }] });
    const huge = await put({ uses: { inspection: { maxBytes: 5 * 1024 ** 3 } } }).expect(400);
    expect(huge.body).toMatchObject({ code: 'POLICY.OUT_OF_RANGE', fields: [{ field: 'overrides.uses.inspection.maxBytes' }] });
    const zero = await put({ uses: { ethics: { maxBytes: 0 } } }).expect(400);
    expect(zero.body.fields).toEqual([expect.objectContaining({ field: 'overrides.uses.ethics.maxBytes' })]);
    expect(await t.store.readStream('policy-uploads')).toEqual([]);
    const ok = await put({ uses: { public: { kinds: ['images', 'pdf', 'ofd'], maxBytes: 5 * 1024 * 1024 } } }).expect(200);
    expect(ok.body.current.uses.public).toEqual({ kinds: ['images', 'pdf', 'ofd'], maxBytes: 5 * 1024 * 1024 });
    expect(ok.body.current.uses.inspection).toEqual(ok.body.defaults.uses.inspection);
  });

  it('dead letters: listed for admins; retry goes through the in-process worker; unknown ids are 404', async () => {
    const letters = new TableDeadLetterStore(t.app.get<SqlDatabase>(READ_MODELS));
    // A parked input of the deadline workflow whose event is in the log (a DeadlineSet it failed on).
    const terms = {
      deadlineId: 'answer',
      purpose: 'answer',
      startedAt: '2025-03-03T01:00:00.000Z',
      dueAt: '2025-03-20T01:00:00.000Z',
      workingDays: 0,
      calendarVersion: 't',
      warnAt: [],
      policy: {},
    };
    const meta = {
      eventId: 'dl-input-1',
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    };
    const { position } = await t.store.append('probeCase-1', [{ type: 'DeadlineSet', data: terms, metadata: meta }], 'no_stream');
    await t.settle();
    await letters.put({
      id: 'letter-1',
      workflow: 'deadlineTimers',
      instance: 'probeCase-1',
      input: { eventId: 'dl-input-1', type: 'DeadlineSet', streamName: 'probeCase-1', revision: 0, position },
      error: 'boom',
      attempts: 5,
      at: '2025-03-03T01:00:00.000Z',
    });
    const list = await t.http.get('/admin/dead-letters').set(admin()).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: 'letter-1', workflow: 'deadlineTimers', error: 'boom' })]);
    const retried = await t.http.post('/admin/dead-letters/letter-1/retry').set(admin()).expect(200);
    expect(retried.body).toEqual({ id: 'letter-1', retried: true, letter: null });
    expect((await t.http.get('/admin/dead-letters').set(admin())).body).toEqual([]);
    expect((await t.scheduler.pending()).map((p) => p.id)).toContain('dl.probeCase-1.answer.expire');
    expect((await t.http.post('/admin/dead-letters/nope/retry').set(admin()).expect(404)).body.code).toBe('ADMIN.NO_DEAD_LETTER');
  });

  it("projections and pending timers report the worker's progress", async () => {
    await t.settle();
    const res = await t.http.get('/admin/projections').set(admin()).expect(200);
    expect(res.body.workerInProcess).toBe(true);
    expect(res.body.projections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'pendingDeadlines', kind: 'projection', running: true, checkpoint: expect.any(Number) }),
        expect.objectContaining({ name: 'stream-stats', checkpoint: res.body.head }),
        expect.objectContaining({ name: 'workflow.deadlineTimers', kind: 'workflow' }),
      ]),
    );
    const timers = await t.http.get('/admin/timers/pending?limit=1').set(admin()).expect(200);
    expect(timers.body).toMatchObject({
      backend: 'manual',
      count: 1,
      first: [expect.objectContaining({ id: 'dl.probeCase-1.answer.expire' })],
    });
    expect((await t.http.get('/admin/timers/pending?limit=0').set(admin())).status).toBe(400);
  });

  it('timers: the reconciler re-arms a lost timer and /admin/timers shows pending against armed', async () => {
    const terms = { deadlineId: 'answer', purpose: 'answer', startedAt: '2025-03-03T01:00:00.000Z', dueAt: '2025-03-21T01:00:00.000Z' };
    const data = { ...terms, workingDays: 0, calendarVersion: 't', warnAt: [], policy: {} };
    const meta = {
      eventId: 'tp-1',
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: terms.startedAt,
      schemaVersion: 1,
    };
    await t.store.append('timerProbe-1', [{ type: 'DeadlineSet', data, metadata: meta }], 'no_stream');
    await t.settle();
    await t.scheduler.cancel('dl.timerProbe-1.answer.expire'); // lost behind the worker's back
    let status = (await t.http.get('/admin/timers').set(admin()).expect(200)).body;
    for (let i = 0; i < 200 && status.repairsTotal === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await t.http.get('/admin/timers').set(admin()).expect(200)).body;
    }
    expect(status).toMatchObject({ backend: 'manual', missing: 1, repairsTotal: 1, lastReconciledAt: expect.any(String) });
    expect(status.pendingDeadlines).toBeGreaterThanOrEqual(1);
    expect(status.armedTimers).toBe(status.expectedTimers - 1);
    expect((await t.scheduler.pending()).map((p) => p.id)).toContain('dl.timerProbe-1.answer.expire');
  });

  it('documents the admin routes in OpenAPI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/admin/calendar',
        '/admin/calendar/years',
        '/admin/policies/{context}',
        '/admin/dead-letters',
        '/admin/dead-letters/{id}/retry',
        '/admin/projections',
        '/admin/timers/pending',
        '/admin/timers',
      ]),
    );
  });
});
