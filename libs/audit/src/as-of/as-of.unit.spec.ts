import { Command, Decider, DomainEvent } from '@bihuan/core';
import { MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { listAsOf, ListDefinition, stateAsOf } from './as-of';
import { seedLinkedCase } from '../testing/linked-case.fixture';

/** A small ticket view: status and how many events it saw. */
interface TicketView {
  readonly status: 'none' | 'received' | 'decided' | 'answered';
  readonly events: number;
}
const ticketDecider: Decider<Command, DomainEvent, TicketView> = {
  initialState: { status: 'none', events: 0 },
  evolve: (s, e) => ({
    status:
      e.type === 'ComplaintReceived'
        ? 'received'
        : e.type === 'ComplaintDecided'
          ? 'decided'
          : e.type === 'ComplaintAnswered'
            ? 'answered'
            : s.status,
    events: s.events + 1,
  }),
  decide: () => [],
};

/** The 信用 points list: points per institution. */
const pointsList: ListDefinition<Readonly<Record<string, number>>> = {
  name: 'creditPoints',
  initial: {},
  filter: { eventTypes: ['CreditPointsAdded'] },
  reduce: (s, e: RecordedEvent) => {
    const d = e.data as { institutionId: string; points: number };
    return { ...s, [d.institutionId]: (s[d.institutionId] ?? 0) + d.points };
  },
};

describe('as of', () => {
  it('gives the states observed at several past instants, by position and by recorded time', async () => {
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const observed: { position: number; recordedAt: string; ticket: TicketView; points: Record<string, number> }[] = [];
    const observe = async () => {
      const position = (await store.headPosition()) ?? 0;
      const head = (await store.readAll({ fromPosition: position - 1 }))[0];
      let ticket = ticketDecider.initialState;
      for (const e of await store.readStream('complaintTicket-T1')) ticket = ticketDecider.evolve(ticket, e);
      let points: Record<string, number> = {};
      for (const e of await store.readAll({ filter: pointsList.filter! })) points = { ...pointsList.reduce(points, e) };
      observed.push({ position, recordedAt: head?.metadata.recordedAt ?? '', ticket, points });
    };
    // Observe what "the API" would have said after each step of the scenario.
    await seedLinkedCase(
      store,
      () => clock.now().toISOString(),
      async () => {
        await observe();
        clock.advanceHours(1);
      },
    );
    await observe();
    expect(new Set(observed.map((o) => o.ticket.status))).toEqual(new Set(['none', 'received', 'decided', 'answered']));
    for (const o of observed.filter((x) => x.position > 0)) {
      const byPosition = await stateAsOf(store, 'complaintTicket-T1', ticketDecider, { position: o.position });
      expect(byPosition.state).toEqual(o.ticket);
      const byTime = await stateAsOf(store, 'complaintTicket-T1', ticketDecider, { recordedAt: o.recordedAt });
      expect(byTime.state).toEqual(o.ticket);
      expect((await listAsOf(store, pointsList, { position: o.position })).state).toEqual(o.points);
      expect((await listAsOf(store, pointsList, { recordedAt: o.recordedAt }, 2)).state).toEqual(o.points);
    }
  });
});
