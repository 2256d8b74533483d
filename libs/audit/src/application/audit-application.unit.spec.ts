import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { DEMO_UNITS } from '@bihuan/demo';
import { Actor } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { HistoryEntry } from '../history/case-history.types';
import { appendForCommand, recordSaga } from '../testing/linked-case.fixture';
import { parseAsOf } from './as-of-param';
import { readerOf } from '@bihuan/auth';
import { StreamAccess } from '../access/stream-access';
import { subjectRedactor, subjectsIn, SubjectView } from './personal-data-redaction';
import { stateDeciderFor } from './state-deciders';

const actor = (id: string, role: Actor['role'], unit: string): Actor => ({ id, role, unit });
const LEADER = actor('leader-prov', 'leader', 'prov');
const HOSP = actor('hospital-a1-1', 'hospital', 'hosp-a1-1');
const INSPECTOR_B1 = actor('inspector-b1', 'inspector', 'county-b1');

describe('parseAsOf', () => {
  it('reads an ISO instant (normalised to toISOString) or a position, and nothing as "now"', () => {
    expect(parseAsOf('2025-03-04T16:00:00+08:00', undefined)).toEqual({ recordedAt: '2025-03-04T08:00:00.000Z' });
    expect(parseAsOf(undefined, '42')).toEqual({ position: 42 });
    expect(parseAsOf(undefined, undefined)).toBeUndefined();
  });
  it.each([
    ['yesterday', undefined, 'asOf'],
    ['2025-03-04', undefined, 'asOf'],
    [undefined, '-1', 'asOfPosition'],
    [undefined, '1.5', 'asOfPosition'],
    ['2025-03-04T08:00:00Z', '3', 'asOf'],
  ])('refuses asOf=%s asOfPosition=%s naming %s', (asOf, position, field) => {
    expect(() => parseAsOf(asOf, position)).toThrow(
      expect.objectContaining({ kind: 'validation', details: expect.objectContaining({ field }) }),
    );
  });
});

describe('stateDeciderFor', () => {
  it('knows the six case categories and refuses others with 400', () => {
    for (const s of ['finding-1', 'visit-1', 'complaintTicket-1', 'ethicsArchive-s', 'ethicsEvaluation-e', 'creditArchive-h'])
      expect(stateDeciderFor(s).evolve).toEqual(expect.any(Function));
    expect(() => stateDeciderFor('complaintConsequences-1')).toThrow(expect.objectContaining({ code: 'AUDIT.UNKNOWN_CATEGORY' }));
  });
});

