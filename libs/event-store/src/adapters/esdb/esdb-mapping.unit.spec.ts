import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import { ANY, NO_STREAM, STREAM_EXISTS, StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import { sealEvent } from '../../chain/seal';
import { hashEvent } from '../../chain/hash-chain';
import { WrongExpectedRevisionError } from '../../errors';
import { EventToAppend } from '../../event-store.port';
import { matchesFilter, toEsdbFilter } from './esdb-filter';
import {
  fromResolvedEvent,
  mapEsdbError,
  pinnedExpectedRevision,
  positionOf,
  toEsdbEventData,
  toEsdbEventId,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toSafeNumber,
} from './esdb-mapping';

const write = (eventId: string, causationId: string | null = 'cause-1'): EventToAppend => ({
  type: 'FindingOpened',
  data: { title: '检查', items: [1, { b: true }] },
  metadata: {
    eventId,
    correlationId: 'corr-1',
    causationId,
    actor: { id: 'u-1', role: 'inspector', unit: 'root' },
    occurredAt: '2025-03-03T00:00:00.000Z',
    schemaVersion: 1,
  },
});

/** What the client hands back for an event it read: JSON-parsed data and metadata, bigint revision. */
function asRead(
  stream: string,
  revision: number,
  position: bigint,
  event: EventToAppend,
  prevHash: string | null = null,
): AllStreamResolvedEvent {
  const sealed = sealEvent(stream, revision, prevHash, event, '2025-03-03T01:00:00.000Z');
  const data = toEsdbEventData(sealed);
  const roundTrip = JSON.parse(JSON.stringify(data)) as typeof data;
  return {
    commitPosition: position,
    event: {
      streamId: stream,
      id: data.id,
      isJson: true,
      revision: BigInt(revision),
      type: data.type,
      created: new Date(0),
      data: roundTrip.data,
      metadata: roundTrip.metadata,
      position: { commit: position, prepare: position },
    },
  } as AllStreamResolvedEvent;
}

describe('esdb mapping: revisions and positions', () => {
  it('maps every expected revision one to one', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
    expect(() => toEsdbExpectedRevision(-1)).toThrow(/Invalid expected revision/);
    expect(() => toEsdbExpectedRevision(1.5)).toThrow(/Invalid expected revision/);
  });

  it('pins a loose expectation to the revision just read', () => {
    expect(pinnedExpectedRevision(null)).toBe(NO_STREAM);
    expect(pinnedExpectedRevision(7)).toBe(7n);
  });

  it('converts 64-bit numbers only when they fit a safe integer', () => {
    expect(toSafeNumber(9007199254740991n, 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(9007199254740992n, 'commit position')).toThrow(/not a safe integer/);
  });

  it('takes the commit position of the event, else of the resolved event, and knows ESDB’s "no position"', () => {
    const read = asRead('finding-1', 0, 4242n, write('e-1'));
    expect(positionOf(read)).toBe(4242);
    const withoutEventPosition = { ...read, event: { ...read.event!, position: undefined } } as unknown as ResolvedEvent;
    expect(positionOf(withoutEventPosition)).toBe(4242);
    const unknown = { event: { ...read.event!, position: { commit: 18446744073709551615n, prepare: 1n } } } as ResolvedEvent;
    expect(positionOf(unknown)).toBeNull();
    expect(toEsdbPosition(77)).toEqual({ commit: 77n, prepare: 77n });
  });
});

describe('esdb mapping: events', () => {
  it('uses the eventId as ESDB id when it is a UUID, else a stable UUID derived from it', () => {
    const uuid = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    expect(toEsdbEventId(uuid)).toBe(uuid.toLowerCase());
    const derived = toEsdbEventId('id-000001');
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toEsdbEventId('id-000001')).toBe(derived);
    expect(toEsdbEventId('id-000002')).not.toBe(derived);
  });

  it('writes JSON data and our metadata with $correlationId / $causationId for ESDB projections', () => {
    const sealed = sealEvent('finding-1', 0, null, write('e-1'), '2025-03-03T01:00:00.000Z');
    const data = toEsdbEventData(sealed);
    expect(data).toMatchObject({ contentType: 'application/json', type: 'FindingOpened', data: sealed.data });
    expect(data.metadata).toEqual({ ...sealed.metadata, $correlationId: 'corr-1', $causationId: 'cause-1' });
    const noCause = toEsdbEventData(sealEvent('finding-1', 0, null, write('e-1', null), '2025-03-03T01:00:00.000Z'));
    expect(noCause.metadata).not.toHaveProperty('$causationId');
  });

  it('reads an event back exactly as sealed, so its SM3 hash still verifies', () => {
    const read = asRead('finding-1', 3, 9000n, write('e-1'), 'a'.repeat(64));
    const event = fromResolvedEvent(read)!;
    expect(event).toMatchObject({ streamName: 'finding-1', revision: 3, position: 9000, type: 'FindingOpened' });
    expect(event.metadata).not.toHaveProperty('$correlationId');
    expect(event.metadata).toMatchObject({ eventId: 'e-1', prevHash: 'a'.repeat(64), recordedAt: '2025-03-03T01:00:00.000Z' });
    expect(hashEvent(event)).toBe(event.metadata.hash);
  });

  it('skips what is not a Bihuan event: system events, links, binary data, foreign metadata', () => {
    const ours = asRead('finding-1', 0, 100n, write('e-1'));
    const base = ours.event!;
    const variants: ResolvedEvent[] = [
      { ...ours, event: { ...base, type: '$metadata' } } as ResolvedEvent,
      { ...ours, event: { ...base, streamId: '$stats-127.0.0.1:2113' } } as ResolvedEvent,
      { ...ours, link: { ...base, type: '$>' } } as unknown as ResolvedEvent,
      { ...ours, event: { ...base, isJson: false, data: new Uint8Array([1]) } } as unknown as ResolvedEvent,
      { ...ours, event: { ...base, metadata: { $correlationId: 'x' } } } as ResolvedEvent,
      { commitPosition: 5n } as ResolvedEvent,
    ];
    for (const variant of variants) expect(fromResolvedEvent(variant)).toBeNull();
    expect(fromResolvedEvent(ours)).not.toBeNull();
  });

  it('refuses an event of ours without a position (servers before 22.6) rather than invent one', () => {
    const read = asRead('finding-1', 0, 100n, write('e-1'));
    const noPosition = { event: { ...read.event!, position: undefined } } as unknown as ResolvedEvent;
    expect(() => fromResolvedEvent(noPosition)).toThrow(/no position/);
  });
});

