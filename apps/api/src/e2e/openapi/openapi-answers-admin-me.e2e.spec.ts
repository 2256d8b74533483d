import { createOpenApiDocument } from '@bihuan/app';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { DEMO_PASSWORD } from '@bihuan/identity';
import { DeliveryDispatcherService, DeliveryOutbox, Notification } from '@bihuan/notifications';
import { READ_MODELS } from '@bihuan/platform';
import { TableDeadLetterStore } from '@bihuan/processing';
import { OFFICIAL_2027 } from '../../testing/official-2027.fixture';
import { OpenApiAnswers } from '../../testing/openapi-answers';
import { createTestApp, TestApp } from '../../testing/test-app';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const warning = (id: string, userId: string): Notification => ({
  id,
  kind: 'deadlineWarning',
  title: '整改期限即将届满',
  body: '请及时提交整改材料。',
  link: '/findings/f1',
  stream: 'finding-f1',
  recipient: { userId, unitId: 'county-a1' },
  occurredAt: '2025-03-03T01:00:00.000Z',
});

/**
 * Real answers of the operator and personal routes hold to the OpenAPI document (objects closed):
 * health, /me and its inbox, preferences and stream ticket, sign-out, the admin's calendar,
 * policies, worker, deliveries, notice templates and accounts.
 */
