import { Actor, Command, Message } from '@bihuan/core';

/** A command as a decider receives it: id `cmd-<type>`, correlation `corr`. */
export function testCommand<C extends Command>(
  type: C['type'],
  data: C['data'],
  actor: Actor,
  now: string,
  causationId: string | null = null,
): C {
  return { type, data, metadata: { commandId: `cmd-${type}`, correlationId: 'corr', causationId, actor, now } } as C;
}

/** An event of `stream` as a workflow receives it (recorded at `at`, correlation `corr-x`, a stand-in hash). */
export function deliveredEvent<T extends string, D extends object>(
  stream: string,
  type: T,
  data: D,
  eventId: string,
  actor: Actor,
  at: string,
): Message<T, D> & { streamName: string } {
  return {
    streamName: stream,
    type,
    data,
    metadata: {
      eventId,
      correlationId: 'corr-x',
      causationId: null,
      actor,
      occurredAt: at,
      recordedAt: at,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}
