import { createTestApp, TestApp } from '../../testing/test-app';
import { MAX_INPUT_DEPTH } from '@bihuan/app';
import { step, submitPublic } from '../complaints/complaints-e2e.helpers';

/**
 * The three doors issue 11 found in the shared input layer (prototype keys accepted, a lone
 * surrogate e-mail and a 5,000-deep body answering 500), and their neighbours: each is a 4xx
 * naming the field, for public and unauthenticated callers too, and writes nothing.
 */
describe('bad input: the shared layer refuses what no DTO may see, and nothing is written', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const valid = { category: 'fees', description: 'Charged twice for one test', institutionId: 'hosp-a1-1' };
  const json = (body: string) => t.http.post('/public/complaints').set('Content-Type', 'application/json').send(body);

  interface Answer {
    status: number;
    body: { code?: string; fields?: { field: string; rule: string }[] };
  }
  async function unchanged(
    send: () => PromiseLike<Answer>,
  ): Promise<{ status: number; code?: string; fields: { field: string; rule: string }[] }> {
    await t.settle();
    const head = await t.store.headPosition();
    const res = await send();
    await t.settle();
    expect(await t.store.headPosition()).toBe(head);
    return { status: res.status, code: res.body.code, fields: (res.body.fields ?? []).map(({ field, rule }) => ({ field, rule })) };
  }

  it('prototype member names as keys, at any depth, are refused like any undeclared key', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']) {
      const top = await unchanged(() => json(JSON.stringify(valid).replace(/}$/, `,"${key}":{"x":1}}`)));
      expect(top).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: key, rule: 'whitelistValidation' }] });
      const nested = await unchanged(() =>
        json(JSON.stringify({ ...valid, identity: { name: '张三', a: 1 } }).replace('"a":1', `"${key}":1`)),
      );
      expect(nested).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: `identity.${key}`, rule: 'whitelistValidation' }] });
    }
    const authed = await unchanged(() =>
      t.http
        .post('/complaints')
        .set(t.auth('inspector-a1'))
        .set('Content-Type', 'application/json')
        .send('{"channel":"phone","category":"fees","description":"x","__proto__":{"admin":true}}'),
    );
    expect(authed).toMatchObject({ status: 400, code: 'VALIDATION', fields: [{ field: '__proto__', rule: 'whitelistValidation' }] });
  });

  it('a lone surrogate in an e-mail address, any string or any key is a 400 naming the field', async () => {
    const email = await unchanged(() => json(JSON.stringify({ ...valid, identity: { email: '\ud800@x.cn' } })));
    expect(email).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: 'identity.email', rule: 'wellFormedUnicode' }] });
    const text = await unchanged(() => json(JSON.stringify({ ...valid, description: 'ok \udc00 then' })));
    expect(text.fields).toEqual([{ field: 'description', rule: 'wellFormedUnicode' }]);
    const key = await unchanged(() => json('{"category":"fees","description":"x","\\ud800":1}'));
    expect(key.fields).toEqual([{ field: '\ud800', rule: 'wellFormedUnicode' }]);
    const paired = await t.http.post('/public/complaints').send({ ...valid, description: 'emoji 😀 is well-formed' });
    expect(paired.status).toBe(201);
  });

  it('a 5,000-deep body is a 400 naming where, also without a token and on a protected route', async () => {
    const deep = `${'{"identity":'.repeat(5000)}{}${'}'.repeat(5000)}`;
    const open = await unchanged(() => json(deep));
    expect(open).toMatchObject({ status: 400, code: 'VALIDATION' });
    expect(open.fields[0]).toEqual({ field: Array(MAX_INPUT_DEPTH).fill('identity').join('.'), rule: 'maxDepth' });
    const noToken = await unchanged(() =>
      t.http
        .post('/complaints')
        .set('Content-Type', 'application/json')
        .send(`[${'['.repeat(5000)}${']'.repeat(5000)}]`),
    );
    expect(noToken).toMatchObject({ status: 400, code: 'VALIDATION', fields: [{ rule: 'maxDepth' }] });
  });

  it('form bodies and query strings pass the same checks', async () => {
    const form = await unchanged(() => t.http.post('/public/complaints').type('form').send('category=fees&description=x&constructor[a]=1'));
    expect(form).toMatchObject({ status: 400, code: 'VALIDATION', fields: [{ field: 'constructor', rule: 'whitelistValidation' }] });
    const formDeep = await unchanged(() =>
      t.http
        .post('/public/complaints')
        .type('form')
        .send(`category=fees&description=x&a${'[b]'.repeat(40)}=1`),
    );
    expect(formDeep).toMatchObject({ status: 400, code: 'VALIDATION', fields: [{ field: 'body', rule: 'maxDepth' }] });
    const query = await unchanged(() => t.http.get('/complaints?__proto__=1').set(t.auth('inspector-a1')));
    expect(query).toMatchObject({ status: 400, code: 'VALIDATION', fields: [{ field: '__proto__' }] });
    const repeated = await t.http.get('/complaints?status=received&status=closed').set(t.auth('inspector-a1'));
    expect(repeated.status).toBe(400);
    const surrogateQuery = await t.http.get('/complaints?q=%ED%A0%80').set(t.auth('inspector-a1'));
    expect(surrogateQuery.status).toBeLessThan(500);
  });

  it('other content types, null, arrays, strings and empty bodies are 4xx', async () => {
    const text = await unchanged(() => t.http.post('/public/complaints').set('Content-Type', 'text/plain').send(JSON.stringify(valid)));
    expect(text).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const xml = await unchanged(() => t.http.post('/public/complaints').set('Content-Type', 'application/xml').send('<a/>'));
    expect(xml.status).toBe(415);
    for (const raw of ['null', '[]', '[{"category":"fees"}]', '"fees"', '12', '', '{"category":"fees","description":1e400}']) {
      const res = await unchanged(() => json(raw));
      expect([res.status, raw]).toEqual([400, raw]);
      expect(res.code).toMatch(/^(VALIDATION|MALFORMED_JSON)$/);
    }
  });

  it('a body sent to a route that takes none is refused, not ignored while the action runs', async () => {
    t.clock.advance(60 * 60_000); // past the public form's rate limit used up above
    const { ticketId } = await submitPublic(t);
    await step(t, 'inspector-a1', ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    const extra = await unchanged(() =>
      t.http.post(`/complaints/${ticketId}/acknowledge`).set(t.auth('hospital-a1-1')).send({ note: 'x' }),
    );
    expect(extra).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: 'note', rule: 'whitelistValidation' }] });
    const array = await unchanged(() => t.http.post(`/complaints/${ticketId}/acknowledge`).set(t.auth('hospital-a1-1')).send([]));
    expect(array).toMatchObject({ status: 400, fields: [{ field: 'body', rule: 'noBody' }] });
    expect((await t.http.post(`/complaints/${ticketId}/acknowledge`).set(t.auth('hospital-a1-1'))).status).toBe(200);
  });

  it('a query sent to a route that takes none is refused, not ignored as if it filtered', async () => {
    const unfiltered = await t.http.get('/public/institutions?q=第一');
    expect(unfiltered.status).toBe(400);
    expect(unfiltered.body.fields).toEqual([{ field: 'q', rule: 'whitelistValidation', message: '字段 q 是不允许提交的字段' }]);
    expect((await t.http.get('/public/institutions')).status).toBe(200);
    // A route that names its query keys (@Query('institutionId')) takes those and refuses the rest.
    const admin = t.auth('admin');
    expect((await t.http.get('/directory/staff?institutionId=hosp-a1-1').set(admin)).status).toBe(200);
    const extra = await t.http.get('/directory/staff?institutionId=hosp-a1-1&page=2').set(admin);
    expect(extra.status).toBe(400);
    expect(extra.body.fields).toEqual([expect.objectContaining({ field: 'page', rule: 'whitelistValidation' })]);
    // A command without a query DTO refuses one too, and writes nothing.
    const command = await unchanged(() =>
      t.http
        .post('/visits?dryRun=1')
        .set(t.auth('inspector-a1'))
        .send({ kind: 'routine', institutionId: 'hosp-a1-1', plannedDate: '2026-03-03' }),
    );
    expect(command).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: 'dryRun', rule: 'whitelistValidation' }] });
  });

  it('a missing field is refused for being required, a wrong kind for its kind, an impossible day as none', async () => {
    const inspector = t.auth('inspector-a1');
    const missing = await unchanged(() => t.http.post('/visits').set(inspector).send({ kind: 'routine', plannedDate: '2026-03-03' }));
    expect(missing).toEqual({ status: 400, code: 'VALIDATION', fields: [{ field: 'institutionId', rule: 'isNotEmpty' }] });
    const number = await unchanged(() =>
      t.http.post('/visits').set(inspector).send({ kind: 'routine', institutionId: 5, plannedDate: '2026-03-03' }),
    );
    expect(number.fields).toEqual([{ field: 'institutionId', rule: 'isString' }]);
    const zh = await t.http.get('/visits?from=2026-02-30').set(inspector);
    expect(zh.status).toBe(400);
    expect(zh.body.fields).toEqual([
      { field: 'from', rule: 'isCalendarDay', message: '字段 from 不是日历上存在的日期（所在月份没有这一天）' },
    ]);
    expect((await t.http.get('/visits?from=2024-02-29').set(inspector)).status).toBe(200);
  });
});
