import { DeadlineEvent, isDeadlineEvent } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';

/** A deadline that has neither expired nor been cleared: what must have a timer armed. */
export interface PendingDeadline {
  readonly stream: string;
  readonly deadlineId: string;
  readonly purpose: string;
  readonly status: 'pending' | 'paused';
  readonly dueAt: string;
  /** Every reminder instant of the current terms; a warning's timer index is its place here. */
  readonly warnAt: readonly string[];
  /** Reminder instants already given. */
  readonly warned: readonly string[];
  /** Of the current dueAt: a `+provisional:<year>@…` mark means recomputed when that year is imported. */
  readonly calendarVersion: string;
  /** Of the last deadline event, carried on re-armed wake-up commands. */
  readonly correlationId: string;
  readonly causationId: string;
}

/**
 * Storage of the pending-deadlines read model. Synchronous, so that a SQLite implementation can
 * write its rows and the projection checkpoint in one transaction.
 */
export interface PendingDeadlinesStore {
  get(stream: string, deadlineId: string): PendingDeadline | null;
  put(row: PendingDeadline): void;
  remove(stream: string, deadlineId: string): void;
  /** Ordered by dueAt. */
  list(): PendingDeadline[];
}

/** Reminder instants not yet given, with their timer index. */
export function openWarnings(row: PendingDeadline): { index: number; warnAt: string }[] {
  return row.warnAt.map((warnAt, index) => ({ index, warnAt })).filter((w) => !row.warned.includes(w.warnAt));
}

/** Folds one deadline event into the read model (other events are ignored). */
export function applyDeadlineEvent(store: PendingDeadlinesStore, event: RecordedEvent): void {
  const message = { type: event.type, data: event.data };
  if (!isDeadlineEvent(message)) return;
  const e = message as DeadlineEvent;
  const stream = event.streamName;
  const cause = { correlationId: event.metadata.correlationId, causationId: event.metadata.eventId };
  if (e.type === 'DeadlineSet') {
    const d = e.data;
    store.put({
      stream,
      deadlineId: d.deadlineId,
      purpose: d.purpose,
      status: 'pending',
      dueAt: d.dueAt,
      warnAt: d.warnAt,
      warned: [],
      calendarVersion: d.calendarVersion,
      ...cause,
    });
    return;
  }
  const row = store.get(stream, e.data.deadlineId);
  if (!row) return;
  switch (e.type) {
    case 'DeadlineWarned':
      store.put({ ...row, warned: [...row.warned, e.data.warnAt], ...cause });
      return;
    case 'DeadlinePaused':
      store.put({ ...row, status: 'paused', ...cause });
      return;
    case 'DeadlineResumed':
    case 'DeadlineExtended':
      store.put({
        ...row,
        status: 'pending',
        dueAt: e.data.dueAt,
        warnAt: e.data.warnAt,
        warned: [],
        calendarVersion: e.data.calendarVersion,
        ...cause,
      });
      return;
    case 'DeadlineRecomputed':
      // A paused row keeps its (unarmed) warnings; its version now says on which calendar its time was used.
      store.put({
        ...row,
        dueAt: e.data.dueAt,
        warnAt: row.status === 'paused' ? row.warnAt : e.data.warnAt,
        warned: [],
        calendarVersion: e.data.calendarVersion,
        ...cause,
      });
      return;
    case 'DeadlineExpired':
    case 'DeadlineCleared':
      store.remove(stream, e.data.deadlineId);
      return;
  }
}

/** The read model in a Map (tests, and memory-only setups). */
export class MemoryPendingDeadlines implements PendingDeadlinesStore {
  private readonly rows = new Map<string, PendingDeadline>();

  get(stream: string, deadlineId: string): PendingDeadline | null {
    return this.rows.get(key(stream, deadlineId)) ?? null;
  }

  put(row: PendingDeadline): void {
    this.rows.set(key(row.stream, row.deadlineId), row);
  }

  remove(stream: string, deadlineId: string): void {
    this.rows.delete(key(stream, deadlineId));
  }

  list(): PendingDeadline[] {
    return [...this.rows.values()].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
  }
}

function key(stream: string, deadlineId: string): string {
  return `${stream}\u001f${deadlineId}`;
}
