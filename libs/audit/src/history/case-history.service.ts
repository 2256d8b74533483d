import { Actor, Clock, DeadlineBook, DomainError } from '@bihuan/core';
import { AsOf, eventEntry, EventStore, RecordedEvent } from '@bihuan/event-store';
import { CaseIndex, IndexedEvent } from '../case-index/case-index.port';
import { linkCase, LinkedCase, resolveCauses } from '../case-index/case-links';
import { AuditAction, AuditTrail } from '../trail/audit-trail.port';
import { CaseHistory, CaseInstant, CauseRef, HistoryEntry, HistoryOptions, HistoryPage, HistoryView } from './case-history.types';
import { caseOrigins } from './case-origins';
import { DeadlineBooks, snapshotOf } from './deadline-snapshot';
import { mergeStreams } from './stream-merge';

export interface CaseHistoryServiceOptions {
  /** Where reads are recorded (when the caller names a reader). */
  readonly trail?: AuditTrail;
  /** Stamps access-audit entries; required with `trail`. */
  readonly clock?: Clock;
  /** Events read per stream and round trip (default 500). */
  readonly chunk?: number;
}

interface Walked {
  readonly event: RecordedEvent;
  readonly book: DeadlineBook;
}

const MAX_PAGE_SIZE = 1000;

/** Written by one command: the same stream and causation (handleCommand appends a command's events together). */
function sameCommand(a: RecordedEvent, b: RecordedEvent): boolean {
  return a.streamName === b.streamName && a.metadata.causationId !== null && a.metadata.causationId === b.metadata.causationId;
}

/**
 * A case's merged timeline: the root stream and every stream prefix linked to it (CaseIndex),
 * in global position order, each entry with its actor, times, recorded cause and the deadline
 * state at that moment. The index must be caught up with the log (ProjectionRunner.caughtUpTo)
 * for the answer to be complete; the events themselves always come from the store.
 */
export class CaseHistoryService {
  constructor(
    private readonly store: EventStore,
    private readonly index: CaseIndex,
    private readonly options: CaseHistoryServiceOptions = {},
  ) {}

  /** Which streams the case reaches into, and how far (cheap: the index only). */
  link(root: string, asOf?: AsOf): Promise<LinkedCase> {
    return linkCase(this.index, root, asOf);
  }

