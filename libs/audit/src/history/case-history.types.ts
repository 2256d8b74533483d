import { Actor, DeadlineStatus, EventMetadata } from '@bihuan/core';
import { AsOf, EventEntry, RecordedEvent, StoredForm } from '@bihuan/event-store';
import { CaseStreamSpan, LinkedCase } from '../case-index/case-links';

/** The event that caused an entry, as far as the log records it. */
export interface CauseRef {
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  readonly position: number;
}

/** A deadline of the entry's stream as it stood right after the entry (open or overdue ones). */
export interface DeadlineSnapshot {
  readonly deadlineId: string;
  readonly purpose: string;
  readonly status: Exclude<DeadlineStatus, 'cleared'>;
  readonly dueAt: string;
  /** dueAt was counted over a year without the State Council's notice (recomputed on import; docs/calendar.md). */
  readonly provisional: boolean;
  readonly startedAt: string;
  readonly warned: readonly string[];
  /** What the deadline is for, in Chinese (整改时限, 答复时限（第2轮）); added with the summaries. */
  readonly label?: string;
}

/**
 * One line of a case's merged timeline: the history entry every history shares, with its stream,
 * the causing event resolved (in place of the bare causation id), its hash and deadlines.
 */
export interface HistoryEntry extends Omit<EventEntry, 'causationId'> {
  readonly stream: string;
  readonly causedBy: CauseRef | null;
  /**
   * The cause as people read it: `causedBy` followed past folded bookkeeping (saga records, deadline
   * events) to a case event the folded history shows (history.service's `caseOrigins`); the same as
   * `causedBy` when nothing is folded. Null when there is none the reader may see.
   */
  readonly origin?: CauseRef | null;
  readonly hash: string;
  /** False for context events: in a linked stream's prefix but not linked to this case. */
  readonly linked: boolean;
  /** Deadlines of this stream after this event; [] for streams without deadlines. */
  readonly deadlines: readonly DeadlineSnapshot[];
  /** The full envelope as stored (needed to re-verify the hash offline). */
  readonly metadata: EventMetadata;
  /**
   * An upcast event's data and version as stored (the hash covers them, not the current shape);
   * only when the reader sees the event whole, so nothing a view left out comes back this way.
   */
  readonly stored?: StoredForm;
  /** One line in Chinese for people (the context's summary, names resolved), built from the data the reader sees. */
  readonly summary?: string;
}

export interface HistoryOptions {
  /** 1-based. Default 1. */
  readonly page?: number;
  /** Default 50, at most 1000. */
  readonly pageSize?: number;
  readonly asOf?: AsOf;
  /** Who reads: recorded in the access audit when a trail is configured. */
  readonly reader?: Actor;
  readonly purpose?: string;
  /** The case as the reader may open it (default: every linked stream). */
  readonly linked?: LinkedCase;
  /** What the reader sees of each event (default: everything). */
  readonly view?: HistoryView;
  /**
   * Types folded away (internal bookkeeping, timers): left out of entries, pages and totals, but
   * still folded into the deadline snapshots. Default: nothing folded.
   */
  readonly fold?: (type: string) => boolean;
}

/**
 * What one reader sees of a case's events (the contexts' visibility declarations, applied by
 * the audit's StreamAccess): events left out do not count towards pages and totals.
 */
export interface HistoryView {
  /** The event as the reader sees it (data trimmed), or null to leave it out. */
  event(event: RecordedEvent): Promise<RecordedEvent | null>;
  /** Whether a deadline of a stream may be shown with the entries. */
  deadline(stream: string, deadlineId: string): boolean;
  /** Whether an entry may name a cause recorded in that stream. */
  cause(stream: string): Promise<boolean>;
}

export interface HistoryPage {
  readonly root: string;
  readonly asOf: AsOf | null;
  readonly streams: readonly CaseStreamSpan[];
  /** Linked streams the reader may not open: left out, counted here. */
  readonly withheldStreams?: number;
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pages: number;
  /** How many events were folded away (bookkeeping and timers); absent when the reader asked for all. */
  readonly folded?: number;
  readonly entries: readonly HistoryEntry[];
}

/** A whole case history (for dossiers): every stream prefix, every entry. */
export interface CaseHistory {
  readonly root: string;
  readonly asOf: AsOf | null;
  readonly streams: readonly CaseStreamSpan[];
  readonly entries: readonly HistoryEntry[];
}

/** One event of a case's timeline without its data: where and when it was recorded. */
export interface CaseInstant {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly occurredAt: string;
}
