import type { AppendExpectedRevision, JSONEventData, Position, ResolvedEvent } from '@eventstore/db-client';
import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { deterministicId, EventMetadata, ROLES } from '@bihuan/core';
import { WrongExpectedRevisionError } from '../../errors';
import { ExpectedRevision, RecordedEvent } from '../../event-store.port';

/** Our revision (0-based number) as ESDB's expected revision; a faithful one-to-one mapping. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`Invalid expected revision ${expected}`);
      return BigInt(expected);
  }
}

/**
 * The exact expectation for a stream whose last revision was just read (null: no stream).
 * Loose expectations (`any`, `stream_exists`) are pinned to it, so that two writers that both
 * read the same tail cannot both append after it and fork the hash chain.
 */
export function pinnedExpectedRevision(current: number | null): AppendExpectedRevision {
  return current === null ? NO_STREAM : BigInt(current);
}

/** A 64-bit ESDB number as ours; throws rather than silently losing precision. */
export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`ESDB ${what} ${value} is not a safe integer`);
  return n;
}

/** ESDB's "unknown position" marker (2^64 - 1), returned by stream reads on servers before 22.6. */
const NO_POSITION = 18446744073709551615n;

/** Our global position of a read event: its commit position in the transaction log. */
export function positionOf(resolved: ResolvedEvent): number | null {
  const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (commit === undefined || commit === NO_POSITION) return null;
  return toSafeNumber(commit, 'commit position');
}

/** A read/subscribe start for "strictly after our position p" (ESDB reads are inclusive; callers skip p itself). */
export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * ESDB's event id: our eventId when it is a UUID (ESDB requires one), else a UUID derived from it.
 * Deterministic either way, so ESDB's own idempotent-write check recognises a replayed append.
 */
export function toEsdbEventId(eventId: string): string {
  return UUID.test(eventId) ? eventId.toLowerCase() : deterministicId('bihuan-esdb-event-id', eventId);
}

/** A sealed event as ESDB event data: JSON data, our metadata plus ESDB's `$correlationId`/`$causationId`. */
export function toEsdbEventData(sealed: { type: string; data: object; metadata: EventMetadata }): JSONEventData {
  const metadata: Record<string, unknown> = { ...sealed.metadata, $correlationId: sealed.metadata.correlationId };
  if (sealed.metadata.causationId !== null) metadata.$causationId = sealed.metadata.causationId;
  return {
    id: toEsdbEventId(sealed.metadata.eventId),
    contentType: 'application/json',
    type: sealed.type,
    data: sealed.data as Record<string, unknown>,
    metadata,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Our envelope (rule 3), field by field: what a Bihuan writer put on the event. */
function isEventMetadata(value: Record<string, unknown>): value is Record<string, unknown> & EventMetadata {
  const actor = value['actor'];
  return (
    isText(value['eventId']) &&
    isText(value['correlationId']) &&
    isTextOrNull(value['causationId']) &&
    isRecord(actor) &&
    isText(actor['id']) &&
    ROLES.some((role) => role === actor['role']) &&
    isText(actor['unit']) &&
    isText(value['occurredAt']) &&
    isText(value['recordedAt']) &&
    typeof value['schemaVersion'] === 'number' &&
    isTextOrNull(value['prevHash']) &&
    isText(value['hash'])
  );
}

/** System streams and events (`$…`), links and projections' output: never ours. */
export function isSystemEvent(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return !event || resolved.link !== undefined || event.type.startsWith('$') || event.streamId.startsWith('$');
}

/**
 * A read ESDB event as ours, or null when it is not a Bihuan event (system event, link, binary,
 * or metadata without our envelope): such events are skipped, and the chain verifier then reports
 * the gap if one of ours was replaced. ESDB-only metadata keys (`$…`) are dropped so the
 * metadata is exactly what was hashed.
 */
export function fromResolvedEvent(resolved: ResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || isSystemEvent(resolved) || !event.isJson) return null;
  const raw = event.metadata;
  if (!isRecord(raw) || !isRecord(event.data)) return null;
  const metadata = Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('$')));
  if (!isEventMetadata(metadata)) return null;
  const position = positionOf(resolved);
  if (position === null) throw new Error(`ESDB returned no position for ${event.streamId}@${event.revision} (server older than 22.6?)`);
  return {
    streamName: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position,
    type: event.type,
    data: event.data,
    metadata,
  };
}

/** ESDB's concurrency error as ours (the caller's expectation, the stream's actual revision); others unchanged. */
export function mapEsdbError(error: unknown, streamName: string, expected: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevisionError(
      error.streamName || streamName,
      expected,
      typeof actual === 'bigint' && actual >= 0n ? toSafeNumber(actual, 'revision') : 'no_stream',
    );
  }
  return error;
}
