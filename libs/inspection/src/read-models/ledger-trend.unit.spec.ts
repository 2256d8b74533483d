import { monthlyTrend } from './ledger-trend';

describe('monthlyTrend: rows opened and signed off per Beijing month', () => {
  it('counts each row in the month of each of its own dates, in Beijing time', () => {
    // Given a row opened on 1 March in Beijing (still 28 Feb in UTC) and signed off on 1 April in Beijing
    const rows = [
      { opened_at: '2025-02-28T17:00:00.000Z', signed_off_at: '2025-03-31T16:30:00.000Z' },
      { opened_at: '2025-03-10T02:00:00.000Z', signed_off_at: null },
    ];
    // Then March has both openings and April the sign-off
    expect(monthlyTrend(rows, {})).toEqual([
      { month: '2025-03', opened: 2, signedOff: 0 },
      { month: '2025-04', opened: 0, signedOff: 1 },
    ]);
  });

  it('keeps to the period and fills the months between with zeros, across a year end', () => {
    const rows = [
      { opened_at: '2025-11-05T02:00:00.000Z', signed_off_at: '2026-02-03T02:00:00.000Z' },
      { opened_at: '2025-10-30T02:00:00.000Z', signed_off_at: null },
    ];
    expect(monthlyTrend(rows, { from: '2025-11-01', to: '2026-02-28' })).toEqual([
      { month: '2025-11', opened: 1, signedOff: 0 },
      { month: '2025-12', opened: 0, signedOff: 0 },
      { month: '2026-01', opened: 0, signedOff: 0 },
      { month: '2026-02', opened: 0, signedOff: 1 },
    ]);
    expect(monthlyTrend(rows, { from: '2026-03-01' })).toEqual([]);
  });
});