describe('esdb mapping: errors', () => {
  it('maps WrongExpectedVersionError to ours, with the caller’s expectation and the actual revision', () => {
    const esdb = new WrongExpectedVersionError(undefined, { streamName: 'finding-1', expected: 2n, current: 4n });
    const mapped = mapEsdbError(esdb, 'finding-1', 'any');
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({
      streamName: 'finding-1',
      expected: 'any',
      actual: 4,
      code: 'STORE.WRONG_EXPECTED_REVISION',
      kind: 'conflict',
    });
  });

  it('maps a missing stream (and the old protocol’s -1) to no_stream', () => {
    const missing = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(mapEsdbError(missing, 's-1', 'stream_exists')).toMatchObject({ actual: 'no_stream', expected: 'stream_exists' });
    const legacy = Object.assign(Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError, {
      streamName: '',
      expectedVersion: 0n,
      actualVersion: -1n,
    });
    expect(mapEsdbError(legacy, 's-2', 0)).toMatchObject({ streamName: 's-2', actual: 'no_stream', expected: 0 });
  });

  it('passes other errors through unchanged', () => {
    const notFound = new StreamNotFoundError(undefined, 's-1');
    expect(mapEsdbError(notFound, 's-1', 0)).toBe(notFound);
    const plain = new Error('boom');
    expect(mapEsdbError(plain, 's-1', 0)).toBe(plain);
  });
});

describe('esdb mapping: filters', () => {
  const regexOf = (f: ReturnType<typeof toEsdbFilter>): RegExp => new RegExp('regex' in f ? f.regex : '^$');

  it('filters categories on the stream name up to the first dash', () => {
    const filter = toEsdbFilter({ categories: ['finding', 'complaintTicket'], eventTypes: ['Opened'] });
    expect(filter.filterOn).toBe('streamName');
    const regex = regexOf(filter);
    expect(['finding-1', 'complaintTicket-1-with-dashes'].every((s) => regex.test(s))).toBe(true);
    expect(['findings-1', 'xfinding-1', '$ce-finding', 'finding'].some((s) => regex.test(s))).toBe(false);
  });

  it('filters event types exactly, escaping regex characters', () => {
    const filter = toEsdbFilter({ eventTypes: ['Finding.Opened', 'Closed'] });
    expect(filter.filterOn).toBe('eventType');
    const regex = regexOf(filter);
    expect(['Finding.Opened', 'Closed'].every((t) => regex.test(t))).toBe(true);
    expect(['FindingXOpened', 'ClosedAgain', 'NotClosed'].some((t) => regex.test(t))).toBe(false);
  });

  it('without a filter still keeps ESDB’s system events out', () => {
    const filter = toEsdbFilter(undefined);
    expect(filter.filterOn).toBe('eventType');
    expect(regexOf(filter).test('$metadata')).toBe(false);
    expect(regexOf(filter).test('FindingOpened')).toBe(true);
  });

  it('checks both parts client-side, since ESDB filters on one field only', () => {
    const event = fromResolvedEvent(asRead('finding-1', 0, 1n, write('e-1')))!;
    expect(matchesFilter(event, undefined)).toBe(true);
    expect(matchesFilter(event, { categories: ['finding'], eventTypes: ['FindingOpened'] })).toBe(true);
    expect(matchesFilter(event, { categories: ['finding'], eventTypes: ['Closed'] })).toBe(false);
    expect(matchesFilter(event, { categories: ['complaint'] })).toBe(false);
  });
});
