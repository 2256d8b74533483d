import { Clock, SystemClock } from '@bihuan/core';
import { ClockSpec } from '../config/app-config';

/**
 * The `CLOCK=fake:<iso>` clock for demos: it starts at a chosen instant and then runs at real
 * speed, and `advance()` jumps ahead (e.g. a week of deadlines) without waiting.
 */
export class DemoClock implements Clock {
  private offsetMs: number;

  constructor(
    start: string,
    private readonly real: Clock = new SystemClock(),
  ) {
    this.offsetMs = new Date(start).getTime() - real.now().getTime();
  }

  now(): Date {
    return new Date(this.real.now().getTime() + this.offsetMs);
  }

  /** Moves time forward; never backwards, so recorded times stay monotonic. */
  advance(ms: number): Date {
    if (ms < 0) throw new Error('A demo clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }
}

/** The clock a configuration asks for. */
export function createClock(spec: ClockSpec): Clock {
  return spec.kind === 'system' ? new SystemClock() : new DemoClock(spec.start);
}
