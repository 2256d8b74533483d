import { Clock } from '@bihuan/core';

/**
 * The demo's clock: it stands still until the harness moves it, so weeks of working-day deadlines
 * pass in seconds and every run prints the same instants. (libs/testing's FakeClock is not part of
 * the build, and the ManualTimerScheduler needs a clock it can `set`.)
 */
export class DemoManualClock implements Clock {
  private current: number;

  constructor(start: string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves to an instant; never backwards, so recorded times stay monotonic. */
  set(instant: Date | string): void {
    const next = new Date(instant).getTime();
    if (next < this.current) throw new Error(`The demo clock only moves forward (${new Date(next).toISOString()})`);
    this.current = next;
  }
}
