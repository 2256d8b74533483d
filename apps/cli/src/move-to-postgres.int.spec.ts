import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, SqliteEventStore, verifyStore } from '@bihuan/event-store';
import { openReadModels, sqliteFileOf } from '@bihuan/platform';
import { openPrivacyDatabase, SqlAccessLog, SqlSubjectKeyStore } from '@bihuan/privacy';
import { READ_MODEL_MIGRATIONS } from '@bihuan/app';
import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { CliIo } from './cli-command';
import { runCli } from './run-cli';

function captureIo(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const leader = { id: 'leader-prov', role: 'leader', unit: 'prov' } as const;

/**
 * Issue 15, item 5: an embedded installation moves to PostgreSQL with one command — the log with
 * every chain and recorded time unchanged, the access log still verifying, the keys in schema
 * `privacy` — and a second move into the filled database is refused.
 */
describe('cli move-to-postgres', () => {
  let pg: TestPostgresDatabase;
  let dir: string;
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');

  beforeAll(async () => {
    pg = await createTestPostgresDatabase('move');
    dir = mkdtempSync(join(tmpdir(), 'bihuan-move-'));
    const config = { dataDir: dir, postgresUrl: null, sqliteSynchronous: 'FULL' as const };
    const store = SqliteEventStore.open({ file: sqliteFileOf(config), clock });
    for (let i = 0; i < 30; i += 1) {
      await store.append(`finding-${i % 7}`, testEvents(3), i < 7 ? 'no_stream' : 'any');
      clock.advance(60_000);
    }
    await store.close();
    const readModels = await openReadModels(config, READ_MODEL_MIGRATIONS);
    const accessLog = new SqlAccessLog(readModels);
    for (const i of [1, 2, 3])
      await accessLog.record({
        at: `2025-03-04T0${i}:00:00.000Z`,
        reader: leader,
        action: 'reveal',
        subjectId: `s-${i}`,
        caseStream: 'complaintTicket-1',
        purpose: '回访',
        outcome: 'granted',
      });
    await readModels.close();
    const keys = await SqlSubjectKeyStore.open({ dataDir: dir, url: null, clock });
    await keys.create('s-1');
    await keys.close();
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pg.drop();
  });

  it('moves the log, the access log and the keys, and the moved installation verifies', async () => {
    const io = captureIo({ POSTGRES_URL: pg.url, DATA_DIR: dir });
    expect(await runCli(['move-to-postgres', '--json'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual({
      events: 90,
      rows: { access_log: 3, access_log_head: 1, dead_letters: 0, subject_keys: 1 },
    });

    const source = SqliteEventStore.open({ file: sqliteFileOf({ dataDir: dir }), clock });
    const target = await PostgresEventStore.connect({ url: pg.url, clock, listen: false });
    try {
      const [before, after] = [await source.readAll(), await target.readAll()];
      const shape = (e: (typeof before)[number]) => [
        e.streamName,
        e.revision,
        e.type,
        e.metadata.eventId,
        e.metadata.recordedAt,
        (e.metadata as { hash?: string }).hash,
      ];
      expect(after.map(shape)).toEqual(before.map(shape));
      expect(await verifyStore(target)).toMatchObject({ ok: true });
    } finally {
      await source.close();
      await target.close();
    }
    const readModels = await openReadModels({ dataDir: dir, postgresUrl: pg.url, sqliteSynchronous: 'FULL' }, READ_MODEL_MIGRATIONS);
    expect(await new SqlAccessLog(readModels).verify()).toMatchObject({ ok: true, count: 3 });
    await readModels.close();
    const privacy = await openPrivacyDatabase({ dataDir: dir, url: pg.url });
    const keys = new SqlSubjectKeyStore(privacy, clock);
    expect(await keys.get('s-1')).toBeInstanceOf(Buffer);
    await privacy.close();

    const verify = captureIo({ POSTGRES_URL: pg.url, DATA_DIR: dir });
    expect(await runCli(['verify'], verify)).toBe(0);
  });

  it('refuses to move into a database that already holds a log (exit 1), and asks for POSTGRES_URL (exit 2)', async () => {
    const again = captureIo({ POSTGRES_URL: pg.url, DATA_DIR: dir });
    expect(await runCli(['move-to-postgres'], again)).toBe(1);
    expect(again.stderr.join('\n')).toMatch(/目标库已有日志.*already holds 90 events/);
    const noUrl = captureIo({ DATA_DIR: dir });
    expect(await runCli(['move-to-postgres'], noUrl)).toBe(2);
  });
});
