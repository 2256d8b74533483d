import { EventToAppend } from '../event-store.port';
import { hashEvent } from './hash-chain';
import { sealAsText, sealEvent } from './seal';

const event = (metadata: Partial<EventToAppend['metadata']> = {}, data: object = { title: '手卫生', n: 1 }): EventToAppend => ({
  type: 'FindingOpened',
  data,
  metadata: {
    eventId: 'e-1',
    correlationId: 'c-1',
    causationId: null,
    actor: { id: 'inspector-1', role: 'inspector', unit: 'hz-1' },
    occurredAt: '2025-03-03T01:00:00.000Z',
    schemaVersion: 1,
    ...metadata,
  },
});

describe('sealing', () => {
  const at = '2025-03-03T01:00:00.500Z';

  it('seals as text with the hash and metadata sealEvent gives', () => {
    const e = event();
    const sealed = sealEvent('finding-1', 3, 'a'.repeat(64), e, at);
    const text = sealAsText('finding-1', 3, 'a'.repeat(64), e, at);
    expect(text.hash).toBe(sealed.metadata.hash);
    expect(JSON.parse(text.metadata)).toEqual(sealed.metadata);
    expect(hashEvent({ streamName: 'finding-1', revision: 3, type: e.type, data: e.data, metadata: JSON.parse(text.metadata) })).toBe(
      text.hash,
    );
  });

  it('hashes data as JSON gives it back, so what is read re-hashes the same', () => {
    const e = event({}, { due: new Date('2025-03-10T00:00:00.000Z'), n: Number.NaN });
    const text = sealAsText('finding-1', 0, null, e, at);
    const read = {
      streamName: 'finding-1',
      revision: 0,
      type: e.type,
      data: JSON.parse(JSON.stringify(e.data)) as object,
      metadata: JSON.parse(text.metadata),
    };
    expect(hashEvent(read)).toBe(text.hash);
  });

  it('never hashes a hash the writer carried over (an event copied from another log)', () => {
    const copied = event({ hash: 'f'.repeat(64) } as Partial<EventToAppend['metadata']>);
    const fresh = event();
    expect(sealAsText('s-1', 0, null, copied, at)).toEqual(sealAsText('s-1', 0, null, fresh, at));
    expect(sealEvent('s-1', 0, null, copied, at).metadata.hash).toBe(sealEvent('s-1', 0, null, fresh, at).metadata.hash);
  });

  it('chains: the hash covers the place, the content and the previous hash', () => {
    const base = sealAsText('s-1', 1, 'a'.repeat(64), event(), at).hash;
    expect(sealAsText('s-2', 1, 'a'.repeat(64), event(), at).hash).not.toBe(base);
    expect(sealAsText('s-1', 2, 'a'.repeat(64), event(), at).hash).not.toBe(base);
    expect(sealAsText('s-1', 1, 'b'.repeat(64), event(), at).hash).not.toBe(base);
    expect(sealAsText('s-1', 1, 'a'.repeat(64), event({}, { title: '手卫生', n: 2 }), at).hash).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('computes the hashes logs already hold (a fixed vector: the chain format may not drift)', () => {
    const e = event({}, { title: '手卫生', n: 1, nested: { b: [1, 'x\u2028', null], a: 0.1 } });
    expect(sealAsText('finding-1', 3, 'a'.repeat(64), e, at).hash).toBe('8e351b702912ea47361d6b42f1d983d46a6462f95990bfaacb494c39948077de');
    expect(sealEvent('finding-1', 0, null, e, at).metadata.hash).toBe('7a4f24ac9d6039dea349a87ff4cb9b2293e690a5d1c6bfa6d7f9bb423396c6d2');
  });
});
