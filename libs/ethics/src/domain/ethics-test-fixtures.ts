import { Actor, Command, Message, SYSTEM_ACTOR } from '@bihuan/core';

/** Shared fixtures of the ethics unit specs (not exported from the lib). */
export const NOW = '2025-12-20T02:00:00.000Z';
export const hospitalOf = (unit: string): Actor => ({ id: `user-${unit}`, role: 'hospital', unit });
export const inspector: Actor = { id: 'insp-1', role: 'inspector', unit: 'city' };
export const system: Actor = SYSTEM_ACTOR;

export function command<C extends Command>(
  type: C['type'],
  data: C['data'],
  actor: Actor = hospitalOf('H1'),
  causationId: string | null = null,
): C {
  return { type, data, metadata: { commandId: `cmd-${type}`, correlationId: 'corr', causationId, actor, now: NOW } } as C;
}

export function delivered<T extends string, D extends object>(
  stream: string,
  type: T,
  data: D,
  eventId: string,
): Message<T, D> & { streamName: string } {
  return {
    streamName: stream,
    type,
    data,
    metadata: {
      eventId,
      correlationId: 'corr-x',
      causationId: null,
      actor: inspector,
      occurredAt: NOW,
      recordedAt: NOW,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}
