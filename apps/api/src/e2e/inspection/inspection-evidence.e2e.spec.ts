import { EvidenceFile } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { digestOf, onePixelPng, uploadEvidence } from '../../testing/evidence-upload';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from './inspection-steps';

/** Evidence files through HTTP (issue 18): uploaded to a visit or a finding, cited by digest, refused with nothing written or kept. */
describe('inspection evidence files (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let visit: string;
  let finding: string;
  const png = onePixelPng(0x11);
  const stored = (bytes: Buffer): EvidenceFile => ({ digest: digestOf(bytes), size: bytes.length, mediaType: 'image/png', name: 'x.png' });
  const vault = (): EvidenceVault => t.app.get<EvidenceVault>(EVIDENCE_VAULT);

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    visit = await s.visit();
    finding = await s.finding(visit);
    await t.settle();
  });
  afterAll(() => t.close());

  /** Runs a refused request and checks that nothing reached the log. */
  async function nothingWritten(run: () => Promise<void>): Promise<void> {
    await t.settle();
    const head = await s.head();
    await run();
    await t.settle();
    expect(await s.head()).toBe(head);
  }

  it('an inspector’s photo of a visit and of a finding: 201 with the file, the event in the history, listed on the page', async () => {
    const onVisit = await uploadEvidence(t, 'inspector-a1', `/visits/${visit}/evidence`, { file: onePixelPng(0x22), note: '门诊走廊' });
    expect(onVisit).toMatchObject({
      id: visit,
      events: ['EvidenceAttached'],
      file: { digest: digestOf(onePixelPng(0x22)), mediaType: 'image/png' },
    });
    const ack = await uploadEvidence(t, 'inspector-a1', `/findings/${finding}/evidence`, { file: png, name: '现场照片.png', note: '病房' });
    expect(ack).toMatchObject({
      id: finding,
      events: ['EvidenceAttached'],
      file: { digest: digestOf(png), size: png.length, name: '现场照片.png' },
    });
    const history = await s.get('inspector-a1', `/findings/${finding}/history`);
    const entries = history['entries'] as { type: string; data: { file: EvidenceFile; step: string }; summary?: string }[];
    expect(entries.find((e) => e.type === 'EvidenceAttached')).toMatchObject({
      data: { file: { digest: digestOf(png) }, step: 'finding' },
      summary: expect.stringContaining('上传证据《现场照片.png》（图片，'),
    });
    const page = await s.get('hospital-a1-1', `/findings/${finding}`);
    expect(page['files']).toEqual([
      expect.objectContaining({
        digest: digestOf(png),
        name: '现场照片.png',
        size: png.length,
        mediaType: 'image/png',
        step: 'finding',
        attachedBy: 'inspector-a1',
      }),
    ]);
    const visitPage = await s.get('inspector-a1', `/visits/${visit}`);
    expect(visitPage['files']).toMatchObject([{ digest: digestOf(onePixelPng(0x22)), step: 'visit', note: '门诊走廊' }]);
    expect(await vault().check(stored(png))).toEqual({ status: 'intact' });
  });

  it('the hospital uploads its own evidence and cites it in a progress report; the sign-off request may not cite a file it never uploaded', async () => {
    await s.post('inspector-a1', `/findings/${finding}/notice`, { noticeNo: '整改〔2025〕7号' });
    await s.post('hospital-a1-1', `/findings/${finding}/plan`, { measures: '全院警示教育' });
    const photo = onePixelPng(0x33);
    const ack = await uploadEvidence(t, 'hospital-a1-1', `/findings/${finding}/evidence`, { file: photo, name: '整改照片.png' });
    expect(ack).toMatchObject({ events: ['EvidenceAttached'], file: { digest: digestOf(photo) } });
    await s.post('hospital-a1-1', `/findings/${finding}/progress`, { summary: '已整改', evidence: [digestOf(photo)], percentComplete: 90 });
    const page = await s.get('hospital-a1-1', `/findings/${finding}`);
    expect(page['rectification']).toMatchObject({ evidence: [digestOf(photo)] });
    expect(page['ledger']).toMatchObject({ evidenceFiles: 2 });
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/sign-off-request`)
        .set(t.auth('hospital-a1-1'))
        .send({ summary: '整改完成', evidence: [digestOf(onePixelPng(0x44))] });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        code: 'INSPECTION.EVIDENCE_NOT_ATTACHED',
        fields: [expect.objectContaining({ field: 'evidence' })],
      });
    });
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/sign-off-request`)
        .set(t.auth('hospital-a1-1'))
        .send({ summary: '完成', evidence: ['att-3'] });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'evidence[0]', message: expect.stringContaining('SM3 摘要') })]);
    });
  });

  it('refuses a file that is not of the use’s kinds by its content (400), another institution’s hospital (403/404), keeping nothing', async () => {
    const html = Buffer.from(`<html><script>alert(1)</script>${' '.repeat(2048)}</html>`);
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/evidence`)
        .set(t.auth('hospital-a1-1'))
        .attach('file', html, { filename: '照片.png', contentType: 'image/png' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ field: 'file' })]);
      // In Chinese by default, on the real route whose form is labelled in Chinese.
      expect(res.body.message).toMatch(/文件类型不符合要求.*须为：JPEG/);
    });
    const foreign = onePixelPng(0x55);
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/evidence`)
        .set(t.auth('hospital-b1-1'))
        .attach('file', foreign, { filename: 'x.png', contentType: 'image/png' });
      expect([403, 404]).toContain(res.status);
    });
    expect(await vault().check(stored(foreign))).toEqual({ status: 'missing' });
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/evidence`)
        .set(t.auth('hospital-a1-1'))
        .field('step', 'recheck')
        .attach('file', foreign, { filename: 'x.png', contentType: 'image/png' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'INSPECTION.EVIDENCE_NOT_ALLOWED' });
    });
    expect(await vault().check(stored(foreign))).toEqual({ status: 'missing' });
  });

  it('refuses a file over the rectification use’s limit (413) once the uploads policy lowers it, writing nothing', async () => {
    const put = await t.http
      .put('/admin/policies/uploads')
      .set(t.auth('admin'))
      .send({ overrides: { uses: { rectification: { maxBytes: 1024 } } }, reason: '测试证据上传上限' });
    expect(put.status).toBe(200);
    const big = Buffer.concat([onePixelPng(0x66), Buffer.alloc(4096)]);
    await nothingWritten(async () => {
      const res = await t.http
        .post(`/findings/${finding}/evidence`)
        .set(t.auth('hospital-a1-1'))
        .attach('file', big, { filename: '大图.png', contentType: 'image/png' });
      expect(res.status).toBe(413);
    });
    // The inspector's use keeps its own limit.
    expect(await uploadEvidence(t, 'inspector-a1', `/findings/${finding}/evidence`, { file: big })).toMatchObject({
      events: ['EvidenceAttached'],
    });
    expect(await vault().check(stored(big))).toEqual({ status: 'intact' });
  });
});
