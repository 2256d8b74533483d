import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier, CaseHistoryService, indexedLinkedCase, integrityReport, LEADER } from '@bihuan/audit';
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

  it('passes an untouched dossier, fails an edited one naming the event, and refuses a missing file', () => {
    const ok = captureIo();
    expect(verifyExportFile(file, ok)).toBe(0);
    expect(JSON.parse(ok.stdout[0]!)).toMatchObject({ ok: true, root: 'complaintTicket-T1' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"staffId":"S1","recordKind"', '"staffId":"S2","recordKind"'));
    const bad = captureIo();
    expect(verifyExportFile(file, bad)).toBe(1);
    expect(bad.stderr[0]).toMatch(/案卷校验未通过：流 ethicsArchive-S1 第 0 版.*内容被改动（content）/);
    expect(verifyExportFile(join(dir, 'none.html'), captureIo())).toBe(2);
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
});
