import { Actor, Command, fold, Message, SYSTEM_ACTOR } from '@bihuan/core';
import { CreditArchiveCommand } from './archive/credit-archive.commands';
import { creditArchiveDecider } from './archive/credit-archive.decider';
import { CreditArchiveEvent } from './archive/credit-archive.events';
import { CreditArchiveState } from './archive/credit-archive.state';

/** Shared fixtures of the credit unit specs (not exported from the lib). */
export const T0 = '2025-01-01T00:00:00.000Z';
export const inspector: Actor = { id: 'insp-1', role: 'inspector', unit: 'city' };
export const hospital = (unit: string): Actor => ({ id: `user-${unit}`, role: 'hospital', unit });
export const system: Actor = SYSTEM_ACTOR;

export function command<C extends Command = CreditArchiveCommand>(
  type: C['type'],
  data: C['data'],
  actor: Actor = inspector,
  now = T0,
  causationId: string | null = null,
): C {
  return { type, data, metadata: { commandId: `cmd-${type}`, correlationId: 'corr', causationId, actor, now } } as C;
}

export function delivered<T extends string, D extends object>(
  stream: string,
  type: T,
  data: D,
  eventId: string,
  actor: Actor = inspector,
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
      occurredAt: T0,
      recordedAt: T0,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}

/** Runs commands one after another through the default decider, returning all events. */
export function run(commands: readonly CreditArchiveCommand[], from: readonly CreditArchiveEvent[] = []): CreditArchiveEvent[] {
  const decider = creditArchiveDecider();
  const events = [...from];
  for (const c of commands) events.push(...decider.decide(c, fold(decider, events)));
  return events;
}

export const stateOf = (events: readonly CreditArchiveEvent[]): CreditArchiveState => fold(creditArchiveDecider(), events);

export const open = (now = T0): CreditArchiveCommand =>
  command('OpenCreditArchive', { institutionId: 'H1', name: 'First Hospital', responsiblePerson: 'Dr Wang' }, inspector, now);

export const points = (pointsId: string, behaviour: string, occurredAt = T0, now = T0): CreditArchiveCommand =>
  command('AddCreditPoints', { institutionId: 'H1', pointsId, behaviour, occurredAt }, inspector, now);
