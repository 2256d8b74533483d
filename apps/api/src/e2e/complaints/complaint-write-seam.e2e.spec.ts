import { createTestApp, TestApp } from '../../testing/test-app';
import { INSPECTOR, INSTITUTION, step } from './complaints-e2e.helpers';

/**
 * Issue 13: a ticket write goes through CommandExecution like every other context's. A person's
 * command starts its own correlation (correlationId = the command id, the events' causationId),
 * and the endpoints answer exactly what they always have — the state the seam returns stays inside.
 */
describe('complaints: the one write seam', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('given a staff intake and a dispatch, then each command correlates its own events by its id, and the answers keep their shapes', async () => {
    const received = await t.http
      .post('/complaints')
      .set(t.auth(INSPECTOR))
      .send({ channel: 'hotline', category: 'fees', description: 'Charged twice for one CT scan', institutionId: INSTITUTION })
      .expect(201);
    expect(Object.keys(received.body).sort()).toEqual(['events', 'position', 'secret', 'status', 'ticketCode', 'ticketId']);
    const ticketId = received.body.ticketId as string;

    const dispatched = await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    expect(Object.keys(dispatched).sort()).toEqual(['events', 'position', 'status', 'ticketId']);
    expect(dispatched).toMatchObject({ ticketId, status: 'dispatched' });

    const events = await t.store.readStream(`complaintTicket-${ticketId}`);
    expect(events.map((e) => e.type)).toEqual(['ComplaintReceived', 'ComplaintDispatched', 'DeadlineSet', 'DeadlineSet']);
    for (const e of events) expect(e.metadata.correlationId).toBe(e.metadata.causationId);
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(2);
  });
});
