import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { step, submitPublic } from '../complaints/complaints-e2e.helpers';

/**
 * Issue 11, part 3: a staff member named by one institution's user never gets a record written
 * into their archive at another institution — not directly, and not later through a saga.
 * S-A is on the books of hosp-a1-1; hospital-a1-2 (and inspectors acting for hosp-a1-2) try to name them.
 */
describe('staff references across institutions (e2e)', () => {
  let t: TestApp;
  const STAFF = 'S-A';
  const archive = () => t.store.readStream(`ethicsArchive-${STAFF}`);
  const refused = (body: { code?: string; fields?: { field: string }[] }, field: string) =>
    expect(body).toMatchObject({ code: 'AUTH.STAFF_OF_OTHER_INSTITUTION', fields: [{ field }] });

  beforeAll(async () => {
    t = await createTestApp();
    await t.http
      .post('/ethics/archives')
      .set(t.auth('hospital-a1-1'))
      .send({ staffId: STAFF, institutionId: 'hosp-a1-1', name: '甲医生' })
      .expect(201);
    await t.http.post('/credit/archives').set(t.auth('inspector-a1')).send({ institutionId: 'hosp-a1-2' }).expect(201);
  });
  afterAll(() => t.close());

  it("refuses a complaint decision implicating another institution's staff member; no saga writes into their archive", async () => {
    const s = await submitPublic(t, { institutionId: 'hosp-a1-2' });
    await step(t, 'inspector-a1', s.ticketId, 'dispatch', { institutionId: 'hosp-a1-2', complexity: 'simple' });
    await step(t, 'hospital-a1-2', s.ticketId, 'acknowledge');
    await t.settle();
    await expectNothingWritten(t, async () => {
      const res = await t.http
        .post(`/complaints/${s.ticketId}/decision`)
        .set(t.auth('hospital-a1-2'))
        .send({ decision: 'substantiated', findings: '经查属实', implicatedStaffId: STAFF });
      expect(res.status).toBe(403);
      refused(res.body, 'implicatedStaffId');
    });
    expect((await archive()).map((e) => e.type)).toEqual(['EthicsArchiveOpened']);
    // The institution's own staff member (no archive yet) is accepted, and the saga records there.
    await step(t, 'hospital-a1-2', s.ticketId, 'decision', { decision: 'substantiated', findings: '经查属实', implicatedStaffId: 'S-B' });
    await t.settle();
    expect((await t.store.readStream('ethicsArchive-S-B'))[0]).toMatchObject({
      type: 'EthicsArchiveOpened',
      data: { institutionId: 'hosp-a1-2' },
    });
    expect((await archive()).map((e) => e.type)).toEqual(['EthicsArchiveOpened']);
  });

  it('refuses a complaint naming a staff member of another institution, or a staff member without institution', async () => {
    await expectNothingWritten(t, async () => {
      const other = await t.http
        .post('/complaints')
        .set(t.auth('inspector-a1'))
        .send({ channel: 'hotline', category: 'service-attitude', description: '态度恶劣', institutionId: 'hosp-a1-2', staffId: STAFF });
      expect(other.status).toBe(403);
      refused(other.body, 'staffId');
      const bare = await t.http.post('/public/complaints').send({ category: 'service-attitude', description: '态度恶劣', staffId: STAFF });
      expect(bare.status).toBe(400);
      expect(bare.body).toMatchObject({ code: 'COMPLAINT.STAFF_WITHOUT_INSTITUTION', fields: [{ field: 'staffId' }] });
    });
  });

  it("refuses a staff pledge for another institution's staff member, so no breach can reach their archive", async () => {
    await expectNothingWritten(t, async () => {
      const res = await t.http
        .post('/credit/archives/hosp-a1-2/commitments')
        .set(t.auth('hospital-a1-2'))
        .send({ kind: 'staff', staffId: STAFF, text: '不收红包', pledgedAt: '2025-03-01T00:00:00.000Z' });
      expect(res.status).toBe(403);
      refused(res.body, 'staffId');
    });
    expect((await archive()).map((e) => e.type)).toEqual(['EthicsArchiveOpened']);
  });

  it("refuses opening, or adding to, an archive of a staff member on another institution's books", async () => {
    await expectNothingWritten(t, async () => {
      const open = await t.http.post('/ethics/archives').set(t.auth('hospital-a1-2')).send({ staffId: STAFF, institutionId: 'hosp-a1-2' });
      expect(open.status).toBe(403);
      refused(open.body, 'staffId');
      const foreign = await t.http
        .post('/ethics/archives')
        .set(t.auth('hospital-a1-2'))
        .send({ staffId: 'S-new', institutionId: 'hosp-a1-1' });
      expect(foreign.status).toBe(403);
      const record = await t.http
        .post(`/ethics/archives/${STAFF}/records`)
        .set(t.auth('inspector-a1'))
        .send({
          institutionId: 'hosp-a1-2',
          source: { kind: 'inspection' },
          summary: '服务态度差',
          occurredAt: '2025-03-01T02:00:00.000Z',
        });
      expect(record.status).toBe(403);
      refused(record.body, 'staffId');
    });
  });
});
