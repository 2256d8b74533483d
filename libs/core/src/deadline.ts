import { DomainEvent } from './message';
import { EventTypes, isEventOf, typesOf } from './event-types';

/**
 * Deadlines are facts (architecture.md, rule 5). Every bounded context records its deadlines
 * with these generic events in the case's own stream, so that one deadline workflow arms the
 * timers for all of them and one projection can re-arm every pending deadline on start.
 *
 * A case decider must accept the two wake-up commands (`WarnDeadline`, `ExpireDeadline`) and
 * answer them with [] unless the named deadline is still pending with the same `dueAt`: that
 * check is what makes a late or duplicated wake-up harmless.
 */
export interface DeadlineTerms {
  /** Unique within the stream, e.g. `answer`, `row-3.rectify`, `escalation.summons`. */
  readonly deadlineId: string;
  /** What it is for, for people: `acknowledge`, `answer`, `rectify`, `escalation-summons` … */
  readonly purpose: string;
  /** When counting started (ISO-8601). */
  readonly startedAt: string;
  /** When it falls due (ISO-8601). */
  readonly dueAt: string;
  /** Working days granted (0 when the limit is not in working days). */
  readonly workingDays: number;
  /** Calendar data that computed dueAt (e.g. `cn-2025@chinese-days-1.5.7`). */
  readonly calendarVersion: string;
  /** Instants at which a reminder is due before dueAt (ISO-8601), may be empty. */
  readonly warnAt: readonly string[];
  /** The policy that set the limit, as in force at the time (recorded on the event). */
  readonly policy: Readonly<Record<string, unknown>>;
}

export type DeadlineSet = DomainEvent<'DeadlineSet', DeadlineTerms>;
export type DeadlineWarned = DomainEvent<'DeadlineWarned', { deadlineId: string; warnAt: string; dueAt: string }>;
export type DeadlinePaused = DomainEvent<'DeadlinePaused', { deadlineId: string; pausedAt: string; reason: string; remainingMs: number }>;
export type DeadlineResumed = DomainEvent<
  'DeadlineResumed',
  { deadlineId: string; resumedAt: string; dueAt: string; warnAt: string[]; calendarVersion: string }
>;
/**
 * `extraWorkingDays`: how many working days past the previous dueAt the extension grants, when it
 * was granted as a working-day count — recorded so the extension can be recomputed on another
 * calendar; null for an extension to a date, which keeps its date. Schema version 2: version 1
 * lacked it (and complaints wrote it optionally); the store upcasts v1 on read (EVENT_UPCASTERS).
 */
export type DeadlineExtended = DomainEvent<
  'DeadlineExtended',
  {
    deadlineId: string;
    dueAt: string;
    warnAt: string[];
    reason: string;
    approvedBy: string;
    calendarVersion: string;
    extraWorkingDays: number | null;
  }
>;
export type DeadlineExpired = DomainEvent<'DeadlineExpired', { deadlineId: string; dueAt: string; expiredAt: string }>;
/**
 * The official calendar year replaced a provisional one this deadline was computed on
 * (docs/calendar.md, "Recomputation"): new dueAt/warnAt from the deadline's own start and budget.
 * `remainingMs` is set for a paused deadline (its working time left, nothing armed); null when running.
 */
export type DeadlineRecomputed = DomainEvent<
  'DeadlineRecomputed',
  {
    deadlineId: string;
    previousDueAt: string;
    dueAt: string;
    warnAt: string[];
    previousCalendarVersion: string;
    calendarVersion: string;
    recomputedAt: string;
    remainingMs: number | null;
  }
>;
/** Met or no longer relevant (e.g. the step was done): its timers are cancelled. */
export type DeadlineCleared = DomainEvent<'DeadlineCleared', { deadlineId: string; clearedAt: string; outcome: 'met' | 'cancelled' }>;

export type DeadlineEvent =
  | DeadlineSet
  | DeadlineWarned
  | DeadlinePaused
  | DeadlineResumed
  | DeadlineExtended
  | DeadlineRecomputed
  | DeadlineExpired
  | DeadlineCleared;

/** The deadline events every case stream with deadlines also carries (spread into its own list). */
export const DEADLINE_EVENTS: EventTypes<DeadlineEvent> = {
  DeadlineSet: true,
  DeadlineWarned: true,
  DeadlinePaused: true,
  DeadlineResumed: true,
  DeadlineExtended: true,
  DeadlineRecomputed: true,
  DeadlineExpired: true,
  DeadlineCleared: true,
};

export const DEADLINE_EVENT_TYPES = typesOf(DEADLINE_EVENTS);

export function isDeadlineEvent<M extends DomainEvent>(event: M): event is M & DeadlineEvent {
  return isEventOf(DEADLINE_EVENTS, event);
}

/** Wake-up commands a timer sends to the case stream. */
export interface WarnDeadlineData {
  readonly deadlineId: string;
  readonly warnAt: string;
  readonly dueAt: string;
}
export interface ExpireDeadlineData {
  readonly deadlineId: string;
  readonly dueAt: string;
}

