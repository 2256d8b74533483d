import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attachEvidence,
  attachmentOf,
  buildDossier,
  CaseHistoryService,
  evidenceFileOf,
  indexedLinkedCase,
  integrityReport,
  INSPECTOR,
  LEADER,
} from '@bihuan/audit';
import { FakeClock } from '@bihuan/testing';
import { CliIo } from '../cli-command';
import { runCli } from '../run-cli';
import { verifyExportFile } from './verify-export';

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env: {}, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('verify --export <dossier file>', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-dossier-'));
    file = join(dir, 'case.html');
    const clock = new FakeClock();
    const { store, ids, index } = await indexedLinkedCase(clock);
    const history = await new CaseHistoryService(store, index).full(ids.ticket);
    const integrity = await integrityReport(store, { streams: history.streams.map((s) => s.stream), now: clock.now().toISOString() });
    writeFileSync(file, buildDossier(history, integrity, LEADER, { generatedAt: clock.now().toISOString() }));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes an untouched dossier, fails an edited one naming the event, and refuses a missing file', async () => {
    const ok = captureIo();
    expect(await verifyExportFile(file, ok)).toBe(0);
    expect(JSON.parse(ok.stdout[0]!)).toMatchObject({ ok: true, root: 'complaintTicket-T1' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"staffId":"S1","recordKind"', '"staffId":"S2","recordKind"'));
    const bad = captureIo();
    expect(await verifyExportFile(file, bad)).toBe(1);
    expect(bad.stderr[0]).toMatch(/案卷校验未通过：流 ethicsArchive-S1 第 0 版.*内容被改动（content）/);
    expect(await verifyExportFile(join(dir, 'none.html'), captureIo())).toBe(2);
  });

  it('through the CLI: `verify --export` exits 1 naming the altered stream, 0 when intact, 2 for a file that is no dossier or is missing', async () => {
    const intact = readFileSync(file, 'utf8');
    writeFileSync(file, intact.replace('"staffId":"S1","recordKind"', '"staffId":"S2","recordKind"'));
    const altered = captureIo();
    expect(await runCli(['verify', '--export', file], altered)).toBe(1);
    expect(altered.stderr.join('\n')).toContain('ethicsArchive-S1');
    writeFileSync(file, intact);
    const ok = captureIo();
    expect(await runCli(['verify', '--export', file], ok)).toBe(0);
    expect(ok.stdout).toEqual([`案卷 ${file}：完整，所有事件的 SM3 哈希与各流的哈希链无误`]);
    writeFileSync(file, '<html>not a dossier</html>');
    expect(await runCli(['verify', '--export', file], captureIo())).toBe(2);
    expect(await runCli(['verify', '--export', join(dir, 'missing.html')], captureIo())).toBe(2);
  });

  it('checks the files the dossier lists against copies beside it: 一致, 不一致 (actual digest), 未提供 (a failure only with --require-files)', async () => {
    const clock = new FakeClock();
    const { store, ids, index } = await indexedLinkedCase(clock);
    const now = clock.now().toISOString();
    const photo = Buffer.from('a photo of the ward');
    const report = Buffer.from('%PDF-1.4 the rectification report');
    const minutes = Buffer.from('minutes of the visit');
    const [p, r, m] = [
      evidenceFileOf(photo, '病房照片.jpg', 'image/jpeg'),
      evidenceFileOf(report, '整改报告.pdf', 'application/pdf'),
      evidenceFileOf(minutes, '会议纪要.txt', 'text/plain'),
    ];
    const attached = [];
    for (const [i, f] of [p, r, m].entries())
      attached.push(await attachEvidence(store, ids.ticket, f, { commandId: `attach-${i}`, actor: INSPECTOR, now }));
    for (const e of attached) await index.handle(e);
    const history = await new CaseHistoryService(store, index).full(ids.ticket);
    const integrity = await integrityReport(store, { streams: history.streams.map((s) => s.stream), now });
    const files = [attachmentOf(attached[0]!, p), attachmentOf(attached[1]!, r), attachmentOf(attached[2]!, m)];
    writeFileSync(file, buildDossier(history, integrity, LEADER, { generatedAt: now, files }));
    writeFileSync(join(dir, p.digest), photo); // a copy named by its digest
    writeFileSync(join(dir, '整改报告.pdf'), Buffer.concat([report, Buffer.from(' edited')])); // by its own name, altered

    const io = captureIo();
    expect(await runCli(['verify', '--export', file], io)).toBe(1);
    expect(io.stdout[0]).toContain('完整');
    expect(io.stdout.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`附件「病房照片.jpg」（SM3 ${p.digest}.*：一致`)),
      expect.stringMatching(/附件「整改报告.pdf」.*：不一致，实际摘要 [0-9a-f]{64}/),
      expect.stringMatching(/附件「会议纪要.txt」.*：未提供$/),
    ]);
    expect(io.stderr).toEqual([expect.stringMatching(/^附件校验未通过：附件「整改报告.pdf」/)]);

    writeFileSync(join(dir, '整改报告.pdf'), report);
    expect(await runCli(['verify', '--export', file], captureIo())).toBe(0);
    const strict = captureIo();
    expect(await runCli(['verify', '--export', file, '--require-files', '--json'], strict)).toBe(1);
    const json = JSON.parse(strict.stdout.join('\n'));
    expect(json.ok).toBe(false);
    expect(json.files.map((f: { status: string }) => f.status)).toEqual(['match', 'match', 'absent']);

    // The list is pinned by the events: editing a listed digest breaks the dossier itself.
    const html = readFileSync(file, 'utf8');
    const other = 'f'.repeat(64);
    const listed = html.lastIndexOf(`"digest":"${m.digest}"`); // the file list comes after the events
    writeFileSync(file, html.slice(0, listed) + html.slice(listed).replace(m.digest, other));
    const edited = captureIo();
    expect(await runCli(['verify', '--export', file], edited)).toBe(1);
    expect(edited.stderr[0]).toMatch(/案卷校验未通过：流 complaintTicket-T1.*内容被改动.*file list names f{64}/);
  });
});
