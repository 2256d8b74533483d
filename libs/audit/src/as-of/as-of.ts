import { Command, Decider, DomainEvent } from '@bihuan/core';
import { AsOf, EventFilter, EventStore, RecordedEvent } from '@bihuan/event-store';
import { within } from '../case-index/case-links';

/** A state folded from the log as it stood at an instant, and where that instant is in the log. */
export interface StateAsOf<S> {
  readonly state: S;
  /** Events folded. */
  readonly events: number;
  /** Revision / position of the last event folded (null: none). */
  readonly revision: number | null;
  readonly position: number | null;
  readonly asOf: AsOf;
}

/**
 * The decider's state of one stream at a past instant: its events up to the instant
 * (`readStream`'s asOf: position ≤ p, or recordedAt ≤ t), folded with `evolve`. Exact, because
 * visibility is a prefix of the log (docs/event-store.md); prefer `{ position }` for reports that
 * must be reproduced later. Any decider is one of events in general (see AnyDecider): the stream
 * is the decider's own, so it holds only the events that decider wrote.
 */
export async function stateAsOf<S>(
  store: EventStore,
  stream: string,
  decider: Decider<Command, DomainEvent, S>,
  asOf: AsOf,
  pageSize = 1000,
): Promise<StateAsOf<S>> {
  let state = decider.initialState;
  let last: RecordedEvent | null = null;
  let events = 0;
  for (let from = 0; ;) {
    const page = await store.readStream(stream, { fromRevision: from, maxCount: pageSize, asOf });
    for (const e of page) state = decider.evolve(state, e);
    events += page.length;
    if (page.length > 0) last = page[page.length - 1]!;
    if (page.length < pageSize) break;
    from = last!.revision + 1;
  }
  return { state, events, revision: last?.revision ?? null, position: last?.position ?? null, asOf };
}

/** A list (or any read model) as a pure reducer over the log: what a projection computes. */
export interface ListDefinition<S> {
  readonly name: string;
  readonly initial: S;
  readonly filter?: EventFilter;
  reduce(state: S, event: RecordedEvent): S;
}

/**
 * A projection-backed list at a past instant, recomputed from the log (read models are
 * disposable; the log is the truth): readAll in pages, folded up to the instant. With
 * `{ position }` it stops at the first event past it; with `{ recordedAt }` it reads on to the
 * head, because clocks of different writers need not agree with the position order.
 */
export async function listAsOf<S>(store: EventStore, list: ListDefinition<S>, asOf: AsOf, pageSize = 1000): Promise<StateAsOf<S>> {
  let state = list.initial;
  let events = 0;
  let last: RecordedEvent | null = null;
  let position: number | null = null;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize, ...(list.filter ? { filter: list.filter } : {}) });
    for (const e of page) {
      if ('position' in asOf && e.position > asOf.position)
        return { state, events, revision: last?.revision ?? null, position: last?.position ?? null, asOf };
      if (!within({ position: e.position, recordedAt: e.metadata.recordedAt }, asOf)) continue;
      state = list.reduce(state, e);
      events += 1;
      last = e;
    }
    if (page.length < pageSize) break;
    position = page[page.length - 1]!.position;
  }
  return { state, events, revision: last?.revision ?? null, position: last?.position ?? null, asOf };
}
