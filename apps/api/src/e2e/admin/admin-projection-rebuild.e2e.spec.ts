import { ProjectionRebuilds } from '@bihuan/app';
import { createTestApp, TestApp } from '../../testing/test-app';

type Rebuild = { projection: string; state: string; position: number | null; rows: Record<string, number> | null; error: string | null };

/** Asks GET /admin/projections until the rebuild of `name` has finished (bounded: a hang fails, time is not measured). */
async function finished(t: TestApp, name: string): Promise<Rebuild> {
  for (let i = 0; i < 400; i += 1) {
    const res = await t.http.get('/admin/projections').set(t.auth('admin')).expect(200);
    const rebuild = (res.body.rebuilds as Rebuild[]).find((r) => r.projection === name);
    if (rebuild && rebuild.state !== 'running') return rebuild;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`The rebuild of ${name} did not finish`);
}

/**
 * POST /admin/projections/{name}/rebuild: the CLI's rebuild aside over HTTP, run in the background
 * of the API process (issue 21). Refusals name what is wrong and start nothing.
 */
describe('rebuilding a read model over HTTP', () => {
  describe('on the embedded read-model file', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ fileReadModels: true });
      await t.settle();
    });
    afterAll(() => t.close());

    it('answers 202 at once, rebuilds aside and swaps the new generation in, while the API keeps answering', async () => {
      const before = t.readModels.prepare('SELECT count(*) AS n FROM stream_stats').get() as { n: number };
      expect(before.n).toBeGreaterThan(0);
      const started = await t.http.post('/admin/projections/stream-stats/rebuild').set(t.auth('admin')).expect(202);
      expect(started.body).toMatchObject({
        projection: 'stream-stats',
        state: 'running',
        startedBy: { id: 'admin', role: 'admin' },
        head: await t.store.headPosition(),
        finishedAt: null,
        error: null,
      });
      await t.http.get('/directory/units').set(t.auth('admin')).expect(200);
      const done = await finished(t, 'stream-stats');
      expect(done).toMatchObject({
        state: 'swapped',
        position: await t.store.headPosition(),
        rows: { stream_stats: before.n },
        error: null,
      });
      const after = t.readModels.prepare('SELECT count(*) AS n FROM stream_stats').get() as { n: number };
      expect(after.n).toBe(before.n);
      const projections = await t.http.get('/admin/projections').set(t.auth('admin')).expect(200);
      expect(projections.body.projections).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'stream-stats', checkpoint: await t.store.headPosition(), rebuildable: true }),
          expect.objectContaining({ name: 'workflow.deadlineTimers', rebuildable: false }),
        ]),
      );
    });

    it('refuses a second rebuild of the same read model while one runs (they would share the scratch file)', async () => {
      const rebuilds = t.app.get(ProjectionRebuilds);
      const first = rebuilds.start('pendingDeadlines', { id: 'admin', role: 'admin', unit: 'prov' });
      await expect(rebuilds.start('pendingDeadlines', { id: 'admin', role: 'admin', unit: 'prov' })).rejects.toMatchObject({
        code: 'ADMIN.REBUILD_RUNNING',
      });
      expect((await first).state).toBe('running');
      expect((await finished(t, 'pendingDeadlines')).state).toBe('swapped');
    });
  });

  describe('refusals', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('names an unknown read model and lists the ones that can be rebuilt', async () => {
      const res = await t.http.post('/admin/projections/no-such-model/rebuild').set(t.auth('admin')).expect(404);
      expect(res.body.code).toBe('ADMIN.UNKNOWN_PROJECTION');
      expect(res.body.message).toContain('没有名为 no-such-model 的读模型');
      expect(res.body.message).toContain('stream-stats');
    });

    it('refuses a workflow and an in-memory read-model database in Chinese, starting nothing', async () => {
      const workflow = await t.http.post('/admin/projections/workflow.deadlineTimers/rebuild').set(t.auth('admin')).expect(409);
      expect(workflow.body).toMatchObject({ code: 'ADMIN.REBUILD_REFUSED' });
      expect(workflow.body.message).toContain('这是流程');
      const memory = await t.http.post('/admin/projections/stream-stats/rebuild').set(t.auth('admin')).expect(409);
      expect(memory.body.message).toContain('读模型数据库在内存中');
      const listed = (await t.http.get('/admin/projections').set(t.auth('admin')).expect(200)).body;
      expect(listed.rebuilds).toEqual([]);
      expect(listed.projections.filter((p: { rebuildable: boolean }) => p.rebuildable)).toEqual([]);
    });

    it('is for the root unit’s admins only', async () => {
      const leader = await t.http.post('/admin/projections/stream-stats/rebuild').set(t.auth('leader-prov')).expect(403);
      expect(leader.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      expect((await t.http.post('/admin/projections/stream-stats/rebuild').expect(401)).body.code).toBe('AUTH.MISSING_TOKEN');
    });
  });
});
