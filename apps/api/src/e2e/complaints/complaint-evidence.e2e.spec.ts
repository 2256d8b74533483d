import { sm3Hex } from '@bihuan/event-store';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { createTestApp, TestApp } from '../../testing/test-app';
import { HOSPITAL, INSPECTOR, OTHER_HOSPITAL, step, submitPublic, Submitted } from './complaints-e2e.helpers';

const KB = 1024;
const jpeg = (size: number, fill = 0x5a): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, fill)]);
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const IDENTITY = { name: '王五', phone: '13900001111' };
/** What a ticket records a file as: never its uploaded name, which would outlive an erasure. */
const neutral = (bytes: Buffer, ext: string): string => `投诉材料-${sm3Hex(bytes).slice(0, 8)}.${ext}`;

interface Attached {
  readonly type: string;
  readonly data: {
    readonly file: { digest: string; name: string; mediaType: string; sealed?: { subjectId: string; storedDigest: string } };
    readonly step: string;
  };
}

describe('complaints: evidence files', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    // One test client sends every complainant's uploads: the per-IP limit of the public entry is not what is tested here.
    process.env['COMPLAINTS_PUBLIC_RATE_BURST'] = '500';
    t = await createTestApp();
    process.env = saved;
  });
  afterAll(() => t.close());

  const events = async (ticketId: string): Promise<Attached[]> =>
    (await t.store.readStream(`complaintTicket-${ticketId}`)).map((e) => ({ type: e.type, data: e.data as Attached['data'] }));
  const files = async (ticketId: string) => (await events(ticketId)).filter((e) => e.type === 'EvidenceAttached');
  const publicUpload = (s: Submitted, bytes: Buffer, name: string, secret = s.secret) =>
    t.http.post(`/public/complaints/${s.ticketCode}/evidence`).field('secret', secret).attach('file', bytes, { filename: name });
  const staffUpload = (user: string, ticketId: string, bytes: Buffer, name: string) =>
    t.http.post(`/complaints/${ticketId}/evidence`).set(t.auth(user)).field('note', '材料').attach('file', bytes, { filename: name });

  it('takes the complainant’s JPEG with code + secret, sealed under their key, lists it and serves it back', async () => {
    const s = await submitPublic(t, { identity: IDENTITY });
    const bytes = jpeg(40 * KB);
    const res = await publicUpload(s, bytes, '收据.jpg').expect(200);
    expect(res.body).toMatchObject({ ticketCode: s.ticketCode, digest: sm3Hex(bytes) });
    const [attached] = await files(s.ticketId);
    const received = (await events(s.ticketId))[0]!.data as unknown as { complainant: { subjectId: string } };
    expect(attached!.data).toMatchObject({
      step: 'complaint',
      file: {
        digest: sm3Hex(bytes),
        mediaType: 'image/jpeg',
        name: neutral(bytes, 'jpg'),
        sealed: { subjectId: received.complainant.subjectId },
      },
    });

    const status = await t.http.get(`/public/complaints/${s.ticketCode}`).set('X-Ticket-Secret', s.secret).expect(200);
    expect(status.body.files).toEqual([
      { digest: sm3Hex(bytes), name: neutral(bytes, 'jpg'), size: bytes.length, mediaType: 'image/jpeg' },
    ]);
    expect(JSON.stringify(await t.store.readStream(`complaintTicket-${s.ticketId}`))).not.toContain('收据.jpg');

    const download = await t.http
      .get(`/public/complaints/${s.ticketCode}/evidence/${sm3Hex(bytes)}`)
      .set('X-Ticket-Secret', s.secret)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-type']).toMatch(/^image\/jpeg/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    const log = await t.app.get<AccessLog>(ACCESS_LOG).list({ subjectId: received.complainant.subjectId, action: 'view' });
    expect(log.at(-1)).toMatchObject({ reader: { role: 'public' }, outcome: 'granted', caseStream: `complaintTicket-${s.ticketId}` });
  });

  it('takes staff PDFs at their steps, sealed under an anonymous ticket’s own subject, not listed to the complainant', async () => {
    const s = await submitPublic(t);
    await staffUpload(INSPECTOR, s.ticketId, pdf('letter'), '来信扫描.pdf').expect(200);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    await staffUpload(HOSPITAL, s.ticketId, pdf('too early'), '早.pdf').expect(409); // not acknowledged yet
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    await staffUpload(HOSPITAL, s.ticketId, pdf('ward records'), '病区记录.pdf').expect(200);
    expect((await files(s.ticketId)).map((e) => [e.data.step, e.data.file.mediaType, e.data.file.sealed?.subjectId])).toEqual([
      ['intake', 'application/pdf', `subj-ticket-${s.ticketId}`],
      ['handling', 'application/pdf', `subj-ticket-${s.ticketId}`],
    ]);
    const status = await t.http.get(`/public/complaints/${s.ticketCode}`).set('X-Ticket-Secret', s.secret).expect(200);
    expect(status.body.files).toEqual([]);
    // The hospital's history names its own file (neutrally), not the commission's, and never an uploaded name.
    const seen = JSON.stringify((await t.http.get(`/complaints/${s.ticketId}`).set(t.auth(HOSPITAL)).expect(200)).body);
    expect(seen).toContain(neutral(pdf('ward records'), 'pdf'));
    expect(seen).not.toContain(neutral(pdf('letter'), 'pdf'));
    expect(seen).not.toMatch(/来信扫描|病区记录|subj-ticket/);
  });

  it('refuses a wrong type, an oversize file, a wrong secret and staff out of scope, and writes nothing', async () => {
    const s = await submitPublic(t);
    await publicUpload(s, pdf('fine'), 'ok.pdf').expect(200);
    const before = (await events(s.ticketId)).length;
    await publicUpload(s, Buffer.from('PK\u0003\u0004 not really a docx'), 'a.docx').expect(400);
    await publicUpload(s, jpeg(10 * 1024 * KB + 1), 'big.jpg').expect(413);
    await publicUpload(s, jpeg(5 * KB), 'a.jpg', 'not-the-secret').expect(404);
    await staffUpload('inspector-b1', s.ticketId, pdf('x'), 'x.pdf').expect(403);
    await staffUpload(OTHER_HOSPITAL, s.ticketId, pdf('y'), 'y.pdf').expect(403);
    expect((await events(s.ticketId)).length).toBe(before);
  });

  it('caps the complainant at the policy number of files; the same file again changes nothing', async () => {
    const s = await submitPublic(t);
    for (let i = 1; i <= 9; i += 1) await publicUpload(s, jpeg(2 * KB, i), `p${i}.jpg`).expect(200);
    const again = await publicUpload(s, jpeg(2 * KB, 1), 'p1-again.jpg').expect(200);
    expect(again.body.digest).toBe(sm3Hex(jpeg(2 * KB, 1)));
    const refused = await publicUpload(s, jpeg(2 * KB, 10), 'p10.jpg').expect(422);
    expect(refused.body.code).toBe('COMPLAINT.EVIDENCE_LIMIT_REACHED');
    expect(await files(s.ticketId)).toHaveLength(9);
  });

  it('after the complainant is erased, the download answers 410 and the vault reads erased', async () => {
    const s = await submitPublic(t, { identity: IDENTITY });
    const bytes = jpeg(8 * KB, 0x33);
    await publicUpload(s, bytes, '照片.jpg').expect(200);
    const [attached] = await files(s.ticketId);
    const subjectId = attached!.data.file.sealed!.subjectId;
    await t.http.post(`/admin/subjects/${subjectId}/erase`).set(t.auth('admin')).send({ reason: '本人申请删除' }).expect(200);
    const gone = await t.http.get(`/public/complaints/${s.ticketCode}/evidence/${sm3Hex(bytes)}`).set('X-Ticket-Secret', s.secret);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('EVIDENCE_ERASED');
    const vault = t.app.get<EvidenceVault>(EVIDENCE_VAULT);
    expect(await vault.read(attached!.data.file as never)).toBe('erased');
    const log = await t.app.get<AccessLog>(ACCESS_LOG).list({ subjectId, action: 'view' });
    expect(log.at(-1)).toMatchObject({ outcome: 'erased' });
    // Nothing new can be sealed for an erased person.
    await publicUpload(s, jpeg(3 * KB, 0x44), 'later.jpg').expect(409);
  });
});
