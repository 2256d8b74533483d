import { createTestApp, TestApp } from '../../testing/test-app';
import { createOpenApiDocument } from '@bihuan/app';
import { generateBodies, Schema } from './fuzz-bodies';
import { generateMultipartBodies } from './fuzz-multipart';
import { routeAccess, seedCases, USER_OF_ROLE } from './fuzz-seed';

/**
 * Every write route in the OpenAPI (public ones included) gets generated, invalid bodies with a
 * token of a permitted role: none may answer 5xx, every answer is a 4xx with a `code`, and the log
 * is untouched. A new route is fuzzed without editing this file.
 */
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const PER_ROUTE = 36;
const MIN_BODIES = 2000;

interface Operation {
  readonly operationId: string;
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
  readonly parameters?: readonly { name: string; in: string }[];
}

describe('fuzz: generated invalid bodies on every write route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers every one with a 4xx and a code, and writes nothing', async () => {
    const param = await seedCases(t);
    const doc = createOpenApiDocument(t.app);
    const components = (doc.components?.schemas ?? {}) as Record<string, Schema>;
    const access = routeAccess(t);
    const offenders: string[] = [];
    const fuzzed = new Map<string, number>();
    let sent = 0;
    await t.settle();
    const head = await t.store.headPosition();
    let seed = 11;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of WRITE_METHODS) {
        const op = (item as Record<string, Operation | undefined>)[method];
        if (!op) continue;
        const route = `${method.toUpperCase()} ${path}`;
        const who = access.get(op.operationId);
        if (!who) throw new Error(`no controller metadata for ${route} (${op.operationId})`);
        const user = who.isPublic ? null : USER_OF_ROLE[who.roles?.[0] ?? 'inspector']!;
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(param(path, name)));
        const schema = op.requestBody?.content?.['application/json']?.schema ?? null;
        // An upload route (@FileUpload) takes a multipart form: it gets broken forms instead.
        const upload = op.requestBody?.content?.['multipart/form-data'] !== undefined;
        const bodies = upload ? generateMultipartBodies(seed++, PER_ROUTE) : generateBodies(schema, components, seed++, PER_ROUTE);
        for (const body of bodies) {
          // The public routes' rate limit (10/min) would answer 429 before validation; a minute's
          // tokens per body lets every one reach the checks under test. No timer fires on its own.
          if (who.isPublic) t.clock.advance(6_000);
          let req = t.http[method](url).set('Content-Type', body.contentType);
          if (user) req = req.set(t.auth(user));
          const res = await req.send(body.payload);
          sent++;
          const code: unknown = res.body?.code;
          if (res.status < 400 || res.status >= 500 || typeof code !== 'string') {
            offenders.push(
              `${route} as ${user ?? 'public'} [${body.label}] ${body.payload.slice(0, 100)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          }
        }
        fuzzed.set(route, (fuzzed.get(route) ?? 0) + 1);
      }
    }
    await t.settle();
    expect(offenders).toEqual([]);
    expect(await t.store.headPosition()).toBe(head);
    expect(sent).toBeGreaterThanOrEqual(MIN_BODIES);
    const writeRoutes = Object.entries(doc.paths).flatMap(([path, item]) =>
      WRITE_METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect([...fuzzed.keys()].sort()).toEqual(writeRoutes.sort());
    expect(writeRoutes.length).toBeGreaterThan(50);
  }, 300_000); // every write route × several bodies: a cap for shared, loaded machines
});
