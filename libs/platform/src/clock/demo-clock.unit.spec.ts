import { Clock } from '@bihuan/core';
import { createClock, DemoClock } from './demo-clock';

class SteppedClock implements Clock {
  constructor(public ms: number) {}
  now(): Date {
    return new Date(this.ms);
  }
}

describe('DemoClock (CLOCK=fake:<iso>)', () => {
  it('starts at the chosen instant, runs with real time and jumps ahead on demand', () => {
    const real = new SteppedClock(Date.parse('2030-01-01T00:00:00Z'));
    const clock = new DemoClock('2025-03-03T01:00:00.000Z', real);
    expect(clock.now().toISOString()).toBe('2025-03-03T01:00:00.000Z');
    real.ms += 1500;
    expect(clock.now().toISOString()).toBe('2025-03-03T01:00:01.500Z');
    expect(clock.advance(86_400_000).toISOString()).toBe('2025-03-04T01:00:01.500Z');
    expect(() => clock.advance(-1)).toThrow('only moves forward');
  });

  it('is what createClock gives for a fake spec', () => {
    expect(createClock({ kind: 'fake', start: '2025-03-03T01:00:00.000Z' })).toBeInstanceOf(DemoClock);
    expect(createClock({ kind: 'system' })).not.toBeInstanceOf(DemoClock);
  });
});
