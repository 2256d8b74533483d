import { DeadlineBook, DeadlineEvent, evolveDeadlines, isDeadlineEvent } from '@bihuan/core';
import { isProvisionalVersion } from '@bihuan/calendar';
import { RecordedEvent } from '@bihuan/event-store';
import { DeadlineSnapshot } from './case-history.types';

const EMPTY: DeadlineBook = Object.freeze({});

/**
 * Deadline books per stream, folded with core `evolveDeadlines` as the timeline advances. Books
 * are immutable, so the book after each event is kept by reference and turned into a snapshot
 * only for the entries actually returned.
 */
export class DeadlineBooks {
  private readonly books = new Map<string, DeadlineBook>();

  /** Folds the event (if it is a deadline event) and returns its stream's book after it. */
  after(event: RecordedEvent): DeadlineBook {
    const message = { type: event.type, data: event.data };
    const book = this.books.get(event.streamName) ?? EMPTY;
    if (!isDeadlineEvent(message)) return book;
    const next = evolveDeadlines(book, message as DeadlineEvent);
    this.books.set(event.streamName, next);
    return next;
  }
}

/** Open (pending, paused) and overdue (expired) deadlines of a book, by dueAt. */
export function snapshotOf(book: DeadlineBook): DeadlineSnapshot[] {
  const out: DeadlineSnapshot[] = [];
  for (const d of Object.values(book)) {
    if (d.status === 'cleared') continue;
    out.push({
      deadlineId: d.terms.deadlineId,
      purpose: d.terms.purpose,
      status: d.status,
      dueAt: d.dueAt,
      provisional: isProvisionalVersion(d.calendarVersion),
      startedAt: d.terms.startedAt,
      warned: d.warned,
    });
  }
  return out.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}
