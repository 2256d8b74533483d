import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { DEMO_UNITS } from '@bihuan/demo';
import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { acknowledged, answered, decided, dispatched, followedUp, hospitalA, received } from '../domain/complaint-ticket.fixtures';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { ComplaintStatisticsQuery } from './complaint-statistics.query';
import { complaintTicketsProjection } from './complaint-tickets.projection';
import { ComplaintTicketQueries } from './complaint-tickets.query';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';

const actor = (id: string, role: Actor['role'], unit: string): Actor => ({ id, role, unit });
const admin = actor('admin', 'admin', 'prov');
const inspectorA1 = actor('inspector-a1', 'inspector', 'county-a1');
const hospitalB = actor('hospital-b1-1', 'hospital', 'hosp-b1-1');

let position = 0;
/** A fixture ticket's events under another id, with its intake changed. */
function ticket(id: string, intake: Record<string, unknown>, events: ComplaintTicketEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({
    streamName: `complaintTicket-${id}`,
    revision: i,
    position: (position += 1),
    type: e.type,
    data: { ...e.data, ...('ticketId' in e.data ? { ticketId: id } : {}), ...(e.type === 'ComplaintReceived' ? intake : {}) },
    metadata: {
      eventId: `ev-${position}`,
      correlationId: 'c',
      causationId: null,
      actor: hospitalA,
      occurredAt: '2025-03-10T02:00:00.000Z',
      recordedAt: '2025-03-10T02:00:00.000Z',
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  }));
}

/**
 * Three tickets: A closed the loop on time (received 1 April in China, 31 March in UTC), B is
 * past both due dates without a step, C waits for dispatch with no institution.
 */
const EVENTS = [
  ...ticket(
    'tk-a',
    { receivingUnit: 'county-a1', institutionId: 'hosp-a1-1', ticketCode: 'AAAA-AAAA', receivedAt: '2025-03-31T17:00:00.000Z' },
    [received(), ...dispatched(1, 'hosp-a1-1'), ...acknowledged(1, 'hosp-a1-1'), decided(), ...answered(), followedUp('satisfied')],
  ),
  ...ticket(
    'tk-b',
    {
      receivingUnit: 'city-b',
      institutionId: 'hosp-b1-1',
      ticketCode: 'BBBB-BBBB',
      category: 'other',
      receivedAt: '2025-03-03T02:00:00.000Z',
    },
    [received(), ...dispatched(1, 'hosp-b1-1')],
  ),
  ...ticket('tk-c', { receivingUnit: 'county-a1', institutionId: null, ticketCode: 'CCCC-CCCC', receivedAt: '2025-03-05T02:00:00.000Z' }, [
    received(),
  ]),
];

const step = (due: number, onTime: number) => ({ due, onTime, late: due - onTime, onTimeRate: due === 0 ? null : onTime / due });

describe.each(TEST_SQL_DIALECTS)('complaints queries and statistics on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: ComplaintTicketQueries;
  let statistics: ComplaintStatisticsQuery;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, COMPLAINTS_MIGRATIONS]);
    await complaintTicketsProjection(test.database).handleBatch(EVENTS);
    const clock = new FakeClock('2025-04-10T00:00:00.000Z');
    queries = new ComplaintTicketQueries(test.database, new AccessPolicy(new Jurisdiction(DEMO_UNITS)), clock);
    statistics = new ComplaintStatisticsQuery(test.database, queries, clock);
  });
  afterAll(() => test.dispose());

  const ids = async (who: Actor, filter = {}) => (await queries.list(who, filter)).items.map((i) => i.ticketId);

  it('lists newest first within scope, filters overdue, and pages by cursor', async () => {
    expect(await ids(admin)).toEqual(['tk-a', 'tk-c', 'tk-b']);
    expect(await ids(inspectorA1)).toEqual(['tk-a', 'tk-c']);
    expect(await ids(hospitalB)).toEqual(['tk-b']);
    expect(await ids(admin, { overdue: true })).toEqual(['tk-b']);
    expect(await ids(admin, { overdue: false })).toEqual(['tk-a', 'tk-c']);
    expect(await ids(admin, { institutionId: 'hosp-a1-1' })).toEqual(['tk-a']);
    expect(await ids(admin, { from: '2025-03-04T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' })).toEqual(['tk-a', 'tk-c']);
    // Bounds with an offset or a bare (Beijing) date are instants, not text: tk-a came at 01:00 on 1 April in Beijing.
    expect(await ids(admin, { from: '2025-03-04T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' })).toEqual(['tk-c']);
    expect(await ids(admin, { from: '2025-03-04', to: '2025-04-01' })).toEqual(['tk-c']);
    const first = await queries.list(admin, { pageSize: 2 });
    expect(first.items.map((i) => [i.ticketId, i.overdue])).toEqual([
      ['tk-a', false],
      ['tk-c', false],
    ]);
    const second = await queries.list(admin, { pageSize: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [expect.objectContaining({ ticketId: 'tk-b', overdue: true })], nextCursor: null });
  });

  it('answers details within scope, secrets by code and the public status', async () => {
    const detail = await queries.detail(admin, 'tk-a');
    expect(detail).toMatchObject({ status: 'followed-up', acknowledgedOnTime: true, answeredOnTime: true, rating: 'satisfied' });
    expect(detail.history.map((h) => h.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expect(queries.detail(hospitalB, 'tk-a')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    await expect(queries.detail(admin, 'nope')).rejects.toBeInstanceOf(DomainError);
    expect(await queries.codeExists('BBBB-BBBB')).toBe(true);
    expect(await queries.codeExists('ZZZZ-ZZZZ')).toBe(false);
    expect(await queries.secretsOf('CCCC-CCCC')).toEqual([{ ticketId: 'tk-c', secretHash: 'sm3:abc' }]);
    expect(await queries.publicStatus('tk-b')).toMatchObject({ ticketCode: 'BBBB-BBBB', step: 'dispatched', category: 'other' });
  });

  it('counts by month of receipt in China time, by institution and in total, the same on both engines', async () => {
    const byMonth = await statistics.statistics(admin, 'month', {});
    expect(byMonth.generatedAt).toBe('2025-04-10T00:00:00.000Z');
    expect(byMonth.totals).toMatchObject({
      received: 3,
      open: 3,
      overdue: 1,
      acknowledge: step(2, 1),
      answer: step(2, 1),
      satisfaction: { satisfied: 1, rated: 1, satisfactionRate: 1 },
      decisions: { substantiated: 1, decided: 1, substantiatedRate: 1 },
    });
    expect(byMonth.groups.map((g) => [g.key, g.received, g.overdue, g.acknowledge, g.answer])).toEqual([
      ['2025-03', 2, 1, step(1, 0), step(1, 0)],
      ['2025-04', 1, 0, step(1, 1), step(1, 1)],
    ]);
    const byInstitution = await statistics.statistics(inspectorA1, 'institution', {});
    expect(byInstitution.groups.map((g) => [g.key, g.received, g.acknowledge.onTimeRate])).toEqual([
      ['(unassigned)', 1, null],
      ['hosp-a1-1', 1, 1],
    ]);
    const byCategory = await statistics.statistics(admin, 'category', { from: '2025-03-01T00:00:00.000Z' });
    expect(byCategory.groups.map((g) => [g.key, g.received])).toEqual([
      ['other', 1],
      ['red-envelopes-kickbacks', 2],
    ]);
    expect((await statistics.statistics(admin, 'none', {})).groups).toEqual([]);
  });
});
