import { createTestApp, TestApp } from '../../testing/test-app';
import { INSPECTOR, INSTITUTION } from './complaints-e2e.helpers';

/** Issue 11, part 5: one ticket per 12345 / agency reference, also under concurrency. */
describe('complaints: staff intake with an external reference already used', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const body = (externalReference: string, description = 'Transferred from the 12345 hotline: billing dispute') => ({
    channel: '12345',
    category: 'fees',
    description,
    institutionId: INSTITUTION,
    externalReference,
  });
  const receive = (b: object, user = INSPECTOR) => t.http.post('/complaints').set(t.auth(user)).send(b);

  async function ticketsWith(reference: string): Promise<number> {
    await t.settle();
    const received = await t.store.readAll({ filter: { eventTypes: ['ComplaintReceived'] } });
    return received.filter((e) => (e.data as { externalReference?: string | null }).externalReference === reference).length;
  }

  it('a second intake of the same reference is 409 DUPLICATE_REFERENCE naming the field and the ticket, and makes no ticket', async () => {
    const first = await receive(body('12345-2025-000101')).expect(201);
    const again = await receive(body('12345-2025-000101', 'Same call, typed again by a colleague'), 'inspector-city-a');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'COMPLAINT.DUPLICATE_REFERENCE',
      fields: [{ field: 'externalReference' }],
      details: { ticketId: first.body.ticketId },
    });
    expect(await ticketsWith('12345-2025-000101')).toBe(1);
  });

  it('full-width digits, spaces and case do not make a reference new', async () => {
    const first = await receive(body('12345-2025-ab7')).expect(201);
    const res = await receive(body(' １２３４５-2025-AB7 '));
    expect(res.status).toBe(409);
    expect(res.body.details.ticketId).toBe(first.body.ticketId);
  });

  it('10 concurrent intakes of one reference make exactly one ticket; the others are 409 naming it', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => receive(body('12345-2025-000202', `Concurrent intake ${i}`))));
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.body.code)).toEqual(Array(9).fill('COMPLAINT.DUPLICATE_REFERENCE'));
    expect(new Set(refused.map((a) => a.body.details.ticketId))).toEqual(new Set([created[0]!.body.ticketId]));
    expect(await ticketsWith('12345-2025-000202')).toBe(1);
  });

  it('an intake refused after the claim frees the reference for the corrected one', async () => {
    // a blank description passes the DTO and is refused by the ticket's decider, i.e. after the claim
    const bad = await receive({ ...body('12345-2025-000303'), description: '   ' });
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'COMPLAINT.FIELD_REQUIRED' });
    const released = await t.store.readAll({ filter: { eventTypes: ['ExternalReferenceReleased'] } });
    expect(released).toHaveLength(1);
    await receive(body('12345-2025-000303')).expect(201);
    expect(await ticketsWith('12345-2025-000303')).toBe(1);
  });
});
