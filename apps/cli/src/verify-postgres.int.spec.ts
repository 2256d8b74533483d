import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore } from '@bihuan/event-store';
import { createTestPostgresDatabase, FakeClock, TestPostgresDatabase, testEvents } from '@bihuan/testing';
import { CliIo } from './cli-command';
import { runCli } from './run-cli';

function captureIo(env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** `verify` opens the log through openEventStore: with POSTGRES_URL set (and no ESDB_URL) that is PostgreSQL. */
describe('cli verify on a PostgreSQL log', () => {
  let db: TestPostgresDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestPostgresDatabase('cli_verify');
    const store = await PostgresEventStore.connect({ url: db.url, clock: new FakeClock(), listen: false });
    await store.append('finding-1', testEvents(3), 'no_stream');
    await store.append('complaintTicket-7', testEvents(1), 'no_stream');
    await store.close();
    dir = mkdtempSync(join(tmpdir(), 'bihuan-verify-pg-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('reports an intact log with exit 0, then names an edited event with exit 1', async () => {
    const io = captureIo({ POSTGRES_URL: db.url, DATA_DIR: dir });
    expect(await runCli(['verify', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ store: 'postgres', location: db.url, ok: true, streams: 2, events: 4 });

    const intruder = new Client({ connectionString: db.url });
    await intruder.connect();
    await intruder.query(`UPDATE eventlog.events SET data = '{"n":9}' WHERE stream = 'finding-1' AND revision = 1`);
    await intruder.end();
    const tampered = captureIo({ POSTGRES_URL: db.url, DATA_DIR: dir });
    expect(await runCli(['verify', '--json'], tampered)).toBe(1);
    expect(JSON.parse(tampered.stdout.join('\n'))).toMatchObject({
      store: 'postgres',
      ok: false,
      firstBreak: { streamName: 'finding-1', revision: 1, problem: 'content' },
    });
  });
});
