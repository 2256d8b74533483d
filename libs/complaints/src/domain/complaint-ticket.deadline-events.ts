import { DeadlineBook, DeadlineCleared, DeadlinePaused, DeadlineResumed } from '@bihuan/core';
import { complaintError } from './complaint-errors';
import { RescheduleTerms, assertValidSchedule } from './complaint-policy';
import { openDeadlines } from './complaint-ticket.state';

/** Builders of the generic deadline events a complaint step produces alongside its own event. */

/** DeadlineCleared for each named deadline that is still pending or paused. */
export function clearDeadlines(book: DeadlineBook, ids: readonly string[], outcome: 'met' | 'cancelled', now: string): DeadlineCleared[] {
  return openDeadlines(book)
    .filter((d) => ids.includes(d.terms.deadlineId))
    .map((d) => ({ type: 'DeadlineCleared', data: { deadlineId: d.terms.deadlineId, clearedAt: now, outcome } }));
}

/** DeadlineCleared (cancelled) for every open deadline: the ticket left the loop or changed hands. */
export function cancelAllDeadlines(book: DeadlineBook, now: string): DeadlineCleared[] {
  return clearDeadlines(
    book,
    openDeadlines(book).map((d) => d.terms.deadlineId),
    'cancelled',
    now,
  );
}

/**
 * 停表: DeadlinePaused for every pending deadline with the working time it has left, which the
 * application layer computed (the domain has no calendar). Every pending deadline needs a value.
 */
export function pauseRunningDeadlines(
  book: DeadlineBook,
  remainingMs: Readonly<Record<string, number>> | undefined,
  reason: string,
  now: string,
): DeadlinePaused[] {
  const running = Object.values(book).filter((d) => d.status === 'pending');
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  const missing = running.map((d) => d.terms.deadlineId).filter((id) => !valid(remainingMs?.[id]));
  if (missing.length > 0) {
    throw complaintError('PAUSE_TERMS_MISSING', `Remaining working time is required for running deadlines: ${missing.join(', ')}`, {
      field: 'remainingMs',
      deadlineIds: missing,
    });
  }
  return running.map((d) => ({
    type: 'DeadlinePaused',
    data: { deadlineId: d.terms.deadlineId, pausedAt: now, reason, remainingMs: remainingMs?.[d.terms.deadlineId] ?? 0 },
  }));
}

/** DeadlineResumed for every paused deadline; each needs its new terms in `resume`. */
export function resumePausedDeadlines(
  book: DeadlineBook,
  resume: Readonly<Record<string, RescheduleTerms>> | undefined,
  now: string,
): DeadlineResumed[] {
  const paused = Object.values(book).filter((d) => d.status === 'paused');
  const missing = paused.map((d) => d.terms.deadlineId).filter((id) => !resume || !resume[id]);
  if (missing.length > 0) {
    throw complaintError('RESUME_TERMS_MISSING', `New due dates are required for paused deadlines: ${missing.join(', ')}`, {
      field: 'resume',
      deadlineIds: missing,
    });
  }
  return paused.map((d) => {
    const terms = assertValidSchedule(resume?.[d.terms.deadlineId], `resume.${d.terms.deadlineId}`, now);
    return {
      type: 'DeadlineResumed',
      data: {
        deadlineId: d.terms.deadlineId,
        resumedAt: now,
        dueAt: terms.dueAt,
        warnAt: [...terms.warnAt],
        calendarVersion: terms.calendarVersion,
      },
    };
  });
}
