import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const H = 'hosp-a1-1';
const hospital = 'hospital-a1-1';
const archive = `/credit/archives/${H}`;
const SUPPLIER = { name: '某某医药有限公司', creditCode: '91330100799655058B' };
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** 医院与供应商廉洁诚信协议 (issue 22): a commitment naming its supplier, term and signed file; its breach an adverse record. */
describe('supplier integrity agreements on the credit archive (HTTP)', () => {
  let t: TestApp;
  let digest: string;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
    await t.http.post('/credit/archives').set(t.auth('inspector-a1')).send({ institutionId: H, name: '甲市第一人民医院' }).expect(201);
  });
  afterAll(() => t.close());

  const pledge = (body: object, user = hospital) =>
    t.http
      .post(`${archive}/commitments`)
      .set(t.auth(user))
      .send({
        commitmentId: 'SA1',
        kind: 'supplier-integrity',
        text: '不给予、不收受回扣，不请吃送礼',
        pledgedAt: '2025-10-10T00:00:00.000Z',
        supplier: SUPPLIER,
        validUntil: '2027-10-09T16:00:00.000Z',
        ...body,
      });

  it('takes the signed agreement as a file of the archive, for its own hospital only', async () => {
    const upload = (user: string) =>
      t.http
        .post(`${archive}/evidence`)
        .set(t.auth(user))
        .field('note', '双方签字盖章')
        .attach('file', pdf('supplier agreement'), { filename: '廉洁诚信协议.pdf' });
    await expectNothingWritten(t, async () => expect((await upload('hospital-a1-2')).status).toBe(403));
    await upload(hospital).expect(200);
    const read = await t.http.get(archive).set(t.auth(hospital)).expect(200);
    expect(read.body.files).toEqual([expect.objectContaining({ name: '廉洁诚信协议.pdf', mediaType: 'application/pdf' })]);
    digest = read.body.files[0].digest;
    const download = await t.http.get(`/audit/cases/creditArchive-${H}/files/${digest}`).set(t.auth(hospital)).expect(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    await t.http.get(`/audit/cases/creditArchive-${H}/files/${digest}`).set(t.auth('hospital-a1-2')).expect(403);
  });

  it('refuses a wrong 统一社会信用代码, a missing supplier or term, a file not attached and another hospital — writing nothing', async () => {
    await expectNothingWritten(t, async () => {
      const badCode = await pledge({ supplier: { ...SUPPLIER, creditCode: '91330100799655058C' }, evidence: [digest] });
      expect(badCode.status).toBe(400);
      expect(badCode.body.fields).toEqual([expect.objectContaining({ field: 'supplier.creditCode' })]);
      expect((await pledge({ supplier: undefined })).body).toMatchObject({ statusCode: 400, code: 'CREDIT.SUPPLIER_REQUIRED' });
      expect((await pledge({ validUntil: '2025-01-01T00:00:00.000Z' })).body.code).toBe('CREDIT.TERM_INVALID');
      expect((await pledge({ evidence: ['b'.repeat(64)] })).body).toMatchObject({ statusCode: 422, code: 'CREDIT.EVIDENCE_NOT_ATTACHED' });
      expect((await pledge({ kind: 'institution' })).body.code).toBe('CREDIT.SUPPLIER_NOT_ALLOWED');
      expect((await pledge({}, 'hospital-a1-2')).status).toBe(403);
    });
  });

  it('records the agreement, shows it with its supplier and term, and on the public page among the commitments', async () => {
    await pledge({ evidence: [digest] }).expect(201);
    const own = await t.http.get(archive).set(t.auth(hospital)).expect(200);
    expect(own.body.items).toContainEqual(
      expect.objectContaining({
        id: 'SA1',
        kind: 'commitment',
        title: '不给予、不收受回扣，不请吃送礼（供应商：某某医药有限公司）',
        until: '2027-10-09T16:00:00.000Z',
      }),
    );
    const page = await t.http.get(`/public/institutions/${H}/credit`).expect(200);
    expect(page.body.basic).toContainEqual(expect.objectContaining({ id: 'SA1', title: expect.stringContaining('某某医药有限公司') }));
    expect(JSON.stringify(page.body)).not.toContain(digest);
  });

  it('turns a breach into the institution’s adverse record naming the supplier', async () => {
    await t.http
      .post(`${archive}/commitments/SA1/breaches`)
      .set(t.auth('inspector-a1'))
      .send({ description: '供应商业务员向科室主任赠送购物卡', occurredAt: '2025-11-01T02:00:00.000Z' })
      .expect(201);
    await t.settle();
    const read = await t.http.get(archive).set(t.auth('leader-city-a')).expect(200);
    expect(read.body.items).toContainEqual(
      expect.objectContaining({
        infoClass: 'adverse',
        kind: 'commitment-breach',
        title: '违背廉洁诚信协议：供应商 某某医药有限公司（统一社会信用代码 91330100799655058B）',
      }),
    );
  });
});
