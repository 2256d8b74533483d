import { AccessPolicy, DEMO_UNITS, Jurisdiction } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { HistoryEntry } from '../history/case-history.types';
import { appendForCommand } from '../testing/linked-case.fixture';
import { parseAsOf } from './as-of-param';
import { CaseAccess } from './case-access';
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
    expect(() => parseAsOf(asOf, position)).toThrow(expect.objectContaining({ kind: 'validation', details: expect.objectContaining({ field }) }));
  });
});

describe('stateDeciderFor', () => {
  it('knows the six case categories and refuses others with 400', () => {
    for (const s of ['finding-1', 'visit-1', 'complaintTicket-1', 'ethicsArchive-s', 'ethicsEvaluation-e', 'creditArchive-h']) expect(stateDeciderFor(s).evolve).toEqual(expect.any(Function));
    expect(() => stateDeciderFor('complaintConsequences-1')).toThrow(expect.objectContaining({ code: 'AUDIT.UNKNOWN_CATEGORY' }));
  });
});

describe('CaseAccess', () => {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const store = new MemoryEventStore(clock);
  const access = new CaseAccess(store, new AccessPolicy(new Jurisdiction(DEMO_UNITS)));
  const meta = (id: string) => ({ commandId: id, correlationId: id, actor: LEADER, now: clock.now().toISOString() });
  beforeAll(async () => {
    await appendForCommand(store, 'finding-own', meta('c1'), [{ type: 'FindingOpened', data: { findingId: 'own', institutionId: 'hosp-a1-1' } }]);
    await appendForCommand(store, 'finding-other', meta('c2'), [{ type: 'FindingOpened', data: { findingId: 'other', institutionId: 'hosp-a1-2' } }]);
    await appendForCommand(store, 'complaintTicket-t', meta('c3'), [
      { type: 'ComplaintReceived', data: { ticketId: 't', institutionId: null } },
      { type: 'ComplaintDispatched', data: { ticketId: 't', institutionId: 'hosp-a1-1' } },
    ]);
    await appendForCommand(store, 'creditArchive-nowhere', meta('c4'), [{ type: 'Noted', data: {} }]);
  });

  it('decides by the institution of the root stream (first event naming one)', async () => {
    await expect(access.assertCanRead(HOSP, 'finding-own')).resolves.toBe('hosp-a1-1');
    await expect(access.assertCanRead(HOSP, 'complaintTicket-t')).resolves.toBe('hosp-a1-1');
    await expect(access.assertCanRead(HOSP, 'finding-other')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(access.assertCanRead(INSPECTOR_B1, 'finding-own')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(access.assertCanRead(LEADER, 'finding-other')).resolves.toBe('hosp-a1-2');
  });
  it('lets only leaders and admins read a case without a known institution; 404 for no case; 403 for other roles', async () => {
    await expect(access.assertCanRead(LEADER, 'creditArchive-nowhere')).resolves.toBeNull();
    await expect(access.assertCanRead(actor('inspector-a1', 'inspector', 'county-a1'), 'creditArchive-nowhere')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(access.assertCanRead(LEADER, 'finding-none')).rejects.toMatchObject({ code: 'AUDIT.CASE_NOT_FOUND' });
    await expect(access.assertCanRead(actor('p', 'partner', 'prov'), 'finding-own')).rejects.toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
  });
});

describe('subjectRedactor', () => {
  const entry = (data: object): HistoryEntry => ({ data } as unknown as HistoryEntry);
  const data = { ticketId: 't', complainant: { kind: 'named', subjectId: 's1', identityCiphertext: 'ct' }, contactPhone: '1380000' };
  const redact = (view: SubjectView, reader: Actor) => subjectRedactor(new Map([['s1', view]]), reader)(entry(data), reader);

  it('finds each subject with its ciphertext', () => {
    expect([...subjectsIn([entry(data)])]).toEqual([['s1', 'ct']]);
  });
  it('shows the identity where allowed, markers otherwise, never the ciphertext or subject id', () => {
    expect(redact({ kind: 'shown', masked: false, identity: { name: '张三' } }, LEADER)).toEqual({
      ticketId: 't', complainant: { kind: 'named', identity: { name: '张三' }, identityMasked: false }, contactPhone: '「个人信息·加密保存」',
    });
    expect(redact({ kind: 'hidden' }, HOSP)).toEqual({ ticketId: 't', complainant: { kind: 'named', subjectId: '「受保护」', identityCiphertext: '「受保护」' }, contactPhone: '「受保护」' });
    expect(redact({ kind: 'erased' }, LEADER)).toMatchObject({ complainant: { subjectId: '「已删除」', identityCiphertext: '「已删除」' } });
  });
});
