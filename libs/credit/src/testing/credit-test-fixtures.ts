import { Actor, Command, fold, SYSTEM_ACTOR } from '@bihuan/core';
import { deliveredEvent, testCommand } from '@bihuan/testing';
import { CreditArchiveCommand } from '../domain/archive/credit-archive.commands';
import { creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveEvent } from '../domain/archive/credit-archive.events';
import { CreditArchiveState } from '../domain/archive/credit-archive.state';
import { DrawPublished } from '../domain/draw/random-draw.messages';

/** Shared fixtures of the credit unit specs (not exported from the lib). */
export const T0 = '2025-01-01T00:00:00.000Z';
export const inspector: Actor = { id: 'insp-1', role: 'inspector', unit: 'city' };
export const hospital = (unit: string): Actor => ({ id: `user-${unit}`, role: 'hospital', unit });
export const system: Actor = SYSTEM_ACTOR;

export const command = <C extends Command = CreditArchiveCommand>(
  type: C['type'],
  data: C['data'],
  actor: Actor = inspector,
  now = T0,
  causationId: string | null = null,
): C => testCommand<C>(type, data, actor, now, causationId);

export const delivered = <T extends string, D extends object>(
  stream: string,
  type: T,
  data: D,
  eventId: string,
  actor: Actor = inspector,
) => deliveredEvent(stream, type, data, eventId, actor, T0);

/** Draw D1 for the city, published on 1 June for visits on 15 June, as randomDrawVisits receives it. */
export const drawPublished = (visits: DrawPublished['data']['visits'], eventId: string) =>
  delivered(
    'randomDraw-D1',
    'DrawPublished',
    {
      drawId: 'D1',
      jurisdiction: 'city',
      seed: 's',
      algorithm: 'a',
      plannedDate: '2025-06-15',
      campaignId: null,
      publishedBy: 'insp-1',
      publishedAt: '2025-06-01',
      visits,
    },
    eventId,
  );

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
