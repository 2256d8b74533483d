import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOSSIER_CSP, verifyDossier } from '@bihuan/audit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { ComplaintCase, complaintCase, escalateToFinding, IDENTITY } from './audit-case.steps';

interface Entry {
  stream: string;
  type: string;
  position: number;
  eventId: string;
  actor: { id: string; role: string; unit: string };
  occurredAt: string;
  recordedAt: string;
  causedBy: { eventId: string; stream: string; type: string } | null;
  deadlines: { deadlineId: string; status: string }[];
  data: Record<string, unknown>;
}

/** The offline check `npm run cli -- verify --export <file>` runs (its exit codes: apps/cli verify-export.int.spec.ts). */
const verifyFile = (file: string) => verifyDossier(readFileSync(file, 'utf8'));

describe('audit: case history, dossier and access log over HTTP', () => {
  let t: TestApp;
  let own: ComplaintCase;
  let other: ComplaintCase;
  let finding: string;
  let otherFinding: string;
  let dir: string;

  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const history = async (
    user: string,
    stream: string,
    query = '',
  ): Promise<{ total: number; entries: Entry[]; streams: { stream: string }[] }> => {
    const res = await get(user, `/audit/cases/${stream}/history?pageSize=1000${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'bihuan-audit-dossier-'));
    own = await complaintCase(t, { institutionId: 'hosp-a1-1', hospital: 'hospital-a1-1', staffId: 'staff-9' });
    finding = await escalateToFinding(t, own, 'hosp-a1-1');
    t.clock.advanceHours(1);
    await t.http
      .post(`/complaints/${own.ticketId}/answer`)
      .set(t.auth('hospital-a1-1'))
      .send({ answer: '已退还红包并处分当事医生' })
      .expect(200);
    other = await complaintCase(t, { institutionId: 'hosp-a1-2', hospital: 'hospital-a1-2', staffId: 'staff-7' });
    otherFinding = await escalateToFinding(t, other, 'hosp-a1-2');
    await t.settle();
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges four linked contexts in log order, each entry with actor, times, cause and deadline state', async () => {
    // ?all=true: the saga records that link the contexts are bookkeeping, folded away by default.
    const h = await history('leader-prov', own.ticket, '&purpose=年度审计&all=true');
    const streams = h.streams.map((s) => s.stream);
    expect(streams).toEqual(
      expect.arrayContaining([own.ticket, own.consequences, own.ethics, own.credit, `auditEscalation-${own.ticketId}`, finding]),
    );
    expect(streams).not.toContain(other.ticket);
    const positions = h.entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const find = (stream: string, type: string): Entry => {
      const e = h.entries.find((x) => x.stream === stream && x.type === type);
      if (!e) throw new Error(`no ${type} in ${stream}`);
      return e;
    };
    const received = find(own.ticket, 'ComplaintReceived');
    const decided = find(own.ticket, 'ComplaintDecided');
    const ethics = find(own.ethics, 'EthicsRecordAdded');
    const points = find(own.credit, 'CreditPointsAdded');
    const opened = find(finding, 'FindingOpened');
    const answered = find(own.ticket, 'ComplaintAnswered');
    // complaints → ethics / credit → inspection, in that order, each caused by the saga record before it.
    const order = [received, decided, ethics, points, opened, answered].map((e) => e.position);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(ethics.causedBy).toMatchObject({ stream: own.consequences, type: 'OutputRecorded' });
    expect(points.causedBy).toMatchObject({ stream: own.consequences, type: 'OutputRecorded' });
    expect(opened.causedBy).toMatchObject({ stream: `auditEscalation-${own.ticketId}`, type: 'OutputRecorded' });
    expect(find(`auditEscalation-${own.ticketId}`, 'InputRecorded').causedBy).toMatchObject({
      eventId: points.eventId,
      type: 'CreditPointsAdded',
    });
    const sagaInput = find(own.consequences, 'InputRecorded');
    expect(sagaInput.causedBy).toMatchObject({ eventId: decided.eventId, type: 'ComplaintDecided' });
    expect(received.causedBy).toBeNull();
    expect(decided.actor).toEqual({ id: 'hospital-a1-1', role: 'hospital', unit: 'hosp-a1-1' });
    expect(answered.actor).toMatchObject({ role: 'hospital', unit: 'hosp-a1-1' });
    expect(decided.occurredAt).toEqual(expect.any(String));
    expect(decided.recordedAt > received.recordedAt).toBe(true);
    // Deadline state at each moment: the answer deadline runs after dispatch and is gone once answered.
    expect(decided.deadlines.map((d) => d.status)).toContain('pending');
    expect(
      h.entries
        .filter((e) => e.stream === own.ticket)
        .at(-1)!
        .deadlines.filter((d) => d.deadlineId.startsWith('answer')),
    ).toEqual([]);
    // The same case opens from any of its streams.
    const fromFinding = await history('leader-prov', finding);
    expect(fromFinding.streams.map((x) => x.stream)).toEqual(expect.arrayContaining([own.ticket, own.ethics, finding]));
  });

  it('pages the timeline and refuses a bad asOf naming it', async () => {
    const all = await history('leader-prov', own.ticket);
    const page2 = await get('leader-prov', `/audit/cases/${own.ticket}/history?page=2&pageSize=3`);
    expect(page2.status).toBe(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: all.total, pages: Math.ceil(all.total / 3) });
    expect(page2.body.entries.map((e: Entry) => e.eventId)).toEqual(all.entries.slice(3, 6).map((e) => e.eventId));
    const bad = await get('leader-prov', `/audit/cases/${own.ticket}/history?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
  });

  it('redacts personal data by role: leader sees the identity, hospital nothing of the complainant', async () => {
    const leader = (await history('leader-prov', own.ticket)).entries.find((e) => e.type === 'ComplaintReceived')!;
    expect(leader.data['complainant']).toEqual({ kind: 'named', identity: IDENTITY, identityMasked: false });
    const admin = (await history('admin', own.ticket)).entries.find((e) => e.type === 'ComplaintReceived')!;
    expect(admin.data['complainant']).toEqual({ kind: 'named', identity: { name: '张**', phone: '138****5678' }, identityMasked: true });
    const hospital = (await history('hospital-a1-1', own.ticket)).entries.find((e) => e.type === 'ComplaintReceived')!;
    expect(hospital.data).not.toHaveProperty('complainant');
    expect(hospital.data).not.toHaveProperty('secretHash');
    expect(JSON.stringify(hospital)).not.toContain('sm4cbc');
  });

  it('lets a hospital read only its own institution’s cases (403 otherwise), and inspectors only their jurisdiction', async () => {
    expect((await get('hospital-a1-1', `/audit/cases/${own.ticket}/history`)).status).toBe(200);
    const denied = await get('hospital-a1-1', `/audit/cases/${other.ticket}/history`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await get('hospital-a1-1', `/audit/cases/${otherFinding}/dossier`)).status).toBe(403);
    expect((await get('hospital-a1-1', `/audit/cases/${finding}/state`)).status).toBe(200);
    expect((await get('inspector-a1', `/audit/cases/${other.ticket}/history`)).status).toBe(200);
    expect((await get('inspector-b1', `/audit/cases/${own.ticket}/history`)).status).toBe(403);
    expect((await get('hospital-a1-1', '/audit/access-log')).status).toBe(403);
    expect((await get('leader-prov', '/audit/cases/complaintTicket-nope/history')).status).toBe(404);
  });

  it('exports a dossier redacted by role, verifiable offline, and an edited byte fails', async () => {
    const res = await get('leader-prov', `/audit/cases/${own.ticket}/dossier?purpose=归档`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dossier-complaintTicket-.*\.html"$/);
    expect(res.headers['content-security-policy']).toBe(DOSSIER_CSP);
    const html = res.text;
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">`);
    expect(html).toContain('完整性校验');
    expect(html).toContain('张三丰');
    const file = join(dir, 'leader.html');
    writeFileSync(file, html);
    expect(verifyFile(file)).toMatchObject({ ok: true, root: own.ticket });
    const needle = '"openedBy":"inspector-a1"';
    const i = html.indexOf(needle);
    expect(i).toBeGreaterThan(0);
    writeFileSync(file, html.slice(0, i) + needle.replace('a1', 'a2') + html.slice(i + needle.length));
    expect(verifyFile(file)).toMatchObject({ ok: false, firstBreak: { streamName: finding, revision: 0, problem: 'content' } });
    writeFileSync(file, html);
    expect(verifyFile(file)).toMatchObject({ ok: true });

    const hospital = (await get('hospital-a1-1', `/audit/cases/${own.ticket}/dossier`).buffer(true)).text;
    expect(hospital).not.toContain('张三丰');
    expect(hospital).not.toContain(own.subjectId);
    expect(hospital).not.toContain('secretHash');
    // What the hospital may not see travels as sealed links: the chain still verifies offline.
    writeFileSync(file, hospital);
    expect(verifyFile(file)).toMatchObject({ ok: true, root: own.ticket });
  });

  it('shows an erased subject as erased in the dossier, still verifiable', async () => {
    await t.http.post(`/admin/subjects/${own.subjectId}/erase`).set(t.auth('admin')).send({ reason: '本人申请删除' }).expect(200);
    const html = (await get('leader-prov', `/audit/cases/${own.ticket}/dossier`).buffer(true)).text;
    expect(html).not.toContain('张三丰');
    expect(html).toContain('「已删除」');
    const file = join(dir, 'erased.html');
    writeFileSync(file, html);
    expect(verifyFile(file)).toMatchObject({ ok: true });
    const h = (await history('hospital-a1-1', own.ticket)).entries.find((e) => e.type === 'ComplaintReceived')!;
    expect(h.data).not.toHaveProperty('complainant');
  });

  it('shows dossier exports and case reads in the access log, filterable, for leaders and admins', async () => {
    const res = await get('admin', `/audit/access-log?caseStream=${own.ticket}&action=export`);
    expect(res.status).toBe(200);
    expect(res.body.rows.length).toBeGreaterThanOrEqual(2);
    expect(res.body.rows[res.body.rows.length - 1]).toMatchObject({
      action: 'export',
      caseStream: own.ticket,
      purpose: '归档',
      reader: { id: 'leader-prov', role: 'leader' },
    });
    const views = await get('leader-prov', `/audit/access-log?readerId=leader-prov&subjectId=${own.subjectId}`);
    // Identities shown to the leader were recorded as views of the subject, with the case and purpose.
    expect(views.body.rows.length).toBeGreaterThan(0);
    expect(views.body.rows[0]).toMatchObject({ action: 'view', outcome: 'granted', caseStream: own.ticket, subjectId: own.subjectId });
    const erased = await get('admin', `/audit/access-log?subjectId=${own.subjectId}&action=erase`);
    expect(erased.body.rows).toEqual([expect.objectContaining({ reader: expect.objectContaining({ id: 'admin' }), outcome: 'granted' })]);
    const reads = await get('leader-prov', `/audit/access-log?caseStream=${own.ticket}&action=view&readerId=leader-prov`);
    expect(
      reads.body.rows.some((r: { purpose: string; subjectId: string | null }) => r.purpose === '年度审计' && r.subjectId === null),
    ).toBe(true);
    const later = await get('leader-prov', `/audit/access-log?from=2099-01-01T00:00:00Z`);
    expect(later.body).toMatchObject({ total: 0, rows: [] });
  });
});
