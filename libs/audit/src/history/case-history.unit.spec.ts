import { FakeClock } from '@bihuan/testing';
import { CaseHistoryService } from './case-history.service';
import { MemoryAuditTrail } from '../trail/memory-audit-trail.adapter';
import { readAuditTrail } from '../trail/audit-trail.port';
import { LEADER } from '../testing/readers.fixture';
import { PROTECTED_MARKER } from '../dossier/redaction';
import { redactEntries } from './redact-history';
import { indexedLinkedCase } from '../testing/indexed-linked-case.fixture';
import { HOSPITAL } from '../testing/linked-case.fixture';

async function given() {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const { store, ids, index } = await indexedLinkedCase(clock);
  const trail = new MemoryAuditTrail();
  return { clock, store, ids, index, trail, service: new CaseHistoryService(store, index, { trail, clock, chunk: 3 }) };
}

/** The ticket and the streams it led to, in the order the history lists them (the visit goes first or last). */
const ticketAndLinked = (ids: Awaited<ReturnType<typeof given>>['ids']) => [
  ids.ticket,
  ids.consequences,
  ids.ethics,
  ids.credit,
  ids.creditSaga,
  ids.finding,
];

describe('CaseHistoryService', () => {
  it('merges the ticket with every linked stream in global order, with causation links', async () => {
    const { ids, service } = await given();
    const page = await service.history(ids.ticket, { pageSize: 100 });
    const of = (type: string, stream?: string) => page.entries.find((e) => e.type === type && (!stream || e.stream === stream))!;
    expect(page.streams.map((s) => s.stream)).toEqual([...ticketAndLinked(ids), ids.visit]);
    expect(page.streams.map((s) => s.stream)).not.toContain(ids.unrelated);
    expect(of('RectificationNoticeIssued').causedBy).toMatchObject({ stream: ids.finding, type: 'FindingOpened' });
    expect(of('VisitPlanned').linked).toBe(true);
    const positions = page.entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(page.total).toBe(page.entries.length);
    const decided = of('ComplaintDecided');
    const input = page.entries.find((e) => e.stream === ids.consequences && e.type === 'InputRecorded')!;
    expect(input.causedBy).toMatchObject({ eventId: decided.eventId, stream: ids.ticket, type: 'ComplaintDecided' });
    const ethics = of('EthicsRecordAdded');
    expect(ethics.causedBy).toMatchObject({ stream: ids.consequences, type: 'OutputRecorded' });
    const points = page.entries.find((e) => e.type === 'CreditPointsAdded' && e.linked)!;
    expect(points.causedBy).toMatchObject({ stream: ids.consequences, type: 'OutputRecorded' });
    const opened = of('FindingOpened');
    expect(opened.causedBy).toMatchObject({ stream: ids.creditSaga, type: 'OutputRecorded' });
    const sagaInput = page.entries.find((e) => e.stream === ids.creditSaga && e.type === 'InputRecorded')!;
    expect(sagaInput.causedBy!.eventId).toBe(points.eventId);
    // ticket → saga → ethics / credit → saga → finding, in that order
    expect(decided.position).toBeLessThan(ethics.position);
    expect(ethics.position).toBeLessThan(points.position);
    expect(points.position).toBeLessThan(opened.position);
    // the timer-sent reminder names the deadline that armed it
    expect(of('DeadlineWarned').causedBy).toMatchObject({ type: 'DeadlineSet', stream: ids.ticket });
    // the credit archive's earlier events are shown as context, not as part of the case
    expect(page.entries.filter((e) => e.stream === ids.credit).map((e) => e.linked)).toEqual([false, false, true]);
    expect(of('ComplaintAnswered').actor).toEqual(HOSPITAL);
  });

  it('reports the deadline state at each moment', async () => {
    const { ids, service } = await given();
    const { entries } = await service.history(ids.ticket, { pageSize: 100 });
    const ticket = entries.filter((e) => e.stream === ids.ticket);
    expect(ticket[0]!.deadlines).toEqual([]);
    expect(ticket[1]!.deadlines).toEqual([
      expect.objectContaining({ deadlineId: 'answer', status: 'pending', dueAt: '2025-03-10T10:00:00.000Z', warned: [] }),
    ]);
    expect(ticket.find((e) => e.type === 'DeadlineWarned')!.deadlines[0]!.warned).toEqual(['2025-03-07T10:00:00.000Z']);
    expect(ticket[ticket.length - 1]!.deadlines).toEqual([]); // cleared
    expect(entries.find((e) => e.type === 'EthicsRecordAdded')!.deadlines).toEqual([]);
  });

  it('pages through the same timeline and records each read for leaders to see', async () => {
    const { ids, service, trail } = await given();
    const all = (await service.history(ids.ticket, { pageSize: 1000 })).entries.map((e) => e.eventId);
    const paged: string[] = [];
    for (let page = 1; ; page += 1) {
      const p = await service.history(ids.ticket, { page, pageSize: 4, reader: LEADER, purpose: '专项审计' });
      paged.push(...p.entries.map((e) => e.eventId));
      if (page >= p.pages) break;
    }
    expect(paged).toEqual(all);
    const streamed = [];
    for await (const batch of service.stream(ids.ticket, { batch: 5 })) streamed.push(...batch.map((e) => e.eventId));
    expect(streamed).toEqual(all);
    const reads = await readAuditTrail(trail, LEADER, { stream: ids.ticket });
    expect(reads.length).toBeGreaterThan(1);
    expect(reads[0]).toMatchObject({ reader: LEADER, action: 'history', purpose: '专项审计' });
    await expect(readAuditTrail(trail, HOSPITAL)).rejects.toMatchObject({ code: 'AUDIT.TRAIL_FORBIDDEN' });
  });

  it('opens the same case from any of its streams, and as of a past position', async () => {
    const { ids, service, store } = await given();
    const fromFinding = await service.history(ids.finding, { pageSize: 100 });
    expect(new Set(fromFinding.streams.map((s) => s.stream))).toEqual(
      new Set([ids.ticket, ids.credit, ids.consequences, ids.ethics, ids.creditSaga, ids.finding, ids.visit]),
    );
    const fromVisit = await service.history(ids.visit, { pageSize: 100 });
    expect(fromVisit.streams.map((s) => s.stream)).toEqual([ids.visit, ...ticketAndLinked(ids)]);
    const decided = (await store.readStream(ids.ticket)).find((e) => e.type === 'ComplaintDecided')!;
    const then = await service.history(ids.ticket, { pageSize: 100, asOf: { position: decided.position } });
    expect(then.streams.map((s) => s.stream)).toEqual([ids.ticket]);
    expect(then.entries[then.entries.length - 1]!.eventId).toBe(decided.metadata.eventId);
    await expect(service.history(ids.ticket, { asOf: { position: 1 } })).rejects.toMatchObject({
      code: 'AUDIT.CASE_NOT_FOUND',
      kind: 'not_found',
    });
    await expect(service.history('complaintTicket-none')).rejects.toMatchObject({ code: 'AUDIT.CASE_NOT_FOUND' });
  });

  it('redacts personal data in entries for readers who may not see it', async () => {
    const { ids, service } = await given();
    const { entries } = await service.history(ids.ticket, { pageSize: 3 });
    const received = redactEntries(entries, HOSPITAL).find((e) => e.type === 'ComplaintReceived')!;
    expect(JSON.stringify(received.data)).not.toMatch(/subj-42|sm4:/);
    expect(received.data).toMatchObject({
      complainant: { kind: 'named', subjectId: PROTECTED_MARKER, identityCiphertext: PROTECTED_MARKER },
    });
    expect(received.hash).toBe(entries.find((e) => e.type === 'ComplaintReceived')!.hash);
  });
});
