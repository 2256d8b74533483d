import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig, secureDataDir } from '@bihuan/platform';
import { createApp } from '@bihuan/app';
import { runCli } from '../run-cli';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/**
 * The real app on a temp DATA_DIR (issue 11, parts 1 and 6): the directory ends 0700 and every file
 * the app writes 0600 — whatever the umask of the test runner — and the CLI mints with the signing
 * key the app generated there, so its tokens are accepted.
 */
describe('DATA_DIR on the embedded default', () => {
  let dir: string;
  let app: NestExpressApplication | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-datadir-'));
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('tightens a loose directory and files, and reports each', () => {
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'bihuan.sqlite'), '', { mode: 0o644 });
    chmodSync(join(dir, 'bihuan.sqlite'), 0o644);
    const warnings = secureDataDir({ dataDir: dir });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'bihuan.sqlite'))).toBe(0o600);
    expect(modeOf(join(dir, 'keys.sqlite'))).toBe(0o600);
    expect(warnings).toEqual([
      expect.stringContaining('(mode 755): tightened to 700'),
      expect.stringContaining('(mode 644): tightened to 600'),
    ]);
    expect(secureDataDir({ dataDir: dir })).toEqual([]);
  });

  it('creates log, WAL, keys and signing key 0600 in a 0700 directory; the CLI mints tokens the app accepts', async () => {
    chmodSync(dir, 0o755);
    const config = loadConfig({ DATA_DIR: dir, ROLE: 'api', LOG_LEVEL: 'silent', DIRECTORY_SEED: 'demo' });
    app = await createApp({ config, shutdownHooks: false });
    await app.init();
    const out: string[] = [];
    const err: string[] = [];
    expect(
      await runCli(['token', 'inspector-a1'], {
        env: { DATA_DIR: dir, DIRECTORY_SEED: 'demo' },
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      }),
    ).toBe(0);
    const me = await request(app.getHttpServer())
      .get('/me')
      .set({ Authorization: `Bearer ${out.join('').trim()}` });
    expect(me.status).toBe(200);
    expect(me.body.actor).toMatchObject({ id: 'inspector-a1', role: 'inspector' });

    expect(modeOf(dir)).toBe(0o700);
    for (const file of ['bihuan.sqlite', 'bihuan.sqlite-wal', 'keys.sqlite', 'jwt-signing.key']) {
      expect(existsSync(join(dir, file))).toBe(true);
      expect([file, modeOf(join(dir, file))]).toEqual([file, 0o600]);
    }
  });
});
