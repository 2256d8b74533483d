import { createTestApp, TestApp } from '../../testing/test-app';
import { createOpenApiDocument } from '@bihuan/app';
import { routeAccess, seedCases, USER_OF_ROLE } from './fuzz-seed';

/**
 * Query strings on every read route in the OpenAPI: prototype keys, bracket nesting, repeated
 * parameters (a string turning into an array), huge and odd numbers, lone surrogates. Reads may
 * answer 200 (a value can be legal); they may never answer 5xx, and every error carries a `code`.
 */
const ODD_VALUES = [
  '1e400',
  '-0',
  '99999999999999999999999',
  'NaN',
  '-1',
  '0x10',
  '%ED%A0%80',
  '%F0%9F',
  '',
  'x'.repeat(5000),
  '2025-02-30',
];

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly { name: string; in: string }[];
}

describe('fuzz: hostile query strings on every read route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('never answers 5xx and names every error with a code', async () => {
    const param = await seedCases(t);
    const doc = createOpenApiDocument(t.app);
    const access = routeAccess(t);
    const offenders: string[] = [];
    let sent = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = (item as Record<string, Operation | undefined>)['get'];
      if (!op) continue;
      const who = access.get(op.operationId);
      const user = !who || who.isPublic ? null : USER_OF_ROLE[who.roles?.[0] ?? 'inspector']!;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(param(path, name)));
      const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const queries = ['__proto__[x]=1', '__proto__=1', 'constructor[prototype][x]=1', 'a[b][c]=1', 'toString=1'];
      for (const name of names) {
        queries.push(`${name}=a&${name}=b`, `${name}[]=x`, `${name}[a]=1`);
        for (const value of ODD_VALUES) queries.push(`${name}=${value}`);
      }
      for (const query of queries) {
        let req = t.http.get(`${url}?${query}`);
        if (user) req = req.set(t.auth(user));
        const res = await req;
        sent++;
        const isError = res.status >= 400;
        if (res.status >= 500 || (isError && typeof res.body?.code !== 'string')) {
          offenders.push(
            `GET ${path}?${query.slice(0, 60)} as ${user ?? 'public'} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        }
      }
    }
    for (const path of ['/complaints/%E0%A4%A', '/visits/%ED%A0%80', '/credit/archives/%']) {
      const res = await t.http.get(path).set(t.auth('inspector-a1'));
      sent++;
      if (res.status >= 500 || typeof res.body?.code !== 'string')
        offenders.push(`GET ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(offenders).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  });
});
