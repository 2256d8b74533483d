import { Actor, WorkflowOutput } from '@bihuan/core';
import { recordSaga } from '@bihuan/audit';
import { findingDecider, OpenFinding } from '@bihuan/inspection';
import { handleCommand } from '@bihuan/processing';
import { TestApp } from '../../testing/test-app';

/** Findings may only be opened by inspectors: the escalation is sent on behalf of the case's inspector. */
const INSPECTOR_A1: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };

export const IDENTITY = { name: '张三丰', phone: '13812345678' };

/** The streams of one complaint case as the real complaints, ethics and credit contexts wrote them. */
export interface ComplaintCase {
  readonly ticketId: string;
  readonly ticket: string;
  readonly subjectId: string;
  readonly consequences: string;
  readonly ethics: string;
  readonly credit: string;
}

async function call(
  t: TestApp,
  method: 'get' | 'post',
  user: string | null,
  path: string,
  body: object,
  status: number,
): Promise<Record<string, unknown>> {
  const req = method === 'get' ? t.http.get(path) : t.http.post(path).send(body);
  const res = await (user ? req.set(t.auth(user)) : req);
  if (res.status !== status)
    throw new Error(`${method.toUpperCase()} ${path} as ${user}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/**
 * Through the real HTTP APIs: a named public complaint against `institutionId`, dispatched,
 * acknowledged and decided substantiated against `staffId`; the real complaintConsequences saga
 * then writes an ethics record (ethics context) and credit points (credit context).
 */
export async function complaintCase(t: TestApp, o: { institutionId: string; hospital: string; staffId: string }): Promise<ComplaintCase> {
  const submitted = await call(
    t,
    'post',
    null,
    '/public/complaints',
    {
      category: 'red-envelopes-kickbacks',
      description: '术前被索要红包',
      institutionId: o.institutionId,
      identity: IDENTITY,
    },
    201,
  );
  const list = await call(t, 'get', 'inspector-a1', '/complaints', {}, 200);
  const item = (list['items'] as { ticketCode: string; ticketId: string }[]).find((i) => i.ticketCode === submitted['ticketCode']);
  if (!item) throw new Error('submitted ticket not listed');
  const id = item.ticketId;
  t.clock.advanceHours(1);
  await call(t, 'post', 'inspector-a1', `/complaints/${id}/dispatch`, { institutionId: o.institutionId, complexity: 'simple' }, 200);
  t.clock.advanceHours(1);
  await call(t, 'post', o.hospital, `/complaints/${id}/acknowledge`, {}, 200);
  t.clock.advanceHours(1);
  await call(
    t,
    'post',
    o.hospital,
    `/complaints/${id}/decision`,
    { decision: 'substantiated', findings: '病房记录属实', implicatedStaffId: o.staffId },
    200,
  );
  await t.settle();
  const ticket = `complaintTicket-${id}`;
  const [received] = await t.store.readStream(ticket, { maxCount: 1 });
  const subjectId = (received!.data as { complainant: { subjectId: string } }).complainant.subjectId;
  // The case's credit points have a stream of their own, `creditPoints-<institution>.<pointsId>` (ADR 0006).
  const entry = (await t.store.readAll({ filter: { categories: ['creditPoints'] } })).find(
    (e) => e.type === 'CreditPointsAdded' && (e.data as { source?: { ticketId?: string } }).source?.ticketId === id,
  );
  return {
    ticketId: id,
    ticket,
    subjectId,
    consequences: `complaintConsequences-${id}`,
    ethics: `ethicsArchive-${o.staffId}`,
    credit: entry?.streamName ?? `creditArchive-${o.institutionId}`,
  };
}

/**
 * The fourth context: the credit points of the case lead to a finding at the institution. No
 * saga of the system does this yet, so the test records it exactly as a WorkflowRunner would
 * (InputRecorded ← the CreditPointsAdded, OutputRecorded with the finalised OpenFinding command)
 * and runs the command through the real finding decider (handleCommand). The visit is real (HTTP).
 */
export async function escalateToFinding(t: TestApp, c: ComplaintCase, institutionId: string): Promise<string> {
  const plannedDate = t.clock.now().toISOString().slice(0, 10);
  const visit = await call(t, 'post', 'inspector-a1', '/visits', { kind: 'unannounced', institutionId, plannedDate }, 201);
  await call(t, 'post', 'inspector-a1', `/visits/${String(visit['id'])}/record`, { conductedOn: plannedDate, summary: '暗访门诊' }, 200);
  const points = (await t.store.readStream(c.credit)).find((e) => e.type === 'CreditPointsAdded');
  if (!points) throw new Error(`no CreditPointsAdded in ${c.credit}`);
  const findingId = `F-${c.ticketId}`;
  const open: WorkflowOutput = {
    kind: 'send',
    stream: `finding-${findingId}`,
    command: {
      type: 'OpenFinding',
      data: {
        findingId,
        visitId: String(visit['id']),
        visitKind: 'unannounced',
        institutionId,
        category: 'red-envelopes',
        severity: 'severe',
        description: '投诉查实后立案整改',
        evidence: [],
        responsibleDepartment: '外科',
        requiredAction: 'deadline',
      },
      metadata: { commandId: '', correlationId: '', causationId: null, actor: INSPECTOR_A1, now: '' },
    },
  };
  t.clock.advanceHours(1);
  const [command] = await recordSaga(t.store, 'auditEscalation', c.ticketId, points, [open], t.clock.now().toISOString());
  await handleCommand(t.store, `finding-${findingId}`, findingDecider, command as OpenFinding);
  await t.settle();
  return `finding-${findingId}`;
}
