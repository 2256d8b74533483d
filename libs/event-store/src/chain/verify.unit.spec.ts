import { EventMetadata, WriteMetadata } from '@bihuan/core';
import { RecordedEvent } from '../event-store.port';
import { sealEvent } from './seal';
import { ChainVerifier } from './verify';

function meta(n: number): WriteMetadata {
  return {
    eventId: `e-${n}`,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'u1', role: 'inspector', unit: 'city-1' },
    occurredAt: '2025-03-03T01:00:00.000Z',
    schemaVersion: 1,
  };
}

function chain(stream: string, count: number, startPosition: number): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  let prev: string | null = null;
  for (let revision = 0; revision < count; revision += 1) {
    const sealed = sealEvent(
      stream,
      revision,
      prev,
      { type: 'Noted', data: { n: revision }, metadata: meta(revision) },
      '2025-03-03T01:00:00.000Z',
    );
    prev = sealed.metadata.hash;
    out.push({ streamName: stream, revision, position: startPosition + revision, ...sealed });
  }
  return out;
}

function verify(events: RecordedEvent[]) {
  const verifier = new ChainVerifier();
  for (const e of events) verifier.check(e);
  return verifier.result();
}

describe('ChainVerifier', () => {
  it('accepts an intact chain and reports its hash range', () => {
    const events = chain('finding-1', 3, 1);
    const result = verify(events);
    expect(result).toMatchObject({
      ok: true,
      events: 3,
      streams: 1,
      firstHash: events[0]!.metadata.hash,
      lastHash: events[2]!.metadata.hash,
    });
  });

  it('names the first event whose content changed', () => {
    const events = chain('finding-1', 3, 1);
    events[1] = { ...events[1]!, data: { n: 99 } };
    expect(verify(events).firstBreak).toMatchObject({ revision: 1, eventId: 'e-1', problem: 'content' });
  });

  it('detects a removed event', () => {
    const events = chain('finding-1', 3, 1);
    expect(verify([events[0]!, events[2]!]).firstBreak).toMatchObject({ revision: 2, problem: 'missing' });
  });

  it('detects a link to the wrong predecessor even when the hash was recomputed', () => {
    const a = chain('finding-1', 2, 1);
    const forged = sealEvent(
      'finding-1',
      1,
      'f'.repeat(64),
      { type: 'Noted', data: { n: 1 }, metadata: meta(1) },
      '2025-03-03T01:00:00.000Z',
    );
    const events: RecordedEvent[] = [a[0]!, { streamName: 'finding-1', revision: 1, position: 2, ...forged }];
    expect(verify(events).firstBreak).toMatchObject({ revision: 1, problem: 'link' });
  });

  it('detects events out of global order', () => {
    const events = chain('finding-1', 2, 5);
    const moved = [events[0]!, { ...events[1]!, position: 4 }];
    expect(verify(moved).firstBreak).toMatchObject({ revision: 1, problem: 'order' });
  });

  it('detects a deleted tail through the stream heads', () => {
    const events = chain('finding-1', 3, 1);
    const verifier = new ChainVerifier();
    events.slice(0, 2).forEach((e) => verifier.check(e));
    const heads = new Map([['finding-1', { revision: 2, hash: (events[2]!.metadata as EventMetadata).hash }]]);
    expect(verifier.checkHeads(heads)).toMatchObject({ streamName: 'finding-1', problem: 'missing' });
  });
});
