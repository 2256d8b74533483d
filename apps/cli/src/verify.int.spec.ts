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

  it('reports an intact log with exit 0 and a JSON summary', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(0);
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
    expect(await runCli(['verify', '--stream', 'finding-1'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ ok: true, stream: 'finding-1', streams: 1, events: 3 });
  });

  it("exits 1 naming the event whose data was changed behind the store's back", async () => {
    tamper(`UPDATE events SET data = '{"to":"h-2"}' WHERE event_id = 'e-2'`);
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({
      streamName: 'finding-1',
      revision: 1,
      eventId: 'e-2',
      problem: 'content',
    });
    expect(io.stderr.join('\n')).toMatch(/Integrity check failed at stream finding-1 revision 1 \(position \d+, event e-2\): content/);
  });

  it("exits 1 when the log's newest event was deleted (last position below sqlite_sequence)", async () => {
    tamper(`DELETE FROM events WHERE event_id = 'e-4'`);
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({ streamName: '', position: 4, problem: 'missing' });
    expect(io.stderr.join('\n')).toMatch(/Integrity check failed at position 4: missing — .*newest event was deleted/);
  });

  it("exits 1 when a stream's last event was deleted (gap in the positions)", async () => {
    tamper(`DELETE FROM events WHERE event_id = 'e-3'`); // complaintTicket-7's only event, position 3
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(1);
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
    expect(await runCli(['verify', '--data-dir', dir], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).firstBreak).toMatchObject({ streamName: 'finding-1', eventId: 'e-4', problem: 'missing' });
  });

  it('exits 2 when there is no store in the data directory', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', join(dir, 'nowhere')], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('No event store at');
  });

  it('lists the commands with help, and refuses unknown ones', async () => {
    const help = captureIo();
    expect(await runCli([], help)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/verify\s+Check the hash chain/);
    const unknown = captureIo();
    expect(await runCli(['frobnicate'], unknown)).toBe(2);
    expect(unknown.stderr.join('\n')).toContain('Unknown command "frobnicate"');
  });
});