export const DEADLINE_STATUSES = ['pending', 'paused', 'expired', 'cleared'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** A deadline's state as a case decider keeps it. */
export interface DeadlineState {
  readonly terms: DeadlineTerms;
  readonly status: DeadlineStatus;
  readonly dueAt: string;
  readonly warnAt: readonly string[];
  readonly warned: readonly string[];
  readonly remainingMs: number | null;
  /** The calendar version of the current dueAt (or of the time used, while paused). */
  readonly calendarVersion: string;
  /**
   * What the current dueAt counts, so it can be recomputed on another calendar: `budgetMs` of
   * working time from `from` (counting never before 00:00 of the day after `terms.startedAt`),
   * then `extraWorkingDays` whole working days granted by extensions (延期) past that due date.
   * Null when it is not a working-day count: calendar days, a date a person chose, an extension
   * recorded without its working-day count.
   */
  readonly basis: { readonly from: string; readonly budgetMs: number; readonly extraWorkingDays: number } | null;
  readonly pausedAt: string | null;
}

export type DeadlineBook = Readonly<Record<string, DeadlineState>>;

/** Folds a deadline event into a case's book of deadlines (pure). */
export function evolveDeadlines(book: DeadlineBook, event: DeadlineEvent): DeadlineBook {
  const current = book[event.data.deadlineId];
  if (event.type === 'DeadlineSet') {
    return withDeadline(book, {
      terms: event.data,
      status: 'pending',
      dueAt: event.data.dueAt,
      warnAt: event.data.warnAt,
      warned: [],
      remainingMs: null,
      calendarVersion: event.data.calendarVersion,
      basis: workingDayBasis(event.data),
      pausedAt: null,
    });
  }
  if (!current) return book;
  switch (event.type) {
    case 'DeadlineWarned':
      return withDeadline(book, { ...current, warned: [...current.warned, event.data.warnAt] });
    case 'DeadlinePaused':
      return withDeadline(book, { ...current, status: 'paused', remainingMs: event.data.remainingMs, pausedAt: event.data.pausedAt });
    case 'DeadlineResumed': {
      // The time left at the pause already includes any extension, so the extra days start again at 0.
      const basis =
        current.basis && current.remainingMs !== null
          ? { from: event.data.resumedAt, budgetMs: current.remainingMs, extraWorkingDays: 0 }
          : null;
      return withDeadline(book, { ...rescheduled(current, event.data, basis), remainingMs: null, pausedAt: null });
    }
    case 'DeadlineExtended':
      return withDeadline(book, rescheduled(current, event.data, extendedBasis(current.basis, event.data.extraWorkingDays)));
    case 'DeadlineRecomputed': {
      const { dueAt, warnAt, calendarVersion, remainingMs } = event.data;
      const paused = current.status === 'paused';
      return withDeadline(book, {
        ...current,
        dueAt,
        warnAt: paused ? current.warnAt : warnAt,
        warned: [],
        calendarVersion,
        remainingMs: paused ? remainingMs : current.remainingMs,
      });
    }
    case 'DeadlineExpired':
      return withDeadline(book, { ...current, status: 'expired' });
    case 'DeadlineCleared':
      return withDeadline(book, { ...current, status: 'cleared' });
  }
}

function withDeadline(book: DeadlineBook, deadline: DeadlineState): DeadlineBook {
  return { ...book, [deadline.terms.deadlineId]: deadline };
}

/** Resuming and extending both give a pending deadline a new due date, whose warnings start afresh. */
function rescheduled(
  current: DeadlineState,
  due: { readonly dueAt: string; readonly warnAt: readonly string[]; readonly calendarVersion: string },
  basis: DeadlineState['basis'],
): DeadlineState {
  const { dueAt, warnAt, calendarVersion } = due;
  return { ...current, status: 'pending', dueAt, warnAt, warned: [], calendarVersion, basis };
}

const DAY_MS = 86_400_000;

/**
 * A deadline counted in working days is recomputable; a date a person chose (`policy.chosen` or
 * `policy.chosenByInspector`, as the contexts record it) is a date, whatever the calendar says.
 */
function workingDayBasis(terms: DeadlineTerms): DeadlineState['basis'] {
  const chosen = terms.policy['chosen'] === true || terms.policy['chosenByInspector'] === true;
  return terms.workingDays > 0 && !chosen ? { from: terms.startedAt, budgetMs: terms.workingDays * DAY_MS, extraWorkingDays: 0 } : null;
}

/** An extension granted in working days stays recomputable; one recorded as a bare date does not. */
function extendedBasis(basis: DeadlineState['basis'], extraWorkingDays: number | null): DeadlineState['basis'] {
  if (!basis || extraWorkingDays === null || !Number.isInteger(extraWorkingDays) || extraWorkingDays < 1) return null;
  return { ...basis, extraWorkingDays: basis.extraWorkingDays + extraWorkingDays };
}

/** True when a `WarnDeadline` wake-up still means something (not late, not a duplicate). */
export function warningIsDue(book: DeadlineBook, data: WarnDeadlineData): boolean {
  const d = book[data.deadlineId];
  return !!d && d.status === 'pending' && d.dueAt === data.dueAt && d.warnAt.includes(data.warnAt) && !d.warned.includes(data.warnAt);
}

/** True when an `ExpireDeadline` wake-up still means something (not late, not a duplicate). */
export function expiryIsDue(book: DeadlineBook, data: ExpireDeadlineData): boolean {
  const d = book[data.deadlineId];
  return !!d && d.status === 'pending' && d.dueAt === data.dueAt;
}
