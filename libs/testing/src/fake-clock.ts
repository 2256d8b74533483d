import { Clock } from '@bihuan/core';

/** A clock that only moves when told to: whole weeks of deadlines run in milliseconds. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2025-03-03T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }

  /** Moves forward by whole hours / days (calendar days, not working days). */
  advanceHours(hours: number): Date {
    return this.advance(hours * 3_600_000);
  }

  advanceDays(days: number): Date {
    return this.advance(days * 86_400_000);
  }
}
