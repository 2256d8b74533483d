import { createTestApp, TestApp } from '../../testing/test-app';
import { checkAudit } from '../../testing/access-matrix/matrix-audit';
import { checkReads } from '../../testing/access-matrix/matrix-reads';
import { Violations } from '../../testing/access-matrix/matrix-report';
import { declaredRoutes, DeclaredRoute, openApiKeys } from '../../testing/access-matrix/matrix-routes';
import { seedAll } from '../../testing/access-matrix/matrix-seed';
import { Row, TABLE } from '../../testing/access-matrix/matrix-table';
import { checkWrites } from '../../testing/access-matrix/matrix-writes';

/**
 * Issue 11, part 7: role × route × scope, generated from the OpenAPI of the real app. One seeded app;
 * reads (routes, then every stream on the audit routes) before the refused writes, so the seed is
 * intact while it is read. Fails once, with every violation.
 */
describe('access matrix (every route × role × scope target)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('refuses what the declaration refuses, answers what it allows, and leaks no marker anywhere', async () => {
    const v = new Violations();
    const declared = declaredRoutes(t.app);
    const routes: [DeclaredRoute, Row][] = [];
    for (const key of openApiKeys(t.app)) {
      const row = TABLE[key];
      const route = declared.get(key);
      if (!row) v.add('route-without-matrix-row', `${key}: add its row to matrix-table.ts`);
      else if (!route) v.add('route-not-found-by-reflector', key);
      else routes.push([route, row]);
    }
    const seed = await seedAll(t);
    const audit = await checkAudit(t, seed, routes, v);
    const reads = await checkReads(t, seed, routes, v);
    const writes = await checkWrites(t, seed, routes, v);
    expect(audit + reads + writes).toBeGreaterThan(1000);
    // The scan must see permitted markers in every kind of answer, or a leak there would go unseen.
    expect([...v.seenIn].sort()).toEqual(['csv', 'docx', 'html', 'json', 'xlsx']);
    if (v.list.length > 0) throw new Error(v.report());
  }, 900_000); // a cap for shared, loaded machines; idle it takes about a minute
});
