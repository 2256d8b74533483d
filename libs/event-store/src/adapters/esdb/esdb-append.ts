import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedEvent } from '@eventstore/db-client';
import { BACKWARDS, END, FORWARDS, WrongExpectedVersionError } from '@eventstore/db-client';
import { sealEvent } from '../../chain/seal';
import { checkExpectedRevision } from '../../errors';
import { AppendResult, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store.port';
import { Upcasters } from '../../upcasting/upcasters';
import { assertDistinctEventIds, duplicateEventIdError, plainEvent, RecordedAtStamp } from '../append-rules';
import { consumeRead, EsdbClient } from './esdb-client';
import {
  fromResolvedEvent,
  mapEsdbError,
  pinnedExpectedRevision,
  toEsdbEventData,
  toEsdbExpectedRevision,
  toSafeNumber,
} from './esdb-mapping';

/** How far back a replayed eventId is looked for (ESDB's own id check covers exact retries beyond it). */
export const IDEMPOTENCY_WINDOW = 64;
/** Attempts for `any` / `stream_exists` appends that lose a race: each re-reads the tail and re-seals. */
export const LOOSE_APPEND_ATTEMPTS = 5;
/** Pauses between reads back of a written append that failed: the write stands, so the read is worth repeating. */
export const READ_BACK_PAUSES_MS: readonly number[] = [25, 100, 400];

/** The stream's end as just read: its last revision (null: no stream), last hash, and recent events. */
interface Tail {
  readonly revision: number | null;
  readonly lastHash: string | null;
  readonly recent: readonly RecordedEvent[];
}

async function readTail(client: EsdbClient, stream: string, window: number): Promise<Tail> {
  const raw: ResolvedEvent[] = [];
  await consumeRead(client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: window }), (e) => {
    raw.push(e);
    return true;
  });
  const last = raw[0]?.event;
  if (!last) return { revision: null, lastHash: null, recent: [] };
  const recent = raw.map(fromResolvedEvent).filter((e): e is RecordedEvent => e !== null);
  const head = recent[0];
  const revision = toSafeNumber(last.revision, 'revision');
  if (!head || head.revision !== revision) {
    throw new Error(`Stream ${stream} ends with an event the adapter did not write (revision ${revision}): cannot extend its hash chain`);
  }
  return { revision, lastHash: head.metadata.hash, recent };
}

/** An idempotent replay (every eventId already in the tail) as its original result, else null. */
function replayOf(stream: string, events: readonly EventToAppend[], tail: Tail): AppendResult | null {
  const held = new Map(tail.recent.map((e) => [e.metadata.eventId, e]));
  const found = events.map((e) => held.get(e.metadata.eventId));
  if (found.every((e) => e === undefined)) return null;
  const missing = found.findIndex((e) => e === undefined);
  if (missing >= 0) throw duplicateEventIdError(stream, events[missing]!.metadata.eventId, 'no stream (partial replay)');
  return { nextExpectedRevision: tail.revision!, position: found[found.length - 1]!.position, written: false, events: [] };
}

/**
 * Appends with the hash chain intact: reads the tail (prevHash, revision, recent eventIds),
 * answers an idempotent replay with `written: false` before any revision check, seals, and
 * appends with an exact expected revision. `any`/`stream_exists` are pinned to the revision just
 * read and retried on conflict; an explicit expectation is the caller's, so a conflict is thrown.
 * Replays are recognised within the last {@link IDEMPOTENCY_WINDOW} events (and by ESDB itself
 * for an exact retry); a partial replay is refused, as on the embedded adapters.
 */
export async function appendToEsdb(
  client: EsdbClient,
  stamp: RecordedAtStamp,
  upcasters: Upcasters,
  stream: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  assertDistinctEventIds(stream, events);
  const loose = expected === 'any' || expected === 'stream_exists';
  for (let attempt = 1; ; attempt++) {
    const tail = await readTail(client, stream, Math.max(IDEMPOTENCY_WINDOW, events.length));
    const replay = replayOf(stream, events, tail);
    if (replay) return replay;
    checkExpectedRevision(stream, expected, tail.revision);
    if (events.length === 0) {
      return { nextExpectedRevision: tail.revision ?? -1, position: tail.recent[0]?.position ?? -1, written: false, events: [] };
    }
    const recordedAt = stamp.next();
    let prevHash = tail.lastHash;
    const data = events.map((event, i) => {
      const sealed = sealEvent(stream, (tail.revision ?? -1) + 1 + i, prevHash, plainEvent(event), recordedAt);
      prevHash = sealed.metadata.hash;
      return toEsdbEventData(sealed);
    });
    const expectedRevision = loose ? pinnedExpectedRevision(tail.revision) : toEsdbExpectedRevision(expected);
    let nextExpectedRevision: number;
    try {
      const result = await client.appendToStream(stream, data, { expectedRevision });
      nextExpectedRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
    } catch (error) {
      if (loose && error instanceof WrongExpectedVersionError && attempt < LOOSE_APPEND_ATTEMPTS) continue;
      throw mapEsdbError(error, stream, expected);
    }
    const written = await readBack(client, stream, nextExpectedRevision - events.length + 1, events.length);
    const position = written[written.length - 1]!.position;
    return { nextExpectedRevision, position, written: true, events: written.map((e) => upcasters.upcast(e)) };
  }
}

/**
 * The events an append just wrote, read back from the server. Its answer carries one commit
 * position, the last event's (and none at all from some servers), while each event's position is
 * what a read reports; the revisions are the append's own, so what was written is read back as is.
 *
 * The append has been acknowledged by now: a read that fails (a connection lost between the two
 * calls, a node changing role) is tried again after a pause, up to {@link READ_BACK_PAUSES_MS}
 * more times, rather than turning written work into an error. Should every try fail, the error says
 * the events were written; the command's retry is then answered from them as a replay.
 */
async function readBack(client: EsdbClient, stream: string, fromRevision: number, count: number): Promise<RecordedEvent[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await readWritten(client, stream, fromRevision, count);
    } catch (error) {
      const pause = READ_BACK_PAUSES_MS[attempt];
      if (pause === undefined) {
        throw new Error(`${count} event(s) were appended to ${stream} from revision ${fromRevision} but could not be read back`, {
          cause: error,
        });
      }
      await sleep(pause);
    }
  }
}

async function readWritten(client: EsdbClient, stream: string, fromRevision: number, count: number): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  await consumeRead(client.readStream(stream, { direction: FORWARDS, fromRevision: BigInt(fromRevision), maxCount: count }), (e) => {
    const event = fromResolvedEvent(e);
    if (event) out.push(event);
    return out.length < count;
  });
  if (out.length !== count || out[0]!.revision !== fromRevision) {
    throw new Error(`ESDB did not read back the ${count} event(s) just appended to ${stream} from revision ${fromRevision}`);
  }
  return out;
}
