import { FakeClock } from '@bihuan/testing';
import { SubjectKeyStore } from '@bihuan/privacy';
import { subjectRedactor } from '../application/personal-data-redaction';
import { CaseFileView, ERASED_FILE_MARKER } from '../files/case-file-view';
import { CaseFileRecord } from '../files/case-files';
import { CaseHistoryService } from '../history/case-history.service';
import { HistoryEntry } from '../history/case-history.types';
import { integrityReport } from '../integrity/integrity-report';
import { attachEvidence, attachmentOf, evidenceFileOf } from '../testing/evidence.fixture';
import { indexedLinkedCase } from '../testing/indexed-linked-case.fixture';
import { HOSPITAL, INSPECTOR } from '../testing/linked-case.fixture';
import { LEADER } from '../testing/readers.fixture';
import { buildDossier } from './build-dossier';
import { DOSSIER_CSP } from './dossier-html';
import { DOSSIER_SCRIPT_ID } from './dossier.types';
import { defaultRedact, ENCRYPTED_MARKER, ERASED_MARKER, PROTECTED_MARKER } from './redaction';
import { verifyDossier } from './verify-dossier';

const generatedAt = '2025-04-01T02:00:00.000Z';
const photo = evidenceFileOf(Buffer.from('a photo'), '病房照片.jpg', 'image/jpeg');
const receipt = evidenceFileOf(Buffer.from('a receipt'), '张三的收据.jpg', 'image/jpeg', 'subj-42');
const readable = (html: string) =>
  html.replace(new RegExp(`<script type="application/json" id="${DOSSIER_SCRIPT_ID}">[\\s\\S]*?</script>`), '');
const block = (html: string) => JSON.parse(new RegExp(`id="${DOSSIER_SCRIPT_ID}">([\\s\\S]*?)</script>`).exec(html)![1]!);

/** Only `get` is asked (is this person erased?). */
const keysWith = (erased: readonly string[]) =>
  ({ get: async (s: string) => (erased.includes(s) ? 'erased' : Buffer.alloc(16)) }) as unknown as SubjectKeyStore;

const recordOf = (file: typeof photo): CaseFileRecord => ({
  file,
  stream: 'complaintTicket-T1',
  revision: 9,
  position: 40,
  eventId: 'e-9',
  step: 'complaint',
  note: null,
  attachedAt: generatedAt,
  attachedBy: 'public',
  attachedByUnit: 'public',
  shownName: file.name,
});

describe('files in the dossier and the lists', () => {
  it('lists each file with digest, size, step, who/when and an inline thumbnail; verification carries digests and sizes', async () => {
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const { store, ids, index } = await indexedLinkedCase(clock);
    const e = await attachEvidence(store, ids.ticket, photo, { commandId: 'attach-1', actor: INSPECTOR, now: generatedAt });
    await index.handle(e);
    const history = await new CaseHistoryService(store, index).full(ids.ticket);
    const integrity = await integrityReport(store, { streams: history.streams.map((s) => s.stream), now: generatedAt });
    const thumb = 'data:image/jpeg;base64,/9j/AAAA';
    const html = buildDossier(history, integrity, LEADER, { generatedAt, files: [attachmentOf(e, photo, thumb)] });
    expect(DOSSIER_CSP).toContain('img-src data:');
    const shown = readable(html);
    expect(shown).toContain('<h2 id="files">附件（证据文件）</h2>');
    for (const text of ['病房照片.jpg', 'image/jpeg', photo.digest, `<img src="${thumb}"`, INSPECTOR.id]) expect(shown).toContain(text);
    expect(block(html).files).toEqual([
      { stream: ids.ticket, revision: e.revision, digest: photo.digest, size: photo.size, mediaType: 'image/jpeg', name: '病房照片.jpg' },
    ]);
    expect(verifyDossier(html)).toMatchObject({ ok: true, files: [expect.objectContaining({ digest: photo.digest })] });
  });

  it('a sealed file: its name, thumbnail and bytes only for roles that may see personal data; 已删除 once its owner is erased', async () => {
    const view = new CaseFileView(keysWith([]));
    expect(view.mayOpen(receipt, HOSPITAL)).toBe(false);
    expect(view.mayOpen(receipt, LEADER)).toBe(true);
    expect(view.mayOpen(photo, HOSPITAL)).toBe(true);
    expect(view.mayOpen(receipt, HOSPITAL, HOSPITAL.unit)).toBe(true); // its own upload, sealed under the ticket's key
    expect((await view.rows([recordOf(receipt)], HOSPITAL))[0]).toMatchObject({ name: PROTECTED_MARKER, sealed: true, erased: false });
    expect((await view.rows([recordOf(receipt)], LEADER))[0]).toMatchObject({ name: '张三的收据.jpg' });
    expect((await view.rows([{ ...recordOf(photo), shownName: null }], LEADER))[0]!.name).toBe(PROTECTED_MARKER);
    const erased = await new CaseFileView(keysWith(['subj-42'])).rows([recordOf(receipt)], LEADER);
    expect(erased[0]).toMatchObject({ name: ERASED_FILE_MARKER, erased: true });
    expect(
      view.problemsFor(
        [{ stream: 's-1', revision: 0, position: 1, digest: receipt.digest, name: receipt.name, sealed: true, status: 'missing' }],
        HOSPITAL,
      ),
    ).toEqual([expect.objectContaining({ name: PROTECTED_MARKER })]);
  });

  it('the history redaction hides a sealed file’s name as it hides its owner’s other data', () => {
    const entry = { data: { file: receipt, step: 'complaint' } } as unknown as HistoryEntry;
    const name = (data: object) => (data as { file: { name: string } }).file.name;
    expect(name(defaultRedact()(entry, HOSPITAL))).toBe(PROTECTED_MARKER);
    expect(name(defaultRedact()(entry, LEADER))).toBe('张三的收据.jpg');
    expect(name(defaultRedact((s) => s === 'subj-42')(entry, LEADER))).toBe(ERASED_MARKER);
    expect(name(defaultRedact()({ data: { file: photo } } as unknown as HistoryEntry, HOSPITAL))).toBe('病房照片.jpg');
    expect(name(subjectRedactor(new Map([['subj-42', { kind: 'hidden' }]]), HOSPITAL)(entry, HOSPITAL))).toBe(PROTECTED_MARKER);
    expect(name(subjectRedactor(new Map([['subj-42', { kind: 'erased' }]]), LEADER)(entry, LEADER))).toBe(ERASED_MARKER);
    expect(name(subjectRedactor(new Map([['subj-42', { kind: 'encrypted' }]]), LEADER)(entry, LEADER))).toBe('张三的收据.jpg');
    expect(JSON.stringify(defaultRedact()(entry, LEADER))).toContain(ENCRYPTED_MARKER); // the subject id itself, as before
  });
});
