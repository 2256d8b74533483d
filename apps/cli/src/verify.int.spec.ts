import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '@bihuan/core';
import { EventToAppend, SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { CliIo } from './cli-command';
import { runCli } from './run-cli';

function event(id: string, type: string, data: object): EventToAppend {
  return {
    type,
    data,
    metadata: {
      eventId: id,
      correlationId: 'c-1',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('cli verify on a real SQLite file', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-verify-'));
    file = join(dir, 'bihuan.sqlite');
    const store = SqliteEventStore.open({ file, clock: new FakeClock() });
    await store.append(
      'finding-1',
      [event('e-1', 'FindingOpened', { title: 'dirty ward' }), event('e-2', 'FindingAssigned', { to: 'h-1' })],
      'no_stream',
    );
    await store.append('complaintTicket-7', [event('e-3', 'ComplaintSubmitted', { text: 'rude' })], 'no_stream');
    await store.append('finding-1', [event('e-4', 'FindingRectified', { by: 'h-1' })], 1);
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tamper = (sql: string): void => {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  };

  it('reports an intact log with exit 0 and, with --json, a JSON summary and no progress', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], io)).toBe(0);
    const summary = JSON.parse(io.stdout.join('\n'));
    expect(summary).toMatchObject({
      ok: true,
      store: 'sqlite',
      location: file,
      streams: 2,
      events: 4,
      headsChecked: true,
      continuityChecked: true,
      firstBreak: null,
    });
    expect(summary.lastHash).toMatch(/^[0-9a-f]{64}$/);
    expect(io.stderr).toEqual([]);
  });

  it('verifies one stream with --stream (DATA_DIR from the environment)', async () => {
    const io = captureIo({ DATA_DIR: dir });
    expect(await runCli(['verify', '--stream', 'finding-1', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ ok: true, stream: 'finding-1', streams: 1, events: 3 });
  });

  it("exits 1 naming the event whose data was changed behind the store's back", async () => {
    tamper(`UPDATE events SET data = '{"to":"h-2"}' WHERE event_id = 'e-2'`);
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({
      streamName: 'finding-1',
      revision: 1,
      eventId: 'e-2',
      problem: 'content',
    });
    expect(io.stderr.join('\n')).toMatch(/完整性校验未通过：流 finding-1 第 1 版（位置 \d+，事件 e-2）内容被改动（content）/);
  });

  it("exits 1 when the log's newest event was deleted (last position below sqlite_sequence)", async () => {
    tamper(`DELETE FROM events WHERE event_id = 'e-4'`);
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({ streamName: '', position: 4, problem: 'missing' });
    expect(io.stderr.join('\n')).toMatch(/完整性校验未通过：位置 4 事件缺失（missing）— .*newest event was deleted/);
  });

  it("exits 1 when a stream's last event was deleted (gap in the positions)", async () => {
    tamper(`DELETE FROM events WHERE event_id = 'e-3'`); // complaintTicket-7's only event, position 3
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], io)).toBe(1);
    const summary = JSON.parse(io.stdout.join('\n'));
    expect(summary).toMatchObject({
      continuityChecked: true,
      firstBreak: { streamName: 'finding-1', eventId: 'e-4', position: 4, problem: 'missing' },
    });
    expect(summary.firstBreak.detail).toContain('position 3 is missing');
  });

  it('exits 1 when an event in the middle was deleted', async () => {
    tamper(`DELETE FROM events WHERE event_id = 'e-2'`);
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({ streamName: 'finding-1', eventId: 'e-4', problem: 'missing' });
  });

  it('exits 2 when there is no store in the data directory', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', join(dir, 'nowhere')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('处没有事件日志');
  });

  it('without --json prints a Chinese summary on stdout and progress lines on stderr (not a terminal)', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/：完整，2 个流、4 个事件的 SM3 哈希链无误（流头一致、位置连续）/);
    expect(io.stderr).toEqual([
      expect.stringMatching(/^校验事件（按日志位置） 4\/4（100%），每秒 \d+$/),
      expect.stringMatching(/^校验事件（按日志位置） 4\/4（100%），每秒 \d+，完成$/),
    ]);
    const quiet = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--quiet'], quiet)).toBe(0);
    expect(quiet.stderr).toEqual([]);
  });

  it('a stream the log does not have is an error naming it (exit 2), not an empty success', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--stream', 'finding-404', '--json'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('日志中没有流 finding-404');
    expect(io.stdout).toEqual([]);
  });

  it('lists the commands with help, and refuses unknown ones with a suggestion', async () => {
    const help = captureIo();
    expect(await runCli([], help)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/verify\s+校验日志的 SM3 哈希链/);
    const unknown = captureIo();
    expect(await runCli(['verfy'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('未知命令 verfy，是否想输入 verify？');
  });
});