  /**
   * One page of the timeline; earlier pages are streamed past (deadlines folded, nothing built).
   * Throws AUDIT.CASE_NOT_FOUND (not_found) when the root stream had no events at the instant.
   */
  async history(root: string, options: HistoryOptions = {}): Promise<HistoryPage> {
    const page = Math.max(1, Math.floor(options.page ?? 1));
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? 50)));
    const linked = options.linked ?? (await this.link(root, options.asOf));
    if (linked.streams.length === 0)
      throw DomainError.notFound('AUDIT.CASE_NOT_FOUND', `No events in ${root}${options.asOf ? ' at that instant' : ''}`);
    const skip = (page - 1) * pageSize;
    const walked: Walked[] = [];
    let total = 0;
    const folded = { count: 0 };
    if (options.view || options.fold) {
      // Events left out for this reader (or folded away) do not count: walk the whole case to page and total it.
      for await (const w of this.walk(linked, options.asOf, undefined, options.view, options.fold, folded)) {
        if (total >= skip && walked.length < pageSize) walked.push(w);
        total++;
      }
    } else {
      total = linked.streams.reduce((n, s) => n + s.lastRevision + 1, 0);
      let i = 0;
      for await (const w of this.walk(linked, options.asOf, skip + pageSize)) {
        if (i++ < skip) continue;
        walked.push(w);
        if (walked.length === pageSize) break;
      }
    }
    await this.audit(options.reader, root, options.asOf ? 'asOf' : 'history', options.purpose, {
      page,
      pageSize,
      asOf: options.asOf ?? null,
    });
    return {
      root,
      asOf: options.asOf ?? null,
      streams: linked.streams,
      total,
      page,
      pageSize,
      pages: Math.max(1, Math.ceil(total / pageSize)),
      ...(options.fold ? { folded: folded.count } : {}),
      entries: await this.entries(walked, linked, options.view, options.fold),
    };
  }

  /** Every entry, in batches of `batch`, reading each stream once (exports, bulk checks). */
  async *stream(
    root: string,
    options: { asOf?: AsOf; batch?: number; linked?: LinkedCase; view?: HistoryView } = {},
  ): AsyncGenerator<HistoryEntry[]> {
    const linked = options.linked ?? (await this.link(root, options.asOf));
    const size = options.batch ?? 500;
    let pending: Walked[] = [];
    for await (const w of this.walk(linked, options.asOf, undefined, options.view)) {
      pending.push(w);
      if (pending.length === size) {
        yield await this.entries(pending, linked, options.view);
        pending = [];
      }
    }
    if (pending.length > 0) yield await this.entries(pending, linked, options.view);
  }

  /** The whole history in memory (dossier export); recorded as a `dossier` read when a reader is named. */
  async full(
    root: string,
    options: { asOf?: AsOf; reader?: Actor; purpose?: string; action?: AuditAction; linked?: LinkedCase; view?: HistoryView } = {},
  ): Promise<CaseHistory> {
    const linked = options.linked ?? (await this.link(root, options.asOf));
    const entries: HistoryEntry[] = [];
    const more = { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.view ? { view: options.view } : {}) };
    for await (const batch of this.stream(root, { linked, ...more })) entries.push(...batch);
    await this.audit(options.reader, root, options.action ?? 'dossier', options.purpose, {
      asOf: options.asOf ?? null,
      events: entries.length,
    });
    return { root, asOf: options.asOf ?? null, streams: linked.streams, entries };
  }

  /**
   * When each event of the case was recorded, in timeline order: the same events, view and folding
   * as `history`, without their data (an "as of" slider's stops; the page an event is on). Recorded
   * as a `history` read when a reader is named.
   */
  async instants(
    root: string,
    options: Pick<HistoryOptions, 'reader' | 'purpose' | 'linked' | 'view' | 'fold'> = {},
  ): Promise<CaseInstant[]> {
    const linked = options.linked ?? (await this.link(root));
    if (linked.streams.length === 0) throw DomainError.notFound('AUDIT.CASE_NOT_FOUND', `No events in ${root}`);
    const instants: CaseInstant[] = [];
    for await (const { event } of this.walk(linked, undefined, undefined, options.view, options.fold)) {
      const { streamName: stream, revision, position, type, metadata } = event;
      instants.push({ stream, revision, position, type, recordedAt: metadata.recordedAt, occurredAt: metadata.occurredAt });
    }
    await this.audit(options.reader, root, 'history', options.purpose, { instants: instants.length });
    return instants;
  }

  private async *walk(
    linked: LinkedCase,
    asOf?: AsOf,
    firstChunk?: number,
    view?: HistoryView,
    fold?: (type: string) => boolean,
    folded?: { count: number },
  ): AsyncGenerator<Walked> {
    const books = new DeadlineBooks();
    const chunk = this.options.chunk ?? 500;
    const merge = { chunk, firstChunk: firstChunk ?? chunk, ...(asOf ? { asOf } : {}) };
    // Held back until the next shown event: the deadline events its command wrote after it (a
    // notice's DeadlineSet, a sign-off's DeadlineCleared), folded or hidden, still count towards it.
    let held: Walked | null = null;
    for await (const event of mergeStreams(this.store, linked.streams, merge)) {
      // Deadlines fold over every event; the reader's view only decides what is shown.
      const book = books.after(event);
      const shown = view ? await view.event(event) : event;
      // Counted only among what the reader may see, so the count tells nothing about the rest.
      const foldedAway = shown !== null && fold?.(shown.type) === true;
      if (foldedAway && folded) folded.count++;
      if (!shown || foldedAway) {
        if (held && sameCommand(held.event, event)) held = { event: held.event, book };
        continue;
      }
      if (held) yield held;
      held = { event: shown, book };
    }
    if (held) yield held;
  }

  private async entries(
    walked: readonly Walked[],
    linked: LinkedCase,
    view?: HistoryView,
    fold?: (type: string) => boolean,
  ): Promise<HistoryEntry[]> {
    const causes = await resolveCauses(
      this.index,
      walked.map((w) => w.event.metadata.eventId),
    );
    const origins = fold ? await caseOrigins(this.index, causes, fold) : causes;
    const visibleCause = new Map<string, boolean>();
    for (const c of [...causes.values(), ...origins.values()])
      if (view && !visibleCause.has(c.stream)) visibleCause.set(c.stream, await view.cause(c.stream));
    const shown = (c: IndexedEvent | undefined): CauseRef | null =>
      c && (!view || visibleCause.get(c.stream)) ? { eventId: c.eventId, stream: c.stream, type: c.type, position: c.position } : null;
    return walked.map(({ event, book }) => {
      const m = event.metadata;
      const causedBy = shown(causes.get(m.eventId));
      const origin = shown(origins.get(m.eventId));
      const deadlines = snapshotOf(book).filter((d) => !view || view.deadline(event.streamName, d.deadlineId));
      const { causationId: _resolvedAsCausedBy, ...entry } = eventEntry(event);
      return {
        stream: event.streamName,
        ...entry,
        causedBy,
        origin,
        hash: m.hash,
        linked: linked.correlations.has(m.correlationId),
        deadlines,
        metadata: m,
        ...(event.stored ? { stored: event.stored } : {}),
      };
    });
  }

  private async audit(
    reader: Actor | undefined,
    stream: string,
    action: AuditAction,
    purpose: string | undefined,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const { trail, clock } = this.options;
    if (!trail || !reader) return;
    if (!clock) throw new Error('CaseHistoryService: a clock is required to record reads in the access audit');
    await trail.record({ at: clock.now().toISOString(), reader, stream, action, purpose: purpose ?? '', detail });
  }
}
