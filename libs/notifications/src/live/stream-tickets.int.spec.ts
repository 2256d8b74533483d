import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { NOTIFICATIONS_MIGRATIONS } from '../notifications.migrations';
import { StreamTickets } from './stream-tickets';

describe.each(TEST_SQL_DIALECTS)('StreamTickets on $name', (dialect) => {
  let test: TestSqlDatabase;
  let tickets: StreamTickets;
  const clock = new FakeClock();
  const actor = { id: 'u-zhang', role: 'inspector' as const, unit: 'county-a1' };

  beforeEach(async () => {
    clock.set('2025-03-03T01:00:00.000Z');
    test = await dialect.open([NOTIFICATIONS_MIGRATIONS]);
    tickets = new StreamTickets(test.database, clock);
  });
  afterEach(() => test.dispose());

  it('redeems a ticket once for its actor and session, never a second time, of two racing only one', async () => {
    const { ticket } = await tickets.issue(actor, 'sid-1');
    const [first, second] = await Promise.all([tickets.redeem(ticket), tickets.redeem(ticket)]);
    expect([first, second].filter((r) => r !== null)).toEqual([{ actor, sessionId: 'sid-1' }]);
    expect(await tickets.redeem(ticket)).toBeNull();
  });

  it('refuses a ticket after 60 s, and anything it did not issue; keeps only hashes', async () => {
    const { ticket, expiresAt } = await tickets.issue(actor, null);
    expect(expiresAt).toBe('2025-03-03T01:01:00.000Z');
    const rows = await test.database.db
      .withTables<{ notification_stream_tickets: { ticket_hash: string } }>()
      .selectFrom('notification_stream_tickets')
      .select('ticket_hash')
      .execute();
    expect(rows.map((r) => r.ticket_hash)).not.toContain(ticket);
    clock.advance(60_000);
    expect(await tickets.redeem(ticket)).toBeNull();
    expect(await tickets.redeem('x'.repeat(43))).toBeNull();
    expect(await tickets.redeem('short')).toBeNull();
  });
});
