import { categoryOf, EventMetadata } from '@bihuan/core';
import { checkExpectedRevision } from '../../errors';
import { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store.port';
import { sealAsText } from '../../chain/seal';
import { assertDistinctEventIds, duplicateEventIdError } from '../append-rules';

export interface PendingAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** What the log held when the batch took the append lock (`SQL.batchState`). */
export interface BatchState {
  readonly heads: ReadonlyMap<string, { readonly revision: number; readonly hash: string }>;
  readonly eventIds: ReadonlyMap<string, { readonly stream: string; readonly position: number }>;
}

/** The rows to insert, column by column (the insert takes one array per column). */
export interface BatchRows {
  readonly stream: string[];
  readonly revision: number[];
  readonly category: string[];
  readonly eventId: string[];
  readonly type: string[];
  readonly data: string[];
  readonly metadata: string[];
}

/**
 * A planned append's answer, known once the rows have positions: `row` is the index of the row
 * whose position it reports (its own last row, or the row a replay repeats); `position` when the
 * log already held it; neither for an empty append (answered with the log's last position).
 */
export type PlannedOutcome =
  | {
      readonly ok: true;
      readonly nextExpectedRevision: number;
      readonly written: boolean;
      readonly row?: number;
      readonly position?: number;
    }
  | { readonly ok: false; readonly error: unknown };

export interface BatchPlan {
  readonly rows: BatchRows;
  readonly outcomes: readonly PlannedOutcome[];
}

/**
 * Decides a batch in memory, append by append in queue order, with the same rules as the sqlite
 * group commit: each append has its own idempotency and expected-revision check against the heads
 * as the earlier appends of the batch left them, and a refused append only refuses itself (it adds
 * no rows). What sqlite learns from a failed INSERT (an eventId already in the log) is known here
 * beforehand from `state`, so the one INSERT of the batch does not fail on it.
 */
export function planBatch(pending: readonly PendingAppend[], state: BatchState, recordedAt: string): BatchPlan {
  const rows: BatchRows = { stream: [], revision: [], category: [], eventId: [], type: [], data: [], metadata: [] };
  const heads = new Map(state.heads);
  /** eventIds written by earlier appends of this batch: their row. */
  const staged = new Map<string, { stream: string; row: number }>();
  const outcomes = pending.map((append): PlannedOutcome => {
    try {
      return planOne(append, heads, state, staged, rows, recordedAt);
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { rows, outcomes };
}

function planOne(
  { stream, events, expected }: PendingAppend,
  heads: Map<string, { revision: number; hash: string }>,
  state: BatchState,
  staged: Map<string, { stream: string; row: number }>,
  rows: BatchRows,
  recordedAt: string,
): PlannedOutcome {
  assertDistinctEventIds(stream, events);
  const head = heads.get(stream) ?? null;
  const known = events.map((e) => state.eventIds.get(e.metadata.eventId) ?? staged.get(e.metadata.eventId));
  if (known.some((k) => k !== undefined)) {
    // Only a replay of all of its events in this stream is allowed, even with a stale expectation.
    for (const [i, k] of known.entries()) {
      if (!k || k.stream !== stream) {
        throw duplicateEventIdError(stream, events[i]!.metadata.eventId, k ? k.stream : 'no stream (partial replay)');
      }
    }
    const last = known[known.length - 1]!;
    return {
      ok: true,
      nextExpectedRevision: head!.revision,
      written: false,
      ...('row' in last ? { row: last.row } : { position: last.position }),
    };
  }
  checkExpectedRevision(stream, expected, head ? head.revision : null);
  if (events.length === 0) return { ok: true, nextExpectedRevision: head ? head.revision : -1, written: false };
  const category = categoryOf(stream);
  let revision = head ? head.revision : -1;
  let prevHash = head ? head.hash : null;
  for (const event of events) {
    revision += 1;
    const sealed = sealAsText(stream, revision, prevHash, event, recordedAt);
    staged.set(event.metadata.eventId, { stream, row: rows.stream.length });
    rows.stream.push(stream);
    rows.revision.push(revision);
    rows.category.push(category);
    rows.eventId.push(event.metadata.eventId);
    rows.type.push(event.type);
    rows.data.push(JSON.stringify(event.data));
    rows.metadata.push(sealed.metadata);
    prevHash = sealed.hash;
  }
  heads.set(stream, { revision, hash: prevHash! });
  return { ok: true, nextExpectedRevision: revision, written: true, row: rows.stream.length - 1 };
}

/**
 * The events a written append's rows became (rows `last - count + 1` … `last`), as a read gives
 * them back: pg parses a `json` column with JSON.parse, so the texts stored are parsed the same way.
 */
export function plannedEvents(rows: BatchRows, positions: readonly number[], last: number, count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let row = last - count + 1; row <= last; row++) {
    events.push({
      streamName: rows.stream[row]!,
      revision: rows.revision[row]!,
      position: positions[row]!,
      type: rows.type[row]!,
      data: JSON.parse(rows.data[row]!) as object,
      metadata: JSON.parse(rows.metadata[row]!) as EventMetadata,
    });
  }
  return events;
}
