import { sm3Hex } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';

const H = 'hosp-a1-1';
const hospital = 'hospital-a1-1';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

describe('ethics archives: evidence files cited by digest (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const upload = (user: string, staffId: string, bytes: Buffer, institutionId = H) =>
    t.http
      .post(`/ethics/archives/${staffId}/evidence`)
      .set(t.auth(user))
      .field('institutionId', institutionId)
      .field('note', '谈话记录')
      .attach('file', bytes, { filename: '谈话记录.pdf' });
  const record = (user: string, staffId: string, evidence: unknown) =>
    t.http
      .post(`/ethics/archives/${staffId}/records`)
      .set(t.auth(user))
      .send({ institutionId: H, source: { kind: 'inspection' }, summary: '态度生硬', occurredAt: '2025-05-01T02:00:00.000Z', evidence });
  const stream = async (staffId: string) => (await t.store.readStream(`ethicsArchive-${staffId}`)).map((e) => e.type);

  it('attaches a file, then a record cites it by digest, and the archive lists both', async () => {
    const bytes = pdf('S1 interview');
    await upload(hospital, 'S1', bytes).expect(200);
    await record(hospital, 'S1', [sm3Hex(bytes)]).expect(201);
    const archive = await t.http.get('/ethics/archives/S1').set(t.auth(hospital)).expect(200);
    expect(archive.body.records).toMatchObject([{ evidence: [sm3Hex(bytes)] }]);
    expect(archive.body.files).toEqual([
      {
        digest: sm3Hex(bytes),
        name: '谈话记录.pdf',
        size: bytes.length,
        mediaType: 'application/pdf',
        note: '谈话记录',
        attachedBy: hospital,
      },
    ]);
    expect(await stream('S1')).toEqual(['EthicsArchiveOpened', 'EvidenceAttached', 'EthicsRecordAdded']);
  });

  it('refuses free text (400), a digest not attached (422 evidence), another institution’s upload (403), and writes nothing', async () => {
    const before = await stream('S3');
    const text = await record('inspector-a1', 'S3', ['信函 12 号']).expect(400);
    expect(text.body.fields[0]).toMatchObject({ field: 'evidence[0]' });
    const unattached = await record('inspector-a1', 'S3', ['a'.repeat(64)]).expect(422);
    expect(unattached.body).toMatchObject({ code: 'ETHICS.EVIDENCE_NOT_ATTACHED', fields: [{ field: 'evidence' }] });
    await upload('hospital-a1-2', 'S3', pdf('elsewhere')).expect(403);
    await upload('inspector-b1', 'S3', pdf('out of scope')).expect(403);
    await upload(hospital, 'S3', Buffer.from('#!/bin/sh\necho not evidence\n')).expect(400);
    expect(await stream('S3')).toEqual(before);
  });
});
