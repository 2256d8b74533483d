import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { evidenceFileOf } from '@bihuan/audit';
import { Actor, EvidenceFile } from '@bihuan/core';
import { BLOB_STORE, BlobStore, EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { SUBJECT_KEY_STORE, SubjectKeyStore } from '@bihuan/privacy';
import { createTestApp, TestApp } from '../../testing/test-app';

const ADMIN: Actor = { id: 'admin', role: 'admin', unit: 'prov' };
/**
 * A stream of a category nobody declared is readable by the root's admins only (visibility-registry):
 * the file routes answer for it exactly as for any case, which is what this spec exercises — the
 * contexts' own streams take files through their upload routes.
 */
const CASE = 'evidenceProbe-P1';

/**
 * Evidence files read like the case (issue 18): list → download (type, length, nosniff, safe name,
 * no caching, sandbox) → thumbnail → refusals → the access log → integrity and dossier once the
 * store loses or alters a file. The real vault over the fs blob store in the test's data directory.
 */
describe('audit: evidence files over HTTP', () => {
  let t: TestApp;
  let blobs: BlobStore;
  let png: Buffer;
  const pdf = Buffer.from('%PDF-1.4\n整改报告\n%%EOF');
  let photo: EvidenceFile;
  let report: EvidenceFile;

  beforeAll(async () => {
    t = await createTestApp({ sqlite: true });
    blobs = t.app.get<BlobStore>(BLOB_STORE);
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c03030' } })
      .png()
      .toBuffer();
    photo = evidenceFileOf(png, '现场照片.png', 'image/png');
    report = evidenceFileOf(pdf, '整改报告 2025.pdf', 'application/pdf');
    const attach = (id: string, file: EvidenceFile) => ({
      type: 'EvidenceAttached',
      data: { file, step: 'visit', note: null, attachedBy: ADMIN.id },
      metadata: {
        eventId: id,
        correlationId: 'c-files',
        causationId: null,
        actor: ADMIN,
        occurredAt: t.clock.now().toISOString(),
        schemaVersion: 1,
      },
    });
    await blobs.putBytes(photo.digest, png);
    await blobs.putBytes(report.digest, pdf);
    await t.store.append(CASE, [attach('ev-1', photo), attach('ev-2', report)], 'no_stream');
    await t.settle();
  });
  afterAll(() => t.close());

  const files = `/audit/cases/${CASE}/files`;

  it('lists the files, and downloads one streamed with its type, length and the safe-download headers', async () => {
    const list = await t.http.get(files).set(t.auth('admin'));
    expect(list.status).toBe(200);
    expect(list.body.files).toEqual([
      expect.objectContaining({
        stream: CASE,
        digest: photo.digest,
        name: '现场照片.png',
        size: png.length,
        mediaType: 'image/png',
        step: 'visit',
        attachedBy: 'admin',
        sealed: false,
      }),
      expect.objectContaining({ digest: report.digest, name: '整改报告 2025.pdf', size: pdf.length, mediaType: 'application/pdf' }),
    ]);
    expect(list.body.files[0].attachedAt).toBe(t.clock.now().toISOString());

    const res = await t.download(`${files}/${report.digest}?purpose=年度审计`, 'admin');
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(pdf.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[ -~]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition']!.split("UTF-8''")[1]!)).toBe('整改报告 2025.pdf');

    const log = await t.http.get(`/audit/access-log?caseStream=${CASE}`).set(t.auth('admin'));
    expect(log.status).toBe(200);
    expect(log.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseStream: CASE,
          action: 'export',
          purpose: expect.stringContaining(`年度审计 (file ${report.digest})`),
        }),
      ]),
    );
  });

  it('gives a JPEG thumbnail of an image, 404 for other kinds; refuses unknown and malformed digests and other readers', async () => {
    const thumb = await t.download(`${files}/${photo.digest}/thumbnail`, 'admin');
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((thumb.body as Buffer).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const none = await t.http.get(`${files}/${report.digest}/thumbnail`).set(t.auth('admin'));
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('AUDIT.FILE_NO_THUMBNAIL');

    const unknown = await t.http.get(`${files}/${'0'.repeat(64)}`).set(t.auth('admin'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('AUDIT.FILE_NOT_FOUND');
    const bad = await t.http.get(`${files}/not-a-digest`).set(t.auth('admin'));
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'digest' })]);

    for (const user of ['leader-prov', 'hospital-b1-1', 'inspector-a1']) {
      for (const path of [files, `${files}/${report.digest}`, `${files}/${photo.digest}/thumbnail`]) {
        const refused = await t.http.get(path).set(t.auth(user));
        expect([403, 404]).toContain(refused.status);
        expect(JSON.stringify(refused.body)).not.toContain('整改报告');
      }
    }
    expect((await t.http.get(files)).status).toBe(401);
  });

  it('a file lost by the store is 404 AUDIT.FILE_MISSING and fails the integrity report naming case and file; an altered one too', async () => {
    await blobs.delete(photo.digest);
    const missing = await t.http.get(`${files}/${photo.digest}`).set(t.auth('admin'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('AUDIT.FILE_MISSING');
    expect(missing.body.message).toContain(CASE);
    expect(missing.body.message).toContain('现场照片.png');

    await blobs.delete(report.digest);
    await blobs.putBytes(report.digest, Buffer.from('%PDF-1.4 a different report'));
    const integrity = await t.http.get(`/audit/cases/${CASE}/integrity`).set(t.auth('admin'));
    expect(integrity.status).toBe(200);
    expect(integrity.body).toMatchObject({ ok: false, firstBreak: null, files: { checked: 2 } });
    expect(integrity.body.files.problems).toEqual([
      expect.objectContaining({ stream: CASE, name: '现场照片.png', digest: photo.digest, status: 'missing' }),
      expect.objectContaining({
        stream: CASE,
        name: '整改报告 2025.pdf',
        status: 'altered',
        actualDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    const log = await t.http.get('/audit/integrity').set(t.auth('admin'));
    expect(log.body).toMatchObject({
      ok: false,
      files: { problems: [expect.objectContaining({ status: 'missing' }), expect.objectContaining({ status: 'altered' })] },
    });
  });

  it('the dossier lists the files with digests, a thumbnail where the image is still there, and carries them for the offline check', async () => {
    await blobs.putBytes(photo.digest, png);
    const res = await t.http.get(`/audit/cases/${CASE}/dossier`).set(t.auth('admin'));
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain('img-src data:');
    expect(res.text).toContain('附件（证据文件）');
    expect(res.text).toContain('现场照片.png');
    expect(res.text).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+"/);
    expect(res.text).toContain(report.digest);
    expect(res.text).toContain('附件校验');
    const block = /<script type="application\/json" id="bihuan-dossier">([\s\S]*?)<\/script>/.exec(res.text)![1]!;
    expect(JSON.parse(block).files).toEqual([
      expect.objectContaining({ digest: photo.digest, size: png.length, name: '现场照片.png' }),
      expect.objectContaining({ digest: report.digest, size: pdf.length }),
    ]);
  });

  it('a sealed file reads decrypted until its owner is erased, then is 410 AUDIT.FILE_ERASED, listed as 已删除 and still checks intact', async () => {
    const bytes = Buffer.from('%PDF-1.4 a complainant’s receipt');
    const path = join(t.file!, '..', 'receipt.pdf');
    writeFileSync(path, bytes);
    const vault = t.app.get<EvidenceVault>(EVIDENCE_VAULT);
    const staged = {
      path,
      digest: evidenceFileOf(bytes, 'x', 'x').digest,
      size: bytes.length,
      mediaType: 'application/pdf',
      name: '张三的收据.pdf',
    };
    const prepared = await vault.prepare(staged, { sealFor: 'subject-e2e-1' });
    await prepared.keep();
    await prepared.discard();
    const sealedCase = 'evidenceProbe-P2';
    const metadata = {
      eventId: 'ev-3',
      correlationId: 'c-sealed',
      causationId: null,
      actor: ADMIN,
      occurredAt: t.clock.now().toISOString(),
      schemaVersion: 1,
    };
    const data = { file: prepared.file, step: 'complaint', note: null, attachedBy: ADMIN.id };
    await t.store.append(sealedCase, [{ type: 'EvidenceAttached', data, metadata }], 'no_stream');
    await t.settle();
    const url = `/audit/cases/${sealedCase}/files/${prepared.file.digest}`;
    const before = await t.download(url, 'admin');
    expect(before.status).toBe(200);
    expect(Buffer.compare(before.body as Buffer, bytes)).toBe(0);

    const keys = t.app.get<SubjectKeyStore>(SUBJECT_KEY_STORE);
    await keys.erase('subject-e2e-1', { erasedBy: ADMIN, reason: '个人信息删除请求', at: t.clock.now().toISOString() });
    const gone = await t.http.get(url).set(t.auth('admin'));
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('AUDIT.FILE_ERASED');
    const list = await t.http.get(`/audit/cases/${sealedCase}/files`).set(t.auth('admin'));
    expect(list.body.files).toEqual([expect.objectContaining({ name: '已删除（个人信息已销毁）', sealed: true, erased: true })]);
    const integrity = await t.http.get(`/audit/cases/${sealedCase}/integrity`).set(t.auth('admin'));
    expect(integrity.body).toMatchObject({ ok: true, files: { checked: 1, problems: [] } });
  });
});
