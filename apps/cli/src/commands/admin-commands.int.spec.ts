import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TokenService } from '@bihuan/auth';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { CalendarService, PLATFORM_MIGRATIONS, readStreamStats, signingKeyFileOf, streamStatsProjection } from '@bihuan/platform';
import { ProjectionRunner } from '@bihuan/processing';
import { FakeClock } from '@bihuan/testing';
import { CliIo } from '../cli-command';
import { runCli } from '../run-cli';

function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const year2027 = { year: 2027, source: '国办发明电〔2026〕test', holidays: { '2027-01-01': '元旦' }, makeupWorkdays: {} };

describe('cli token, calendar import and rebuild on a temp DATA_DIR', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('token: mints a token the api accepts (JWT_SECRET, else the key generated in DATA_DIR), with --expires', async () => {
    const secret = 'a-secret-of-at-least-32-characters';
    const io = captureIo({ DATA_DIR: dir, JWT_SECRET: secret, DIRECTORY_SEED: 'demo' });
    expect(await runCli(['token', 'inspector-a1', '--expires', '30m'], io)).toBe(0);
    const token = io.stdout.join('').trim();
    expect(await new TokenService({ kind: 'secret', secret }).verify(token)).toEqual({
      id: 'inspector-a1',
      role: 'inspector',
      unit: 'county-a1',
      name: '赵监督员',
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBe(1800);

    const generated = captureIo({ DATA_DIR: dir });
    expect(await runCli(['token', 'admin'], generated)).toBe(0);
    const key = readFileSync(signingKeyFileOf({ dataDir: dir }), 'utf8').trim();
    expect(statSync(signingKeyFileOf({ dataDir: dir })).mode & 0o777).toBe(0o600);
    expect((await new TokenService({ kind: 'secret', secret: key }).verify(generated.stdout.join('').trim())).role).toBe('admin');
  });

  it('token: without DIRECTORY_SEED=demo, the directory holds only the root administrator, never the demo users', async () => {
    const list = captureIo({ DATA_DIR: dir, DIRECTORY_ROOT_NAME: '某省卫生健康委员会' });
    expect(await runCli(['token', '--list'], list)).toBe(0);
    expect(list.stdout).toEqual([expect.stringMatching(/^admin\s+admin\s+root\s+系统管理员$/)]);
    const demo = captureIo({ DATA_DIR: dir });
    expect(await runCli(['token', 'inspector-a1'], demo)).toBe(2);
    expect(demo.stderr.join('\n')).toContain('Unknown user "inspector-a1" (known: admin)');
    const admin = captureIo({ DATA_DIR: dir });
    expect(await runCli(['token', 'admin'], admin)).toBe(0);
    const key = readFileSync(signingKeyFileOf({ dataDir: dir }), 'utf8').trim();
    expect(await new TokenService({ kind: 'secret', secret: key }).verify(admin.stdout.join('').trim())).toEqual({
      id: 'admin',
      role: 'admin',
      unit: 'root',
      name: '系统管理员',
    });
  });

  it('token: refuses an --expires beyond JWT_MAX_LIFETIME', async () => {
    const io = captureIo({ DATA_DIR: dir, JWT_MAX_LIFETIME: '3600' });
    expect(await runCli(['token', 'admin', '--expires', '2h'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('JWT_MAX_LIFETIME (3600 s)');
  });

  it('token: --list lists the demo users; an unknown user or a bad --expires is refused', async () => {
    const list = captureIo({ DATA_DIR: dir, DIRECTORY_SEED: 'demo' });
    expect(await runCli(['token', '--list'], list)).toBe(0);
    expect(list.stdout.join('\n')).toMatch(/hospital-a1-1\s+hospital\s+hosp-a1-1/);
    const unknown = captureIo({ DATA_DIR: dir });
    expect(await runCli(['token', 'mallory'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('Unknown user "mallory"');
    const bad = captureIo({ DATA_DIR: dir });
    expect(await runCli(['token', 'admin', '--expires', 'forever'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toContain('--expires must be a duration');
  });

  it('calendar import: records the year in the configured store and prints the new version', async () => {
    const file = join(dir, 'cn-2027.json');
    writeFileSync(file, JSON.stringify(year2027));
    const io = captureIo({ DATA_DIR: dir });
    expect(await runCli(['calendar', 'import', file, '--json'], io)).toBe(0);
    const result = JSON.parse(io.stdout.join('')) as { year: number; version: string };
    expect(result.year).toBe(2027);
    expect(result.version).toMatch(/\+2027@[0-9a-f]{12}$/);
    const clock = new FakeClock();
    const store = SqliteEventStore.open({ file: join(dir, 'bihuan.sqlite'), clock });
    const calendar = await new CalendarService(store, clock).current();
    expect(calendar.version).toBe(result.version);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    await store.close();
  });

  it('calendar import: a malformed file exits 1 naming the field and records nothing', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...year2027, holidays: { '2027-02-30': '不存在' } }));
    const io = captureIo({ DATA_DIR: dir });
    expect(await runCli(['calendar', 'import', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('holidays.2027-02-30');
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{"year": 2027,');
    const io2 = captureIo({ DATA_DIR: dir });
    expect(await runCli(['calendar', 'import', notJson], io2)).toBe(1);
    expect(io2.stderr.join('\n')).toMatch(/无法读取 .*broken\.json/);
    const store = SqliteEventStore.open({ file: join(dir, 'bihuan.sqlite'), clock: new FakeClock() });
    expect(await store.readStream('calendar-cn')).toEqual([]);
    await store.close();
  });

  it('rebuild: builds the read model aside and swaps it in while the worker keeps projecting into the live one', async () => {
    const file = join(dir, 'bihuan.sqlite');
    const store = SqliteEventStore.open({ file, clock: new FakeClock() });
    const meta = (id: string): EventToAppend['metadata'] => ({
      eventId: id,
      correlationId: 'c',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    });
    await store.append(
      'finding-1',
      [
        { type: 'FindingOpened', data: {}, metadata: meta('e1') },
        { type: 'FindingAssigned', data: {}, metadata: meta('e2') },
      ],
      'no_stream',
    );
    const db = new Database(file);
    const database = openSqliteDatabase({ file: db });
    await migrateToLatest(database, PLATFORM_MIGRATIONS);
    const stats = streamStatsProjection(database);
    const worker = new ProjectionRunner(store, stats, { checkpoints: stats.checkpoints });
    await worker.start();
    await worker.caughtUpTo((await store.headPosition())!);
    // A stale row the rebuild must replace (as if written by older projection code).
    db.prepare("UPDATE stream_stats SET events = 99 WHERE category = 'finding'").run();

    const list = captureIo({ DATA_DIR: dir });
    expect(await runCli(['rebuild', '--list'], list)).toBe(0);
    expect(list.stdout).toEqual(expect.arrayContaining(['pendingDeadlines', 'stream-stats']));
    const io = captureIo({ DATA_DIR: dir });
    expect(await runCli(['rebuild', 'stream-stats', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toEqual({ projection: 'stream-stats', position: 2, rows: { stream_stats: 1 }, swapped: true });
    expect(await readStreamStats(database)).toEqual([
      expect.objectContaining({ category: 'finding', streams: 1, events: 2, lastPosition: 2 }),
    ]);

    await store.append('finding-1', [{ type: 'FindingClosed', data: {}, metadata: meta('e3') }], 1);
    await worker.caughtUpTo(3);
    await worker.stop();
    expect(await readStreamStats(database)).toEqual([
      expect.objectContaining({ category: 'finding', streams: 1, events: 3, lastPosition: 3 }),
    ]);

    // Every projection the worker runs declares tables its factory creates, so each can be swapped.
    for (const name of list.stdout) {
      const each = captureIo({ DATA_DIR: dir });
      expect(await runCli(['rebuild', name, '--json'], each)).toBe(0);
      expect(JSON.parse(each.stdout.join(''))).toMatchObject({ projection: name, swapped: true });
    }

    const unknown = captureIo({ DATA_DIR: dir });
    expect(await runCli(['rebuild', 'nope'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('未知读模型 nope');
    const typo = captureIo({ DATA_DIR: dir });
    expect(await runCli(['rebuild', 'stream-stat'], typo)).toBe(2);
    expect(typo.stderr.join('\n')).toContain('是否想输入 stream-stats？');
    const shown = captureIo({ DATA_DIR: dir });
    expect(await runCli(['rebuild', 'stream-stats'], shown)).toBe(0);
    expect(shown.stdout.join('')).toMatch(/^读模型 stream-stats 已重建并替换（重放到日志位置 3；stream_stats 1 行）$/);
    expect(shown.stderr.join('\n')).toMatch(/重建 stream-stats：已重放到日志位置 3\/3（100%），每秒 \d+，完成/);
    db.close();
    await store.close();
  });
});
