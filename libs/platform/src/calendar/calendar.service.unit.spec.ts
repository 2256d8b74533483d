import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { CalendarService } from './calendar.service';

const year2027 = {
  year: 2027,
  source: 'test notice',
  holidays: { '2027-01-01': '元旦' },
  makeupWorkdays: {},
};

describe('CalendarService', () => {
  it('computes a year it has no data for provisionally until it is imported, and every process then sees the import', async () => {
    const clock = new FakeClock('2026-11-22T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const api = new CalendarService(store, clock);
    const worker = new CalendarService(store, clock);
    const before = await worker.current();
    expect(before.isProvisional(2027)).toBe(true);
    expect(before.isWorkingDay('2027-01-04')).toBe(true);
    expect(before.addWorkingDays('2026-12-30T02:00:00.000Z', 2).calendarVersion).toMatch(/\+provisional:2027@statutory-2025$/);
    const result = await api.importYear(year2027, { id: 'admin', role: 'admin', unit: 'prov' });
    expect(result.version).toContain('+2027@');
    const after = await worker.current();
    expect(after.version).toBe(result.version);
    expect(after.isWorkingDay('2027-01-01')).toBe(false);
    expect(after.isWorkingDay('2027-01-04')).toBe(true);
    expect(after.isProvisional(2027)).toBe(false);
    expect(after.addWorkingDays('2026-12-30T02:00:00.000Z', 2).calendarVersion).toBe(result.version);
    const [event] = await store.readStream('calendar-cn');
    expect(event?.metadata.actor.id).toBe('admin');
  });

  it('rejects a malformed file and records nothing', async () => {
    const clock = new FakeClock();
    const store = new MemoryEventStore(clock);
    await expect(new CalendarService(store, clock).importYear({ year: 'x' }, { id: 'a', role: 'admin', unit: 'prov' })).rejects.toThrow();
    expect(await store.readStream('calendar-cn')).toEqual([]);
  });
});
