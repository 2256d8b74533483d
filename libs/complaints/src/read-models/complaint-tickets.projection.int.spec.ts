import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { atFollowedUp, hospitalA, received, TICKET } from '../domain/complaint-ticket.fixtures';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { complaintTicketsProjection } from './complaint-tickets.projection';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';
import { ComplaintsTables } from './complaints.tables';

function recorded(events: ComplaintTicketEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({
    streamName: `complaintTicket-${TICKET}`,
    revision: i,
    position: i + 1,
    type: e.type,
    data: e.data,
    metadata: {
      eventId: `ev-${i}`,
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

describe.each(TEST_SQL_DIALECTS)('complaints-tickets projection on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, COMPLAINTS_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  const snapshot = async () => {
    const db = test.database.db.withTables<ComplaintsTables>();
    return {
      tickets: await db.selectFrom('complaints_tickets').selectAll().execute(),
      steps: await db.selectFrom('complaints_steps').selectAll().orderBy('step').execute(),
      history: await db.selectFrom('complaints_history').selectAll().orderBy('position').execute(),
    };
  };

  it('keeps ticket, on-time steps and history without identity, applies each event once, and rebuilds identically', async () => {
    const events = recorded([received(true), ...atFollowedUp().slice(1)]);
    const projection = complaintTicketsProjection(test.database);
    for (const e of events) await projection.handle(e);
    for (const e of events) await projection.handle(e); // redelivery after a crash: ignored by the checkpoint
    const first = await snapshot();
    expect(first.tickets).toMatchObject([
      {
        ticket_id: TICKET,
        status: 'followed-up',
        complainant_kind: 'named',
        subject_id: 'subj-1',
        institution_id: 'hosp-a',
        ack_on_time: 1,
        answer_on_time: 1,
        rating: 'satisfied',
        decision: 'substantiated',
      },
    ]);
    expect(first.steps).toMatchObject([
      { step: 'acknowledge', round: 1, institution_id: 'hosp-a', on_time: 1, expired: 0 },
      { step: 'answer', round: 1, institution_id: 'hosp-a', on_time: 1, expired: 0 },
    ]);
    expect(first.history).toHaveLength(events.length);
    expect(JSON.stringify(first)).not.toContain('sm4:ZZZ'); // never the identity ciphertext
    expect(JSON.stringify(first.history)).not.toMatch(/secretHash|sm3:abc|identityCiphertext|subj-1/);
    expect(first.steps).toMatchObject([{ done_at: '2025-03-04T01:00:00.000Z' }, { done_at: '2025-03-07T02:00:00.000Z' }]);

    await projection.reset();
    expect((await snapshot()).tickets).toEqual([]);
    await projection.handleBatch(events); // a rebuild's catch-up: one batch, one transaction
    expect(await snapshot()).toEqual(first);
  });
});
