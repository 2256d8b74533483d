import { backoffMs } from './backoff';

describe('backoffMs', () => {
  it('doubles from the base delay after each failed attempt and never exceeds the cap', () => {
    const settings = { baseDelaySeconds: 60, maxDelaySeconds: 3_600 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 40].map((attempts) => backoffMs(settings, attempts) / 1000)).toEqual([
      60, 120, 240, 480, 960, 1_920, 3_600, 3_600, 3_600,
    ]);
  });
});
