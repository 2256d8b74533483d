import { deterministicId, SYSTEM_ACTOR } from '@bihuan/core';
import { yearContentHash } from '@bihuan/calendar';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock, racingProcesses } from '@bihuan/testing';
import { CALENDAR_RECHECK_MS, CalendarService } from './calendar.service';

const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };
const year2027 = {
  year: 2027,
  source: 'test notice',
  holidays: { '2027-01-01': '元旦' },
  makeupWorkdays: {},
};

describe('CalendarService', () => {
  it('computes a year it has no data for provisionally until it is imported, and every process then sees the import within the recheck window', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    let elapsedMs = 0;
    const freshness = { recheckMs: CALENDAR_RECHECK_MS, monotonicMs: () => elapsedMs };
    const api = new CalendarService(store, clock, freshness);
    const worker = new CalendarService(store, clock, freshness);
    const before = await worker.current();
    expect(before.isProvisional(2027)).toBe(true);
    expect(before.isWorkingDay('2027-01-04')).toBe(true);
    expect(before.addWorkingDays('2026-12-30T02:00:00.000Z', 2).calendarVersion).toMatch(/\+provisional:2027@statutory-2025$/);
    const result = await api.importYear(year2027, { id: 'admin', role: 'admin', unit: 'prov' });
    expect(result.version).toContain('+2027@');
    expect((await api.current()).version).toBe(result.version); // its own import at once
    // Another process looks again once the window has passed; until then it decides on what it loaded.
    elapsedMs = CALENDAR_RECHECK_MS - 1;
    expect((await worker.current()).version).toBe(before.version);
    elapsedMs = CALENDAR_RECHECK_MS;
    const after = await worker.current();
    expect(after.version).toBe(result.version);
    expect(after.isWorkingDay('2027-01-01')).toBe(false);
    expect(after.isWorkingDay('2027-01-04')).toBe(true);
    expect(after.isProvisional(2027)).toBe(false);
    expect(after.addWorkingDays('2026-12-30T02:00:00.000Z', 2).calendarVersion).toBe(result.version);
    const [event] = await store.readStream('calendar-cn');
    expect(event?.metadata.actor.id).toBe('admin');
  });

  it('answers a calendar that includes an import the caller has seen, inside the window too', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const freshness = { recheckMs: CALENDAR_RECHECK_MS, monotonicMs: () => 0 };
    const worker = new CalendarService(store, clock, freshness);
    expect((await worker.current()).isProvisional(2027)).toBe(true);
    await new CalendarService(store, clock, freshness).importYear(year2027, admin);
    const [imported] = await store.readStream('calendar-cn');
    expect((await worker.current()).isProvisional(2027)).toBe(true);
    expect((await worker.current({ revision: imported!.revision })).isProvisional(2027)).toBe(false);
  });

  it('rejects a malformed file and records nothing', async () => {
    const clock = new FakeClock();
    const store = new MemoryEventStore(clock);
    await expect(new CalendarService(store, clock).importYear({ year: 'x' }, { id: 'a', role: 'admin', unit: 'prov' })).rejects.toThrow();
    expect(await store.readStream('calendar-cn')).toEqual([]);
  });

  it('writes the same file once: imported again, or twice at once in one process', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const service = new CalendarService(store, clock);
    const [first, again] = await Promise.all([service.importYear(year2027, admin), service.importYear(year2027, admin)]);
    expect(again).toEqual(first);
    expect(await service.importYear(year2027, admin)).toEqual(first);
    expect(await store.readStream('calendar-cn')).toHaveLength(1);
  });

  it('writes the same file once when two processes import it at once (both decide on the empty stream)', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const [api, cli] = racingProcesses(store).map((view) => new CalendarService(view, clock));
    const [a, b] = await Promise.all([api!.importYear(year2027, admin), cli!.importYear(year2027, admin)]);
    expect(b).toEqual(a);
    expect(await store.readStream('calendar-cn')).toHaveLength(1);
  });

  it('writes nothing for a file a log written before the decider already holds as the latest of its year', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const contentHash = yearContentHash(year2027);
    const eventId = deterministicId('calendar-import', 2027, contentHash);
    const metadata = {
      eventId,
      correlationId: eventId,
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: clock.now().toISOString(),
      schemaVersion: 1,
    };
    await store.append(
      'calendar-cn',
      [{ type: 'CalendarYearImported', data: { year: 2027, contentHash, calendar: year2027 }, metadata }],
      'no_stream',
    );
    await new CalendarService(store, clock).importYear(year2027, admin);
    expect(await store.readStream('calendar-cn')).toHaveLength(1);
  });
});
