import { SHANGHAI_OFFSET_MS, shanghaiDate } from './shanghai-time';

describe('shanghaiDate', () => {
  it('gives the Shanghai date of an instant: 16:00Z is already the next day there', () => {
    expect(shanghaiDate('2025-03-02T15:59:59.999Z')).toBe('2025-03-02');
    expect(shanghaiDate('2025-03-02T16:00:00.000Z')).toBe('2025-03-03');
    expect(shanghaiDate('2025-03-03T09:00:00+08:00')).toBe('2025-03-03');
    expect(SHANGHAI_OFFSET_MS).toBe(28_800_000);
  });
});
