import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';
import { complaintCase, ComplaintCase } from './audit-case.steps';

interface Ref {
  eventId: string;
  stream: string;
  type: string;
  position: number;
}
interface Entry {
  stream: string;
  type: string;
  position: number;
  eventId: string;
  recordedAt: string;
  causedBy: Ref | null;
  origin: Ref | null;
  deadlines: { deadlineId: string; status: string; label: string }[];
}
interface Instants {
  root: string;
  total: number;
  instants: { stream: string; revision: number; position: number; type: string; recordedAt: string }[];
}

/**
 * What the console's case page reads beside the history (issue 21): the cause as people read it
 * (`origin`, past the folded saga records and deadline events), each deadline named, the instants
 * of the timeline for the "as of" slider, and when each ledger row was opened.
 */
describe('audit: origins, deadline names, instants (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let finding: string;
  let complaint: ComplaintCase;

  const history = async (user: string, stream: string, query = ''): Promise<Entry[]> =>
    (await s.get(user, `/audit/cases/${stream}/history?pageSize=1000${query}`))['entries'] as Entry[];
  const instants = async (user: string, stream: string, query = ''): Promise<Instants> =>
    (await s.get(user, `/audit/cases/${stream}/instants${query}`)) as unknown as Instants;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
    finding = await s.finding(await s.visit());
    t.clock.advanceHours(2);
    await s.post('inspector-a1', `/findings/${finding}/notice`, { noticeNo: '整改〔2025〕7号' });
    // Past the 15 working days: the first rung of the ladder, written on the deadline's expiry.
    await t.advanceTo('2025-03-25T00:00:00.000Z');
    complaint = await complaintCase(t, { institutionId: 'hosp-a1-1', hospital: 'hospital-a1-1', staffId: 'staff-9' });
  });
  afterAll(() => t.close());

  it('leads an escalation on expiry back to the notice that set the deadline, not to the folded deadline event', async () => {
    const entries = await history('leader-prov', `finding-${finding}`);
    const notice = entries.find((e) => e.type === 'RectificationNoticeIssued');
    const escalated = entries.find((e) => e.type === 'FindingEscalated');
    expect(escalated?.causedBy?.type).toMatch(/^Deadline/);
    expect(escalated?.origin).toEqual({
      eventId: notice?.eventId,
      stream: `finding-${finding}`,
      type: 'RectificationNoticeIssued',
      position: notice?.position,
    });
    expect(notice?.origin).toBeNull();
    // With every event shown the cause is the one recorded.
    const all = await history('leader-prov', `finding-${finding}`, '&all=true');
    const shown = all.find((e) => e.type === 'FindingEscalated');
    expect(shown?.origin).toEqual(shown?.causedBy);
  });

  it("leads a saga's effect in another context back to the complaint event the saga answered", async () => {
    const entries = await history('leader-prov', complaint.ticket);
    const decided = entries.find((e) => e.type === 'ComplaintDecided');
    const ethics = entries.find((e) => e.stream === complaint.ethics && e.type === 'EthicsRecordAdded');
    expect(ethics?.causedBy).toMatchObject({ stream: complaint.consequences, type: 'OutputRecorded' });
    expect(ethics?.origin).toMatchObject({ eventId: decided?.eventId, stream: complaint.ticket, type: 'ComplaintDecided' });
  });

  it("names each deadline in Chinese, and counts the deadline a step's own command set towards the step", async () => {
    const entries = await history('hospital-a1-1', `finding-${finding}`);
    // The notice's DeadlineSet is folded away: the deadline it set shows on the notice itself.
    expect(entries.find((e) => e.type === 'RectificationNoticeIssued')?.deadlines).toEqual([
      expect.objectContaining({ deadlineId: 'rectify', status: 'pending', label: '整改时限' }),
    ]);
    expect(entries.find((e) => e.type === 'FindingOpened')?.deadlines).toEqual([]);
    const labels = entries.flatMap((e) => e.deadlines.map((d) => [d.deadlineId, d.label]));
    expect(labels).toContainEqual(['rectify', '整改时限']);
    for (const [, label] of labels) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lists the instants of the timeline in its order, folded like the history, for every reader', async () => {
    for (const user of ['hospital-a1-1', 'inspector-a1', 'leader-prov']) {
      const entries = await history(user, complaint.ticket);
      const answer = await instants(user, complaint.ticket);
      expect(answer.root).toBe(complaint.ticket);
      expect(answer.total).toBe(entries.length);
      expect(answer.instants.map((i) => [i.stream, i.position, i.type, i.recordedAt])).toEqual(
        entries.map((e) => [e.stream, e.position, e.type, e.recordedAt]),
      );
    }
    const all = await instants('admin', `finding-${finding}`, '?all=true');
    expect(all.instants.map((i) => i.position)).toEqual((await history('admin', `finding-${finding}`, '&all=true')).map((e) => e.position));
    expect(all.instants.some((i) => i.type === 'DeadlineSet')).toBe(true);
  });

  it('refuses ?all=true to hospitals and inspectors, a bad switch and a stream out of scope', async () => {
    const forbidden = await t.http.get(`/audit/cases/finding-${finding}/instants?all=true`).set(t.auth('inspector-a1'));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
    const bad = await t.http.get(`/audit/cases/finding-${finding}/instants?all=yes`).set(t.auth('leader-prov'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain('all');
    const sibling = await t.http.get(`/audit/cases/finding-${finding}/instants`).set(t.auth('hospital-a1-2'));
    expect([403, 404]).toContain(sibling.status);
    const missing = await t.http.get('/audit/cases/finding-nope/instants').set(t.auth('leader-prov'));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('AUDIT.CASE_NOT_FOUND');
  });

  it('says when each row of the as-of ledger was opened', async () => {
    const ledger = await s.get('leader-prov', '/audit/ledgers/hosp-a1-1');
    const row = (ledger['rows'] as { findingId: string; openedAt: string }[]).find((r) => r.findingId === finding);
    expect(row?.openedAt).toBe('2025-03-03T01:00:00.000Z');
  });
});
