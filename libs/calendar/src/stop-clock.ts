import { StopClockStateError } from './calendar.errors';
import { DAY_MS, Instant, dayOf, dayStart, toEpochMs, toIso } from './local-time';
import { WorkingCalendar } from './working-calendar';

/**
 * A deadline clock that can stop (停表: waiting for the complainant, an extension pending) and run
 * again. The unit is WORKING MILLISECONDS: time that lies inside working days (whole Shanghai days,
 * 00:00–24:00); nights and hours on working days count, weekends and holidays do not. A budget of
 * n working days is n × 24 h of working time, counted from 00:00 of the day after receipt, so an
 * unpaused clock ends exactly where `addWorkingDays` puts it. Whole days would be wrong for "the
 * time already used": a pause at 09:00 on the last day would lose (or an evening pause gift) up to a
 * day, and pausing then resuming at once would move the deadline. With milliseconds, pause+resume
 * at the same instant changes nothing, and a deadline resumed mid-day falls due at that time of day.
 * `remainingMs` matches `DeadlinePaused.remainingMs` in @bihuan/core.
 */
export interface StopClockState {
  readonly status: 'running' | 'paused';
  /** Receipt instant (ISO). */
  readonly startedAt: string;
  readonly workingDays: number;
  /** Whole budget in working ms (workingDays × 24 h). */
  readonly budgetMs: number;
  /** Working ms used before `runningSince` (sum of the earlier running periods). */
  readonly usedMs: number;
  /** Where the current running period counts from: 00:00 after receipt, or the resume instant. */
  readonly runningSince: string;
  /** Inclusive due instant while running; null while paused. */
  readonly dueAt: string | null;
  readonly pausedAt: string | null;
  /** Working ms left at the pause; null while running. */
  readonly remainingMs: number | null;
  readonly calendarVersion: string;
}

/** Pure operations on {@link StopClockState} against one calendar. */
export class StopClock {
  constructor(private readonly calendar: WorkingCalendar) {}

  /** Starts the clock at receipt: n working days from the day after `at`. */
  start(at: Instant, workingDaysLimit: number): StopClockState {
    const { dueAt, calendarVersion } = this.calendar.addWorkingDays(at, workingDaysLimit);
    const receipt = toEpochMs(at, 'at');
    return {
      status: 'running',
      startedAt: toIso(receipt),
      workingDays: workingDaysLimit,
      budgetMs: workingDaysLimit * DAY_MS,
      usedMs: 0,
      runningSince: toIso(dayStart(dayOf(receipt) + 1)),
      dueAt,
      pausedAt: null,
      remainingMs: null,
      calendarVersion,
    };
  }

  /** Working ms used by `at` (frozen while paused). */
  usedMs(state: StopClockState, at: Instant): number {
    if (state.status === 'paused') return state.budgetMs - (state.remainingMs ?? 0);
    return state.usedMs + this.calendar.workingMs(Date.parse(state.runningSince), toEpochMs(at, 'at'));
  }

  /** Stops the clock, keeping the working time already used. Refused when paused or past due. */
  pause(state: StopClockState, at: Instant): StopClockState {
    if (state.status !== 'running' || state.dueAt === null) throw new StopClockStateError('the clock is already paused');
    const atMs = toEpochMs(at, 'at');
    if (atMs > Date.parse(state.dueAt))
      throw new StopClockStateError(`the clock ran out at ${state.dueAt}; it cannot be paused at ${toIso(atMs)}`);
    const used = this.usedMs(state, toIso(atMs));
    return { ...state, status: 'paused', usedMs: used, dueAt: null, pausedAt: toIso(atMs), remainingMs: state.budgetMs - used };
  }

  /**
   * Runs the clock again from `at`: the new dueAt is the instant at which the remaining working time
   * is used up (minus 1 ms, as dueAt is inclusive). A resume before counting ever began (pause and
   * resume on the receipt day) keeps the "from the day after receipt" start.
   */
  resume(state: StopClockState, at: Instant): StopClockState {
    if (state.status !== 'paused' || state.pausedAt === null || state.remainingMs === null) {
      throw new StopClockStateError('the clock is not paused');
    }
    const atMs = toEpochMs(at, 'at');
    if (atMs < Date.parse(state.pausedAt))
      throw new StopClockStateError(`cannot resume at ${toIso(atMs)}, before the pause at ${state.pausedAt}`);
    const since = Math.max(atMs, Date.parse(state.runningSince));
    const endExclusive = this.calendar.addWorkingMs(since, state.remainingMs);
    const dueAt = toIso(endExclusive - 1);
    return {
      ...state,
      status: 'running',
      runningSince: toIso(since),
      dueAt,
      pausedAt: null,
      remainingMs: null,
      calendarVersion: this.calendar.versionBetween(toIso(since), dueAt),
    };
  }

  /** Reminder instants at fractions of the whole budget still ahead of a running clock. */
  warnInstants(state: StopClockState, fractions: readonly number[]): string[] {
    if (state.status !== 'running' || state.dueAt === null) return [];
    return this.calendar.fractionInstants(Date.parse(state.runningSince), Date.parse(state.dueAt) + 1, state.usedMs, fractions);
  }
}
