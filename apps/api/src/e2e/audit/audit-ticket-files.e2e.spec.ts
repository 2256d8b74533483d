import sharp from 'sharp';
import { PROTECTED_MARKER } from '@bihuan/audit';
import { sm3Hex } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';
import { HOSPITAL, INSPECTOR, OTHER_HOSPITAL, step, submitPublic } from '../complaints/complaints-e2e.helpers';

const pdf = Buffer.from('%PDF-1.4\n% ward records\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A real complaint's files through the audit routes: the complainant's receipt (sealed under their
 * key) and the hospital's own 材料 (sealed under the ticket's key), read by a leader, by the
 * hospital handling the ticket and by hospitals that do not.
 */
describe('audit: a complaint ticket’s files by reader', () => {
  let t: TestApp;
  let files: string;
  let receipt: Buffer;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env['COMPLAINTS_PUBLIC_RATE_BURST'] = '500';
    t = await createTestApp();
    process.env = saved;
    receipt = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3060c0' } })
      .jpeg()
      .toBuffer();
    const s = await submitPublic(t, { identity: { name: '王五', phone: '13900001111' } });
    await t.http
      .post(`/public/complaints/${s.ticketCode}/evidence`)
      .field('secret', s.secret)
      .attach('file', receipt, { filename: '收据.jpg' })
      .expect(200);
    await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: 'hosp-a1-1', complexity: 'simple' });
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    await t.http
      .post(`/complaints/${s.ticketId}/evidence`)
      .set(t.auth(HOSPITAL))
      .field('note', '病区记录')
      .attach('file', pdf, { filename: '病区记录.pdf' })
      .expect(200);
    await t.settle();
    files = `/audit/cases/complaintTicket-${s.ticketId}/files`;
  });
  afterAll(() => t.close());

  it('a leader lists both, downloads the complainant’s receipt decrypted and sees its thumbnail', async () => {
    const list = await t.http.get(files).set(t.auth('leader-prov')).expect(200);
    expect(list.body.files).toEqual([
      expect.objectContaining({ digest: sm3Hex(receipt), mediaType: 'image/jpeg', sealed: true, step: 'complaint' }),
      expect.objectContaining({ digest: sm3Hex(pdf), mediaType: 'application/pdf', sealed: true }),
    ]);
    const res = await t.download(`${files}/${sm3Hex(receipt)}`, 'leader-prov').expect(200);
    expect(Buffer.compare(res.body as Buffer, receipt)).toBe(0);
    const thumb = await t.download(`${files}/${sm3Hex(receipt)}/thumbnail`, 'leader-prov').expect(200);
    expect((thumb.body as Buffer).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('the hospital handling it opens its own file, not the complainant’s; other hospitals get nothing', async () => {
    const list = await t.http.get(files).set(t.auth(HOSPITAL)).expect(200);
    expect(list.body.files).toEqual([
      expect.objectContaining({ digest: sm3Hex(receipt), name: PROTECTED_MARKER }),
      expect.objectContaining({ digest: sm3Hex(pdf), name: expect.not.stringContaining(PROTECTED_MARKER) }),
    ]);
    const own = await t.download(`${files}/${sm3Hex(pdf)}`, HOSPITAL).expect(200);
    expect(Buffer.compare(own.body as Buffer, pdf)).toBe(0);
    for (const path of [`${files}/${sm3Hex(receipt)}`, `${files}/${sm3Hex(receipt)}/thumbnail`]) {
      const refused = await t.http.get(path).set(t.auth(HOSPITAL));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AUDIT.FILE_PERSONAL_DATA');
    }
    for (const other of [OTHER_HOSPITAL, 'hospital-b1-1'])
      for (const path of [files, `${files}/${sm3Hex(pdf)}`]) {
        const res = await t.http.get(path).set(t.auth(other));
        expect([403, 404]).toContain(res.status);
        expect(res.body.code).not.toMatch(/^AUDIT\.FILE_/);
      }
  });
});
