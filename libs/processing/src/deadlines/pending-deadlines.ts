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
 * Storage of the pending-deadlines read model. The table form is used on the transaction of the
 * projection's batch (`TablePendingDeadlines.on(trx)`), so rows and checkpoint commit together.
 */
export interface PendingDeadlinesStore {
  get(stream: string, deadlineId: string): Promise<PendingDeadline | null>;
  put(row: PendingDeadline): Promise<void>;
  remove(stream: string, deadlineId: string): Promise<void>;
  /** Ordered by dueAt (then stream and deadline id). */
  list(): Promise<PendingDeadline[]>;
}

/** Reminder instants not yet given, with their timer index. */
export function openWarnings(row: PendingDeadline): { index: number; warnAt: string }[] {
  return row.warnAt.map((warnAt, index) => ({ index, warnAt })).filter((w) => !row.warned.includes(w.warnAt));
}

/** Folds one deadline event into the read model (other events are ignored). */
export async function applyDeadlineEvent(store: PendingDeadlinesStore, event: RecordedEvent): Promise<void> {
  const message = { type: event.type, data: event.data };
  if (!isDeadlineEvent(message)) return;
  const e = message as DeadlineEvent;
  const stream = event.streamName;
  const cause = { correlationId: event.metadata.correlationId, causationId: event.metadata.eventId };
  if (e.type === 'DeadlineSet') {
    const d = e.data;
    await store.put({
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
  const row = await store.get(stream, e.data.deadlineId);
  if (!row) return;
  switch (e.type) {
    case 'DeadlineWarned':
      await store.put({ ...row, warned: [...row.warned, e.data.warnAt], ...cause });
      return;
    case 'DeadlinePaused':
      await store.put({ ...row, status: 'paused', ...cause });
      return;
    case 'DeadlineResumed':
    case 'DeadlineExtended':
      await store.put({
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
      await store.put({
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
      await store.remove(stream, e.data.deadlineId);
      return;
  }
}

/** The read model in a Map (tests, and memory-only setups). */
export class MemoryPendingDeadlines implements PendingDeadlinesStore {
  private readonly rows = new Map<string, PendingDeadline>();

  async get(stream: string, deadlineId: string): Promise<PendingDeadline | null> {
    return this.rows.get(key(stream, deadlineId)) ?? null;
  }

  async put(row: PendingDeadline): Promise<void> {
    this.rows.set(key(row.stream, row.deadlineId), row);
  }

  async remove(stream: string, deadlineId: string): Promise<void> {
    this.rows.delete(key(stream, deadlineId));
  }

  async list(): Promise<PendingDeadline[]> {
    return [...this.rows.values()].sort(byDue);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order `list` answers in: dueAt, then stream and deadline id, compared as code points (a
 * PostgreSQL collation would order punctuation in stream names differently from SQLite).
 */
export function byDue(a: PendingDeadline, b: PendingDeadline): number {
  return compare(a.dueAt, b.dueAt) || compare(a.stream, b.stream) || compare(a.deadlineId, b.deadlineId);
}

function key(stream: string, deadlineId: string): string {
  return `${stream}\u001f${deadlineId}`;
}
