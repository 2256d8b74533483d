import { Actor, Command, SYSTEM_ACTOR } from '@bihuan/core';
import { deliveredEvent, testCommand } from '@bihuan/testing';

/** Shared fixtures of the ethics unit specs (not exported from the lib). */
export const NOW = '2025-12-20T02:00:00.000Z';
export const hospitalOf = (unit: string): Actor => ({ id: `user-${unit}`, role: 'hospital', unit });
export const inspector: Actor = { id: 'insp-1', role: 'inspector', unit: 'city' };
export const system: Actor = SYSTEM_ACTOR;

export const command = <C extends Command>(
  type: C['type'],
  data: C['data'],
  actor: Actor = hospitalOf('H1'),
  causationId: string | null = null,
): C => testCommand<C>(type, data, actor, NOW, causationId);

export const delivered = <T extends string, D extends object>(stream: string, type: T, data: D, eventId: string) =>
  deliveredEvent(stream, type, data, eventId, inspector, NOW);