describe('OpenAPI answers: health, me, auth and admin', () => {
  let t: TestApp;
  let answers: OpenApiAnswers;

  /** Sends with `headers`, expects `status`, and checks the body against the declared answer. */
  async function call(method: Method, path: string, headers: Record<string, string>, status: number, body?: object): Promise<unknown> {
    const req = { GET: t.http.get(path), POST: t.http.post(path), PUT: t.http.put(path), DELETE: t.http.delete(path) }[method];
    const res = await req.set(headers).send(body);
    expect({ path, status: res.status, body: res.status === status ? null : res.body }).toEqual({ path, status, body: null });
    expect(answers.problems(method, path, res.status, res.body)).toEqual([]);
    return res.body;
  }
  const as = (user: string) => t.auth(user);

  beforeAll(async () => {
    t = await createTestApp({ fileReadModels: true }); // a rebuild aside needs the read models in a file
    answers = new OpenApiAnswers(createOpenApiDocument(t.app));
    const { dispatcher } = t.app.get(DeliveryDispatcherService);
    await dispatcher.stop(); // this spec's tick is the one that delivers
    await t.app.get(DeliveryOutbox).enqueue(warning('n-1', 'inspector-a1'), [
      { channel: 'inbox', address: 'inspector-a1' },
      { channel: 'webhook', address: 'no-such-endpoint' },
    ]);
    await t.app.get(DeliveryOutbox).enqueue(warning('n-2', 'inspector-a1'), [{ channel: 'inbox', address: 'inspector-a1' }]);
    await dispatcher.tick();
  });
  afterAll(() => t.close());

  it('describes health', async () => {
    await call('GET', '/health/live', {}, 200);
    await call('GET', '/health/ready', {}, 200);
    await call('GET', '/health', {}, 200);
  });

  it('describes /me, the to-do list, the inbox, the preferences and the stream ticket', async () => {
    const me = (await call('GET', '/me', as('hospital-a1-1'), 200)) as { unitPath: unknown[] };
    expect(me.unitPath.length).toBeGreaterThan(1);
    await call('GET', '/me/todos', as('inspector-a1'), 200);
    const page = (await call('GET', '/me/notifications?pageSize=1', as('inspector-a1'), 200)) as { items: unknown[]; nextCursor: string };
    expect(page.items).toHaveLength(1);
    await call('GET', `/me/notifications?cursor=${page.nextCursor}`, as('inspector-a1'), 200);
    await call('GET', '/me/notifications/unread-count', as('inspector-a1'), 200);
    await call('POST', '/me/notifications/n-1/read', as('inspector-a1'), 200);
    await call('POST', '/me/notifications/read-all', as('inspector-a1'), 200);
    await call('GET', '/me/notification-preferences', as('inspector-a1'), 200);
    const overrides = [{ kind: 'escalation', sms: true }];
    await call('PUT', '/me/notification-preferences', as('inspector-a1'), 200, { email: true, sms: false, overrides });
    await call('POST', '/me/stream-ticket', as('inspector-a1'), 201);
  });

  it('describes signing out', async () => {
    const signIn = await t.http.post('/auth/sign-in').send({ username: 'leader-city-a', password: DEMO_PASSWORD }).expect(200);
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    await call('POST', '/auth/sign-out', bearer(signIn.body.accessToken), 200);
    const again = await t.http.post('/auth/sign-in').send({ username: 'leader-city-a', password: DEMO_PASSWORD }).expect(200);
    await call('POST', '/auth/sign-out-all', bearer(again.body.accessToken), 200);
  });

  it('describes the calendar, the policies and the notice templates', async () => {
    await call('GET', '/admin/calendar/provisional-deadlines?limit=5', as('admin'), 200);
    await call('POST', '/admin/calendar/years', as('admin'), 201, OFFICIAL_2027);
    const calendar = (await call('GET', '/admin/calendar', as('admin'), 200)) as { importedYears: unknown[] };
    expect(calendar.importedYears).toHaveLength(1);
    const { contexts } = (await call('GET', '/admin/policies', as('admin'), 200)) as { contexts: string[] };
    expect(contexts).toContain('inspection');
    await call('PUT', '/admin/policies/inspection', as('admin'), 200, {
      overrides: { rectifyWorkingDays: { deadline: 12 } },
      reason: '市卫健委〔2025〕3号',
    });
    const policy = (await call('GET', '/admin/policies/inspection', as('admin'), 200)) as { history: unknown[] };
    expect(policy.history).toHaveLength(1);
    await call('GET', '/admin/notice-templates', as('admin'), 200);
  });

  it('describes the worker: dead letters, projections, timers', async () => {
    const letters = new TableDeadLetterStore(t.app.get<SqlDatabase>(READ_MODELS));
    // A parked input of the deadline workflow whose event is in the log (as admin.e2e parks one).
    const terms = { deadlineId: 'answer', purpose: 'answer', startedAt: '2025-03-03T01:00:00.000Z', dueAt: '2025-03-20T01:00:00.000Z' };
    const data = { ...terms, workingDays: 0, calendarVersion: 't', warnAt: [], policy: {} };
    const metadata = {
      eventId: 'dl-1',
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: terms.startedAt,
      schemaVersion: 1,
    };
    const { position } = await t.store.append('probeCase-1', [{ type: 'DeadlineSet', data, metadata }], 'no_stream');
    await t.settle();
    await letters.put({
      id: 'letter-1',
      workflow: 'deadlineTimers',
      instance: 'probeCase-1',
      input: { eventId: 'dl-1', type: 'DeadlineSet', streamName: 'probeCase-1', revision: 0, position },
      error: 'boom',
      attempts: 5,
      at: terms.startedAt,
    });
    expect(await call('GET', '/admin/dead-letters', as('admin'), 200)).toHaveLength(1);
    expect(await call('POST', '/admin/dead-letters/letter-1/retry', as('admin'), 200)).toEqual({
      id: 'letter-1',
      retried: true,
      letter: null,
    });
    await call('POST', '/admin/projections/stream-stats/rebuild', as('admin'), 202);
    await call('POST', '/admin/projections/no-such-model/rebuild', as('admin'), 404);
    const { rebuilds } = (await call('GET', '/admin/projections', as('admin'), 200)) as { rebuilds: unknown[] };
    expect(rebuilds).toHaveLength(1);
    await call('GET', '/admin/timers', as('admin'), 200);
    await call('GET', '/admin/timers/pending?limit=5', as('admin'), 200);
  });

  it('describes deliveries and the retry of a failed one', async () => {
    const failed = (await call('GET', '/admin/deliveries?status=failed', as('admin'), 200)) as { id: string }[];
    expect(failed).toHaveLength(1);
    await call('POST', `/admin/deliveries/${failed[0]!.id}/retry`, as('admin'), 200);
  });

  it('describes the acts on accounts', async () => {
    await call('POST', '/admin/accounts/leader-prov/reset-password', as('admin'), 200);
    await call('POST', '/admin/accounts/leader-prov/unlock', as('admin'), 200);
    const identity = { issuer: 'https://idp.example', subject: 'idp-li' };
    const linked = (await call('PUT', '/admin/accounts/inspector-a1/external-identity', as('admin'), 200, identity)) as {
      externalIdentities: unknown[];
    };
    expect(linked.externalIdentities).toEqual([identity]);
    await call('DELETE', '/admin/accounts/inspector-a1/external-identity', as('admin'), 200, identity);
  });
});
