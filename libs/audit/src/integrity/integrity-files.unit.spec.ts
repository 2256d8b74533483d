import { EvidenceFile, SYSTEM_ACTOR } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { appendForCommand, INSPECTOR } from '../testing/linked-case.fixture';
import { evidenceFileOf, FakeEvidenceVault } from '../testing/evidence.fixture';
import { describeFileProblem } from './evidence-check';
import { integrityReport } from './integrity-report';

const now = '2025-04-01T00:00:00.000Z';
const photo = Buffer.from('a photo of the ward');
const report = Buffer.from('%PDF-1.4 the rectification report');
const receipt = Buffer.from('a complainant’s receipt');

describe('integrity reports check the attached files', () => {
  let store: MemoryEventStore;
  let vault: FakeEvidenceVault;
  const files: Record<string, EvidenceFile> = {
    photo: evidenceFileOf(photo, '病房照片.jpg', 'image/jpeg'),
    report: evidenceFileOf(report, '整改报告.pdf', 'application/pdf'),
    receipt: evidenceFileOf(receipt, '收据.jpg', 'image/jpeg', 'subject-1'),
  };
  const attach = (stream: string, file: EvidenceFile, n: number) =>
    appendForCommand(store, stream, { commandId: `cmd-${n}`, correlationId: 'c-1', actor: INSPECTOR, now }, [
      { type: 'EvidenceAttached', data: { file, step: 'visit', note: null, attachedBy: INSPECTOR.id } },
    ]);

  beforeEach(async () => {
    store = new MemoryEventStore(new FakeClock('2025-03-03T01:00:00.000Z'));
    vault = new FakeEvidenceVault();
    await appendForCommand(store, 'finding-F1', { commandId: 'cmd-0', correlationId: 'c-1', actor: SYSTEM_ACTOR, now }, [
      { type: 'FindingOpened', data: { institutionId: 'H1' } },
    ]);
    await attach('finding-F1', files['photo']!, 1);
    await attach('finding-F1', files['report']!, 2);
    await attach('complaintTicket-T1', files['receipt']!, 3);
    vault.put(files['photo']!, photo);
    vault.put(files['report']!, report);
    vault.put(files['receipt']!, receipt);
  });

  const check = { check: (f: EvidenceFile) => vault.check(f) };

  it('passes when every file is stored intact, and counts them', async () => {
    const r = await integrityReport(store, { streams: ['finding-F1', 'complaintTicket-T1'], now, files: check });
    expect(r).toMatchObject({ ok: true, files: { checked: 3, problems: [] } });
    expect((await integrityReport(store, { now })).files).toBeUndefined();
  });

  it('fails naming the case and the file for a missing and an altered one; the chain itself is intact', async () => {
    vault.lose(files['photo']!);
    vault.corrupt(files['report']!);
    const r = await integrityReport(store, { streams: ['finding-F1'], now, files: check });
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toBeNull();
    expect(r.files!.checked).toBe(2);
    expect(r.files!.problems).toEqual([
      expect.objectContaining({
        stream: 'finding-F1',
        revision: 1,
        name: '病房照片.jpg',
        digest: files['photo']!.digest,
        status: 'missing',
      }),
      expect.objectContaining({
        stream: 'finding-F1',
        revision: 2,
        name: '整改报告.pdf',
        status: 'altered',
        actualDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(r.files!.problems[1]!.actualDigest).not.toBe(files['report']!.digest);
    const lines = r.files!.problems.map(describeFileProblem);
    expect(lines[0]).toContain('finding-F1');
    expect(lines[0]).toContain('病房照片.jpg');
    expect(lines[0]).toContain('文件缺失');
    expect(lines[1]).toContain('文件被改动');
    expect(lines[1]).toContain(r.files!.problems[1]!.actualDigest!);
  });

  it('checks the whole log as it scans, and a sealed file by its stored bytes (also once its owner is erased)', async () => {
    vault.erased.add('subject-1');
    expect(await integrityReport(store, { now, files: check, pageSize: 2 })).toMatchObject({
      ok: true,
      scope: 'log',
      files: { checked: 3 },
    });
    vault.corrupt(files['receipt']!);
    const r = await integrityReport(store, { now, files: check, pageSize: 2 });
    expect(r.ok).toBe(false);
    expect(r.files!.problems).toEqual([
      expect.objectContaining({ stream: 'complaintTicket-T1', name: '收据.jpg', sealed: true, status: 'altered' }),
    ]);
  });

  it('checks only the files the reader may see (include)', async () => {
    vault.lose(files['report']!);
    const r = await integrityReport(store, {
      streams: ['finding-F1'],
      now,
      files: { ...check, include: async (e) => e.revision !== 2 },
    });
    expect(r).toMatchObject({ ok: true, files: { checked: 1, problems: [] } });
  });
});
