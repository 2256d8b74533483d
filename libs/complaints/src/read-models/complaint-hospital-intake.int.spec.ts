import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { DEMO_UNITS } from '@bihuan/demo';
import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { dispatched, received } from '../domain/complaint-ticket.fixtures';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { ComplaintStatisticsQuery } from './complaint-statistics.query';
import { complaintTicketsProjection } from './complaint-tickets.projection';
import { ComplaintTicketQueries } from './complaint-tickets.query';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';

const actor = (id: string, role: Actor['role'], unit: string): Actor => ({ id, role, unit });
const inspectorA1 = actor('inspector-a1', 'inspector', 'county-a1');
const inspectorB1 = actor('inspector-b1', 'inspector', 'county-b1');
const officeA11 = actor('hospital-a1-1', 'hospital', 'hosp-a1-1');
const officeA12 = actor('hospital-a1-2', 'hospital', 'hosp-a1-2');

let position = 0;
function recorded(ticketId: string, by: Actor, events: readonly ComplaintTicketEvent[], intake: object = {}): RecordedEvent[] {
  return events.map((e, i) => ({
    streamName: `complaintTicket-${ticketId}`,
    revision: i,
    position: (position += 1),
    type: e.type,
    data: { ...e.data, ...('ticketId' in e.data ? { ticketId } : {}), ...(e.type === 'ComplaintReceived' ? intake : {}) },
    metadata: {
      eventId: `ev-${position}`,
      correlationId: 'c',
      causationId: null,
      actor: by,
      occurredAt: '2025-03-10T02:00:00.000Z',
      recordedAt: '2025-03-10T02:00:00.000Z',
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  }));
}

const atWindow = { receivingUnit: 'hosp-a1-1', institutionId: 'hosp-a1-1', channel: 'window' };
const escalated: ComplaintTicketEvent = {
  type: 'ComplaintEscalated',
  data: {
    ticketId: 'x',
    round: 1,
    fromUnit: 'hosp-a1-1',
    toUnit: 'county-a1',
    reason: '涉及院领导',
    escalatedAt: '2025-03-05T02:00:00.000Z',
  },
};

/**
 * hk-own: received at hosp-a1-1's window and handled there (dispatched to itself); hk-up: received
 * there, handled, then escalated to county-a1; hk-com: received by county-a1, dispatched to hosp-a1-2.
 */
const EVENTS = [
  ...recorded('hk-own', officeA11, [received(), ...dispatched(1, 'hosp-a1-1')], { ...atWindow, ticketCode: 'OWN1-OWN1' }),
  ...recorded('hk-up', officeA11, [received(), ...dispatched(1, 'hosp-a1-1'), escalated], { ...atWindow, ticketCode: 'UPUP-UPUP' }),
  ...recorded('hk-com', inspectorA1, [received(), ...dispatched(1, 'hosp-a1-2')], {
    receivingUnit: 'county-a1',
    institutionId: 'hosp-a1-2',
    ticketCode: 'COMM-COMM',
  }),
];

describe.each(TEST_SQL_DIALECTS)('tickets received at a hospital (首诉负责) on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: ComplaintTicketQueries;
  let statistics: ComplaintStatisticsQuery;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, COMPLAINTS_MIGRATIONS]);
    await complaintTicketsProjection(test.database).handleBatch(EVENTS);
    const clock = new FakeClock('2025-03-06T00:00:00.000Z');
    queries = new ComplaintTicketQueries(test.database, new AccessPolicy(new Jurisdiction(DEMO_UNITS)), clock);
    statistics = new ComplaintStatisticsQuery(test.database, queries, clock);
  });
  afterAll(() => test.dispose());

  const ids = async (who: Actor) => (await queries.list(who, {})).items.map((i) => i.ticketId).sort();

  it('lists to the receiving hospital what it received, also once escalated; to no other hospital', async () => {
    expect(await ids(officeA11)).toEqual(['hk-own', 'hk-up']);
    expect(await ids(officeA12)).toEqual(['hk-com']);
    expect(await ids(inspectorA1)).toEqual(['hk-com', 'hk-own', 'hk-up']);
    expect(await ids(inspectorB1)).toEqual([]);
    await expect(queries.detail(officeA12, 'hk-up')).rejects.toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('shows an escalated ticket in the commission’s queue as received there, with who received it first and why it came up', async () => {
    const up = await queries.detail(officeA11, 'hk-up');
    expect(up).toMatchObject({
      status: 'received',
      receivingUnit: 'county-a1',
      receivedBy: 'hosp-a1-1',
      institutionId: null,
      answerDueAt: null,
      escalatedAt: '2025-03-05T02:00:00.000Z',
      escalationReason: '涉及院领导',
    });
    expect(up.history.map((h) => h.type)).toContain('ComplaintEscalated');
    expect(await queries.detail(inspectorA1, 'hk-own')).toMatchObject({ status: 'dispatched', receivedBy: 'hosp-a1-1', escalatedAt: null });
  });

  it('counts hospital-received tickets in the commission’s statistics, and those escalated', async () => {
    const stats = await statistics.statistics(inspectorA1, 'institution', {});
    expect(stats.totals).toMatchObject({ received: 3, receivedAtInstitutions: 2, escalated: 1 });
    expect(stats.groups.map((g) => [g.key, g.received, g.receivedAtInstitutions])).toEqual([
      ['hosp-a1-1', 2, 2],
      ['hosp-a1-2', 1, 0],
    ]);
  });
});
