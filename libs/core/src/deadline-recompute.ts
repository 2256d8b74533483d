import { DeadlineBook, DeadlineRecomputed } from './deadline';
import { DomainError } from './domain-error';
import { Command } from './message';

/**
 * Sent to a case stream when the official calendar year replaced a provisional one (docs/calendar.md,
 * "Recomputation"). The application layer computes the new terms from the deadline's recorded basis
 * with the new calendar; `previousDueAt` / `previousCalendarVersion` are what it computed from, so a
 * recompute that raced with a resume, an extension or another recompute is answered with [].
 */
export interface RecomputeDeadlineData {
  readonly deadlineId: string;
  readonly previousDueAt: string;
  readonly previousCalendarVersion: string;
  readonly dueAt: string;
  readonly warnAt: readonly string[];
  readonly calendarVersion: string;
  /** The paused deadline's working time left on the new calendar; null for a running one. */
  readonly remainingMs: number | null;
  /** The calendar import that caused it (`<year>@<content hash>`), for people reading the log. */
  readonly importedYear: string;
}
export type RecomputeDeadline = Command<'RecomputeDeadline', RecomputeDeadlineData>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function invalid(field: string, message: string): DomainError {
  return DomainError.invalid('DEADLINE.RECOMPUTE_INVALID', field, message);
}

/**
 * The one decision every deadline-bearing decider delegates `RecomputeDeadline` to. It never
 * computes working days (the command carries them); it checks that the deadline is still pending
 * or paused on exactly the terms the recompute was computed from, that it had a working-day basis,
 * and that the new terms are well-formed. Expired, cleared, already recomputed or changed since → [].
 */
export function decideRecompute(book: DeadlineBook, command: RecomputeDeadline): DeadlineRecomputed[] {
  if (command.metadata.actor.role !== 'system')
    throw DomainError.forbidden('DEADLINE.RECOMPUTE_FORBIDDEN', 'only the system recomputes deadlines (on a calendar import)');
  const data = command.data;
  const d = book[data.deadlineId];
  if (!d || (d.status !== 'pending' && d.status !== 'paused') || !d.basis) return [];
  if (d.dueAt !== data.previousDueAt || d.calendarVersion !== data.previousCalendarVersion) return [];
  if (typeof data.calendarVersion !== 'string' || data.calendarVersion.length === 0)
    throw invalid('calendarVersion', 'calendarVersion must be a non-empty string');
  if (data.calendarVersion === d.calendarVersion) return [];
  if (typeof data.dueAt !== 'string' || !ISO.test(data.dueAt)) throw invalid('dueAt', 'dueAt must be an ISO-8601 UTC instant');
  if (Date.parse(data.dueAt) <= Date.parse(d.terms.startedAt)) throw invalid('dueAt', 'dueAt must be after the deadline started');
  if (!Array.isArray(data.warnAt) || data.warnAt.some((w) => typeof w !== 'string' || !ISO.test(w) || w >= data.dueAt)) {
    throw invalid('warnAt', 'warnAt must be ISO-8601 UTC instants before dueAt');
  }
  const paused = d.status === 'paused';
  if (paused !== (data.remainingMs !== null)) throw invalid('remainingMs', 'remainingMs is given for a paused deadline, and only then');
  if (paused && (!Number.isInteger(data.remainingMs) || (data.remainingMs ?? -1) < 0))
    throw invalid('remainingMs', 'remainingMs must be a whole number ≥ 0');
  return [
    {
      type: 'DeadlineRecomputed',
      data: {
        deadlineId: data.deadlineId,
        previousDueAt: d.dueAt,
        dueAt: data.dueAt,
        warnAt: [...data.warnAt],
        previousCalendarVersion: d.calendarVersion,
        calendarVersion: data.calendarVersion,
        recomputedAt: command.metadata.now,
        remainingMs: data.remainingMs,
      },
    },
  ];
}
