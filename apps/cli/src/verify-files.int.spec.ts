import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evidenceFileOf, INSPECTOR } from '@bihuan/audit';
import { EvidenceFile } from '@bihuan/core';
import { FsBlobStore } from '@bihuan/evidence';
import { SqliteEventStore } from '@bihuan/event-store';
import { filesDirOf } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { CliIo } from './cli-command';
import { runCli } from './run-cli';

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env: {}, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const attached = (id: string, file: EvidenceFile) => ({
  type: 'EvidenceAttached',
  data: { file, step: 'visit', note: null, attachedBy: INSPECTOR.id },
  metadata: {
    eventId: id,
    correlationId: 'c-1',
    causationId: null,
    actor: INSPECTOR,
    occurredAt: '2025-03-03T01:00:00.000Z',
    schemaVersion: 1,
  },
});

describe('cli verify checks the attached files in the blob store (DATA_DIR/files)', () => {
  let dir: string;
  let blobs: FsBlobStore;
  const photo = Buffer.from('a photo of the ward');
  const report = Buffer.from('%PDF-1.4 the rectification report');
  const p = evidenceFileOf(photo, '病房照片.jpg', 'image/jpeg');
  const r = evidenceFileOf(report, '整改报告.pdf', 'application/pdf');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-verify-files-'));
    const store = SqliteEventStore.open({ file: join(dir, 'bihuan.sqlite'), clock: new FakeClock() });
    await store.append('visit-V1', [attached('e-1', p)], 'no_stream');
    await store.append('finding-F1', [attached('e-2', r)], 'no_stream');
    await store.close();
    blobs = new FsBlobStore(filesDirOf({ dataDir: dir }));
    await blobs.putBytes(p.digest, photo);
    await blobs.putBytes(r.digest, report);
  });

  afterEach(async () => {
    await blobs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes with every file intact, counting them', async () => {
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--quiet'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('附件文件 2 个，均存在且与记录一致');
    const json = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join('\n'))).toMatchObject({ ok: true, files: { checked: 2, problems: [] } });
  });

  it('exits 1 naming the case and the file for a deleted and an altered file, the chain itself intact', async () => {
    await blobs.delete(p.digest);
    await blobs.delete(r.digest);
    await blobs.putBytes(r.digest, Buffer.from('%PDF-1.4 a different report'));
    const io = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--quiet'], io)).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(new RegExp(`^文件缺失：案件 visit-V1 第 0 版所附文件「病房照片.jpg」（SM3 ${p.digest}）`)),
      expect.stringMatching(/^文件被改动：案件 finding-F1 第 0 版所附文件「整改报告.pdf」.*现摘要 [0-9a-f]{64}（altered）$/),
    ]);
    expect(io.stdout.join('\n')).toContain('校验未通过');
    expect(io.stdout.join('\n')).toContain('其中 2 个缺失或被改动');
    const json = captureIo();
    expect(await runCli(['verify', '--data-dir', dir, '--json', '--stream', 'finding-F1'], json)).toBe(1);
    const result = JSON.parse(json.stdout.join('\n'));
    expect(result).toMatchObject({ ok: false, firstBreak: null, files: { checked: 1 } });
    expect(result.files.problems).toEqual([expect.objectContaining({ stream: 'finding-F1', name: '整改报告.pdf', status: 'altered' })]);
  });
});