describe("StreamAccess (the contexts' visibility declarations)", () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const policy = new AccessPolicy(new Jurisdiction(DEMO_UNITS));
  const as = (a: Actor) => new StreamAccess(store, readerOf(policy, a));
  const meta = (id: string) => ({ commandId: id, correlationId: id, actor: LEADER, now: clock.now().toISOString() });
  const HOSP_2 = actor('hospital-a1-2', 'hospital', 'hosp-a1-2');
  const LEADER_B = actor('leader-city-b', 'leader', 'city-b');
  beforeAll(async () => {
    await appendForCommand(store, 'finding-own', meta('c1'), [
      { type: 'FindingOpened', data: { findingId: 'own', institutionId: 'hosp-a1-1' } },
    ]);
    await appendForCommand(store, 'finding-other', meta('c2'), [
      { type: 'FindingOpened', data: { findingId: 'other', institutionId: 'hosp-a1-2' } },
    ]);
    await appendForCommand(store, 'complaintTicket-t', meta('c3'), [
      {
        type: 'ComplaintReceived',
        data: {
          ticketId: 't',
          institutionId: null,
          receivingUnit: 'county-a1',
          secretHash: 'h',
          complainant: { kind: 'named', subjectId: 's1', identityCiphertext: 'ct' },
        },
      },
      { type: 'ComplaintDispatched', data: { ticketId: 't', institutionId: 'hosp-a1-1' } },
      { type: 'ComplaintReturned', data: { ticketId: 't', institutionId: 'hosp-a1-1', reason: '错派' } },
      { type: 'ComplaintDispatched', data: { ticketId: 't', institutionId: 'hosp-a1-2' } },
    ]);
    await appendForCommand(store, 'creditArchive-nowhere', meta('c4'), [{ type: 'Noted', data: {} }]);
    await appendForCommand(store, 'creditArchive-hosp-a1-1', meta('c5'), [
      { type: 'CreditArchiveOpened', data: { institutionId: 'hosp-a1-1' } },
      { type: 'ListEntryAdded', data: { institutionId: 'hosp-a1-1', entryId: 'e1', list: 'black', reason: '黑名单' } },
      { type: 'DeadlineSet', data: { deadlineId: 'list-e1' } },
    ]);
    await appendForCommand(store, 'complaintReference-r', meta('c6'), [
      { type: 'ExternalReferenceClaimed', data: { reference: '12345-1', ticketId: 't' } },
    ]);
    const [received] = await store.readStream('complaintTicket-t', { maxCount: 1 });
    await recordSaga(store, 'complaintConsequences', 't', received!, [{ kind: 'ignore', reason: 'x' }], clock.now().toISOString());
  });

  it("decides by each category's declaration: the finding's institution", async () => {
    await expect(as(HOSP).assertReadable('finding-own')).resolves.toMatchObject({
      decision: { kind: 'granted', institutionId: 'hosp-a1-1' },
    });
    await expect(as(HOSP).assertReadable('finding-other')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(as(INSPECTOR_B1).assertReadable('finding-own')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(as(LEADER).assertReadable('finding-other')).resolves.toMatchObject({ decision: { kind: 'granted' } });
  });
  it("follows a ticket's current assignment, not the first institution named", async () => {
    await expect(as(HOSP).assertReadable('complaintTicket-t')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(as(HOSP_2).assertReadable('complaintTicket-t')).resolves.toMatchObject({
      decision: { kind: 'granted', institutionId: 'hosp-a1-2' },
    });
  });
  it('gives a process stream the access of the case it serves', async () => {
    await expect(as(HOSP_2).assertReadable('complaintConsequences-t')).resolves.toMatchObject({ serves: 'complaintTicket-t' });
    await expect(as(LEADER_B).assertReadable('complaintConsequences-t')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
  });
  it("gives a stream that serves a case (an external reference's claim) the access of that case", async () => {
    await expect(as(HOSP_2).assertReadable('complaintReference-r')).resolves.toMatchObject({ serves: 'complaintTicket-t' });
    await expect(as(HOSP).assertReadable('complaintReference-r')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
  });
  it('answers 404 for a stream without its opening event, even to leaders', async () => {
    await expect(as(LEADER).assertReadable('creditArchive-nowhere')).rejects.toMatchObject({ code: 'AUDIT.CASE_NOT_FOUND' });
    await expect(as(LEADER).assertReadable('finding-none')).rejects.toMatchObject({ code: 'AUDIT.CASE_NOT_FOUND' });
  });
  it('trims what a reader may not see: for hospitals the complainant and the secret hash; black-list entries for all but partners', async () => {
    const [received] = await store.readStream('complaintTicket-t', { maxCount: 1 });
    const hospitalView = await as(HOSP_2).view('complaintTicket-t', received!);
    expect(hospitalView!.data).not.toHaveProperty('secretHash');
    expect(hospitalView!.data).not.toHaveProperty('complainant');
    expect(await as(LEADER).view('complaintTicket-t', received!)).toBe(received);
    const [, listed, deadline] = await store.readStream('creditArchive-hosp-a1-1');
    const hospital = as(HOSP);
    await expect(hospital.view('creditArchive-hosp-a1-1', listed!)).resolves.toBeNull();
    await expect(hospital.view('creditArchive-hosp-a1-1', deadline!)).resolves.toBeNull();
    expect(hospital.showsDeadline('creditArchive-hosp-a1-1', 'list-e1')).toBe(false);
  });
});

describe('subjectRedactor', () => {
  const entry = (data: object): HistoryEntry => ({ data }) as unknown as HistoryEntry;
  const data = { ticketId: 't', complainant: { kind: 'named', subjectId: 's1', identityCiphertext: 'ct' }, contactPhone: '1380000' };
  const redact = (view: SubjectView, reader: Actor) => subjectRedactor(new Map([['s1', view]]), reader)(entry(data), reader);

  it('finds each subject with its ciphertext', () => {
    expect([...subjectsIn([entry(data)])]).toEqual([['s1', 'ct']]);
  });
  it('shows the identity where allowed, markers otherwise, never the ciphertext or subject id', () => {
    expect(redact({ kind: 'shown', masked: false, identity: { name: '张三' } }, LEADER)).toEqual({
      ticketId: 't',
      complainant: { kind: 'named', identity: { name: '张三' }, identityMasked: false },
      contactPhone: '「个人信息·加密保存」',
    });
    expect(redact({ kind: 'hidden' }, HOSP)).toEqual({
      ticketId: 't',
      complainant: { kind: 'named', subjectId: '「受保护」', identityCiphertext: '「受保护」' },
      contactPhone: '「受保护」',
    });
    expect(redact({ kind: 'erased' }, LEADER)).toMatchObject({
      complainant: { subjectId: '「已删除」', identityCiphertext: '「已删除」' },
    });
  });
});
