import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RecordedEvent } from '@bihuan/event-store';
import { atFollowedUp, hospitalA, received, TICKET } from '../domain/complaint-ticket.fixtures';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { complaintTicketsProjection } from './complaint-tickets.projection';

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

describe('complaints-tickets projection (SQLite file)', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-complaints-rm-'));
    db = new Database(join(dir, 'read-models.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = () => ({
    tickets: db.prepare('SELECT * FROM complaints_tickets').all(),
    steps: db.prepare('SELECT * FROM complaints_steps ORDER BY step').all(),
    history: db.prepare('SELECT * FROM complaints_history ORDER BY position').all(),
  });

  it('keeps ticket, on-time steps and history without identity, applies each event once, and rebuilds identically', () => {
    const events = recorded([received(true), ...atFollowedUp().slice(1)]);
    const projection = complaintTicketsProjection(db);
    for (const e of events) projection.handle(e);
    for (const e of events) projection.handle(e); // redelivery after a crash: ignored by the checkpoint
    const first = snapshot();
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

    projection.reset();
    expect(snapshot().tickets).toEqual([]);
    for (const e of events) projection.handle(e);
    expect(snapshot()).toEqual(first);
  });
});
