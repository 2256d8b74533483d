import { TestApp } from '../../testing/test-app';

/** Shared steps of the complaints e2e specs (HTTP only, as a client would do them). */

export const INSPECTOR = 'inspector-a1';
export const HOSPITAL = 'hospital-a1-1';
export const OTHER_HOSPITAL = 'hospital-a1-2';
export const INSTITUTION = 'hosp-a1-1';

export interface Submitted {
  readonly ticketCode: string;
  readonly secret: string;
  readonly ticketId: string;
}

let submissions = 0;

/**
 * Public submission, then the staff's ticket id found through the list. Each call's default text
 * differs: identical submissions from one client within the fold window are one ticket.
 */
export async function submitPublic(t: TestApp, body: Record<string, unknown> = {}): Promise<Submitted> {
  submissions += 1;
  const res = await t.http.post('/public/complaints').send({
    category: 'red-envelopes-kickbacks',
    description: `A red envelope was asked for before surgery (${submissions})`,
    institutionId: INSTITUTION,
    ...body,
  });
  if (res.status !== 201) throw new Error(`submit failed ${res.status} ${JSON.stringify(res.body)}`);
  const list = await t.http.get('/complaints').set(t.auth(INSPECTOR)).expect(200);
  const item = (list.body.items as { ticketCode: string; ticketId: string }[]).find((i) => i.ticketCode === res.body.ticketCode);
  if (!item) throw new Error('submitted ticket not listed');
  return { ticketCode: res.body.ticketCode, secret: res.body.secret, ticketId: item.ticketId };
}

/** POST a step and expect success; returns the body. */
export async function step(
  t: TestApp,
  user: string,
  ticketId: string,
  path: string,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const res = await t.http.post(`/complaints/${ticketId}/${path}`).set(t.auth(user)).send(body);
  if (res.status !== 200) throw new Error(`${path} by ${user} failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

export async function detail(
  t: TestApp,
  user: string,
  ticketId: string,
): Promise<Record<string, unknown> & { history: { type: string }[] }> {
  const res = await t.http.get(`/complaints/${ticketId}`).set(t.auth(user));
  if (res.status !== 200) throw new Error(`detail failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function publicStatus(t: TestApp, s: Submitted): Promise<Record<string, unknown>> {
  const res = await t.http.get(`/public/complaints/${s.ticketCode}`).set('X-Ticket-Secret', s.secret).expect(200);
  return res.body as Record<string, unknown>;
}

/** Dispatched to hosp-a1-1 and acknowledged and decided by it. */
export async function toDecided(t: TestApp, ticketId: string, decision = 'substantiated'): Promise<void> {
  await step(t, INSPECTOR, ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
  await step(t, HOSPITAL, ticketId, 'acknowledge');
  await step(t, HOSPITAL, ticketId, 'decision', {
    decision,
    findings: 'Confirmed by ward records',
    ...(decision === 'not-substantiated' ? {} : { implicatedStaffId: 'staff-9' }),
  });
}
