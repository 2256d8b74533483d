import { SYSTEM_ACTOR } from '@bihuan/core';
import { hashEvent } from '../chain/hash-chain';
import { sealEvent } from '../chain/seal';
import { RecordedEvent } from '../event-store.port';
import { EVENT_UPCASTERS } from './event-upcasters';
import { Upcasters } from './upcasters';

function stored(type: string, data: object, schemaVersion: number): RecordedEvent {
  const metadata = {
    eventId: 'e-1',
    correlationId: 'c',
    causationId: null,
    actor: SYSTEM_ACTOR,
    occurredAt: '2025-03-03T01:00:00.000Z',
    schemaVersion,
  };
  return {
    streamName: 's-1',
    revision: 0,
    position: 1,
    ...sealEvent('s-1', 0, null, { type, data, metadata }, '2025-03-03T01:00:00.000Z'),
  };
}

describe('Upcasters', () => {
  const chain = new Upcasters([
    { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ title: d['name'], tags: [] }) },
    { type: 'Renamed', fromVersion: 1, upcast: (d) => ({ name: String(d['label']).trim() }) },
  ]);

  it('runs the whole chain from the stored version, stamps the version it ends at, and keeps the stored form for the hash', () => {
    const v1 = stored('Renamed', { label: ' 台账 ' }, 1);
    const read = chain.upcast(v1);
    expect(read.data).toEqual({ title: '台账', tags: [] });
    expect(read.metadata).toEqual({ ...v1.metadata, schemaVersion: 3 });
    expect(read.stored).toEqual({ data: { label: ' 台账 ' }, schemaVersion: 1 });
    expect(hashEvent(read)).toBe(v1.metadata.hash);
    expect(chain.upcast(stored('Renamed', { name: 'x' }, 2)).data).toEqual({ title: 'x', tags: [] });
    expect(chain.currentVersion('Renamed')).toBe(3);
  });

  it('hands back the same object for a current version or a type without upcasters', () => {
    const current = stored('Renamed', { title: 't', tags: [] }, 3);
    const other = stored('Other', {}, 1);
    expect(chain.upcast(current)).toBe(current);
    expect(chain.upcast(other)).toBe(other);
    expect(chain.currentVersion('Other')).toBe(1);
  });

  it('refuses a registry with a gap or two upcasters for one version', () => {
    const step = (fromVersion: number) => ({ type: 'T', fromVersion, upcast: (d: object) => d });
    expect(() => new Upcasters([step(2)])).toThrow('Upcasters of T skip version 1');
    expect(() => new Upcasters([step(1), step(1)])).toThrow('Upcaster T v1');
  });

  it('DeadlineExtended v1 (with or without extraWorkingDays) reads as v2, with null for an extension to a date', () => {
    const data = {
      deadlineId: 'rectify',
      dueAt: '2025-03-20T09:00:00.000Z',
      warnAt: [],
      reason: 'r',
      approvedBy: 'u',
      calendarVersion: 'cn-2025@x',
    };
    expect(EVENT_UPCASTERS.upcast(stored('DeadlineExtended', data, 1)).data).toEqual({ ...data, extraWorkingDays: null });
    expect(EVENT_UPCASTERS.upcast(stored('DeadlineExtended', { ...data, extraWorkingDays: 4 }, 1)).data).toEqual({
      ...data,
      extraWorkingDays: 4,
    });
  });
});
