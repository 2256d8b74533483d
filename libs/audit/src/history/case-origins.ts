import { commandEventId } from '@bihuan/processing';
import { CaseIndex, IndexedEvent } from '../case-index/case-index.port';
import { resolveCauses } from '../case-index/case-links';

/** How far through bookkeeping a cause is followed: a saga's records are two, a deadline's one or two. */
const MAX_HOPS = 8;
/** A command writes a handful of events; its bookkeeping ones follow the case event they accompany. */
const MAX_EVENTS_PER_COMMAND = 32;

/**
 * The cause people read for each effect (`effect eventId → cause`): its recorded cause, followed past
 * folded bookkeeping until an event a folded history shows. A saga's `OutputRecorded` leads through
 * its `InputRecorded` to the event the saga answered (a credit record → the 处理意见 behind it); a
 * deadline event without a recorded cause (set by a person's request) leads to the case event the
 * same command wrote before it (a rung reached on expiry → the 整改通知书 that set the deadline).
 * An effect whose chain ends in bookkeeping has no entry.
 */
export async function caseOrigins(
  index: CaseIndex,
  causes: ReadonlyMap<string, IndexedEvent>,
  folded: (type: string) => boolean,
): Promise<Map<string, IndexedEvent>> {
  const origins = new Map<string, IndexedEvent>();
  let pending = new Map<string, IndexedEvent>();
  for (const [effect, cause] of causes) (folded(cause.type) ? pending : origins).set(effect, cause);
  for (let hop = 0; hop < MAX_HOPS && pending.size > 0; hop++) {
    const ancestors = [...new Map([...pending.values()].map((e) => [e.eventId, e])).values()];
    const up = await resolveCauses(
      index,
      ancestors.map((e) => e.eventId),
    );
    const beside = await commandMates(
      index,
      ancestors.filter((e) => !up.has(e.eventId)),
      folded,
    );
    const next = new Map<string, IndexedEvent>();
    for (const [effect, at] of pending) {
      const step = up.get(at.eventId) ?? beside.get(at.eventId);
      if (step) (folded(step.type) ? next : origins).set(effect, step);
    }
    pending = next;
  }
  return origins;
}

/**
 * For each event, the last event its own command wrote before it that a folded history shows
 * (event ids derive from the command id and the event's place: `commandEventId`).
 */
async function commandMates(
  index: CaseIndex,
  events: readonly IndexedEvent[],
  folded: (type: string) => boolean,
): Promise<Map<string, IndexedEvent>> {
  const earlier = new Map<string, string[]>();
  for (const e of events) {
    if (!e.causationId) continue;
    const ids = Array.from({ length: MAX_EVENTS_PER_COMMAND }, (_, i) => commandEventId(e.causationId!, i));
    const place = ids.indexOf(e.eventId);
    if (place > 0) earlier.set(e.eventId, ids.slice(0, place).reverse());
  }
  const found = new Map((await index.eventsByIds([...new Set([...earlier.values()].flat())])).map((e) => [e.eventId, e]));
  const mates = new Map<string, IndexedEvent>();
  for (const [eventId, ids] of earlier) {
    const mate = ids.map((id) => found.get(id)).find((e) => e !== undefined && !folded(e.type));
    if (mate) mates.set(eventId, mate);
  }
  return mates;
}
