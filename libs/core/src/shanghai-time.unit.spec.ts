import { SHANGHAI_OFFSET_MS, shanghaiDate, shanghaiDateTime, shanghaiDayStartMs } from './shanghai-time';

describe('Shanghai local time', () => {
  it('is UTC+8 all year', () => {
    expect(SHANGHAI_OFFSET_MS).toBe(28_800_000);
    expect(shanghaiDateTime('2025-07-01T00:00:00.000Z')).toBe('2025-07-01 08:00:00');
  });

  it('puts an instant after 16:00 UTC on the next Shanghai day', () => {
    expect(shanghaiDate('2025-03-03T15:59:59.999Z')).toBe('2025-03-03');
    expect(shanghaiDate('2025-03-03T16:00:00.000Z')).toBe('2025-03-04');
    expect(shanghaiDate('2025-03-04T00:30:00+08:00')).toBe('2025-03-04');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(shanghaiDayStartMs('2025-03-04')).toISOString()).toBe('2025-03-03T16:00:00.000Z');
    expect(shanghaiDayStartMs('not a date')).toBeNaN();
  });
});
