import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { PLATFORM_MIGRATIONS, sqliteFileOf } from '@bihuan/platform';
import { ACCESS_LOG_MIGRATIONS, PersonalDataCipher, SqlAccessLog, SqlSubjectKeyStore } from '@bihuan/privacy';
import { runCli } from '../run-cli';

/** `npm run cli -- erase <subject> --reason …` against a real DATA_DIR (keys.sqlite + bihuan.sqlite, as the API leaves them). */
describe('complaints: erase from the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-erase-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), env: {} } };
  };

  it('deletes the key, records the erasure, and leaves a log that still verifies', async () => {
    const clock = new SystemClock();
    const keys = await SqlSubjectKeyStore.open({ dataDir: dir, url: null, clock });
    const ciphertext = await new PersonalDataCipher(keys).encrypt('subj-cli-1', { name: '赵六', phone: '13900000000' });
    await keys.close();
    const store = await SqliteEventStore.open({ file: sqliteFileOf({ dataDir: dir }), clock });
    await store.append(
      'complaintTicket-cli-1',
      [
        {
          type: 'ComplaintReceived',
          data: { ticketId: 'cli-1', complainant: { kind: 'named', subjectId: 'subj-cli-1', identityCiphertext: ciphertext } },
          metadata: {
            eventId: 'e-1',
            correlationId: 'c-1',
            causationId: null,
            actor: { id: 'public', role: 'public', unit: 'public' },
            occurredAt: clock.now().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    await store.close();

    const notStarted = io();
    expect(await runCli(['erase', 'subj-cli-1', '--reason', 'x', '--data-dir', dir], notStarted.io)).toBe(2);
    expect(notStarted.err.join('\n')).toContain('中没有访问日志');
    // What the API's start does to the read-model database (the access log is among its migrations).
    const started = openSqliteDatabase({ file: sqliteFileOf({ dataDir: dir }) });
    await migrateToLatest(started, [...PLATFORM_MIGRATIONS, ACCESS_LOG_MIGRATIONS]);
    await started.close();

    const usage = io();
    expect(await runCli(['erase', 'subj-cli-1', '--data-dir', dir], usage.io)).toBe(2);
    expect(usage.err.join('\n')).toContain('缺少必填选项 --reason');

    const run = io();
    expect(await runCli(['erase', 'subj-cli-1', '--reason', 'Request 2025-018', '--data-dir', dir, '--by', 'ops', '--json'], run.io)).toBe(
      0,
    );
    expect(JSON.parse(run.out.join('\n'))).toMatchObject({
      subjectId: 'subj-cli-1',
      outcome: 'erased',
      erasure: { reason: 'Request 2025-018', erasedBy: { id: 'cli:ops', role: 'admin' } },
    });

    const reopened = await SqlSubjectKeyStore.open({ dataDir: dir, url: null, clock });
    expect(await new PersonalDataCipher(reopened).decrypt('subj-cli-1', ciphertext)).toEqual({ erased: true });
    await reopened.close();
    const readModels = openSqliteDatabase({ file: sqliteFileOf({ dataDir: dir }) });
    const log = new SqlAccessLog(readModels);
    expect(await log.list({ subjectId: 'subj-cli-1', action: 'erase' })).toMatchObject([
      { outcome: 'granted', purpose: 'Request 2025-018' },
    ]);
    await readModels.close();

    const unknown = io();
    expect(await runCli(['erase', 'subj-nobody', '--reason', 'x', '--data-dir', dir], unknown.io)).toBe(1);
    expect(unknown.err.join('\n')).toContain('PRIVACY.SUBJECT_NOT_FOUND');
    expect(await runCli(['verify', '--data-dir', dir], io().io)).toBe(0);
  });
});
