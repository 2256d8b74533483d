import { Actor, Command, fold, SYSTEM_ACTOR } from '@bihuan/core';
import { deliveredEvent, testCommand } from '@bihuan/testing';
import { CreditArchiveCommand, CreditPointsCommand, EnsureCreditArchive } from '../domain/archive/credit-archive.commands';
import { creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveEvent, CreditPointsEvent } from '../domain/archive/credit-archive.events';
import { creditPointsDecider, pointsIdOf } from '../domain/archive/credit-points.decider';
import { CreditArchiveState, CreditRecord } from '../domain/archive/credit-archive.state';
import { DrawMade, DrawPublished } from '../domain/draw/random-draw.messages';

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

/** Draw D1 for the city, made on 1 June for visits on 15 June, as randomDrawVisits receives it. */
export const drawMade = (visits: DrawMade['data']['visits'], eventId: string, actor: Actor = inspector) =>
  delivered(
    'randomDraw-D1',
    'DrawMade',
    {
      drawId: 'D1',
      jurisdiction: 'city',
      algorithm: 'a',
      plannedDate: '2025-06-15',
      campaignId: null,
      madeBy: actor.id,
      madeAt: '2025-06-01',
      visits,
    },
    eventId,
    actor,
  );

/** Draw D1 as a draw before commitments published it (published at once), as randomDrawVisits receives it. */
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

type AnyCreditCommand = CreditArchiveCommand | CreditPointsCommand;

const entryEvents = (events: readonly CreditArchiveEvent[], pointsId: string): CreditPointsEvent[] =>
  events.filter(
    (e): e is CreditPointsEvent => (e.type === 'CreditPointsAdded' || e.type === 'CreditPointsRevoked') && e.data.pointsId === pointsId,
  );

/** The cycle's counted total, as the creditThresholds saga sums it. */
const cycleTotal = (events: readonly CreditArchiveEvent[], cycleNo: number): number =>
  events.reduce(
    (sum, e) =>
      (e.type === 'CreditPointsAdded' || e.type === 'CreditPointsRevoked') && e.data.cycleNo === cycleNo
        ? sum + (e.type === 'CreditPointsAdded' ? e.data.points : -e.data.points)
        : sum,
    0,
  );

/**
 * Runs commands one after another as the credit context does (ADR 0006), returning every event of
 * the archive and of its points entries in order: a points entry is decided on its own stream with
 * the archive's current cycle (the archive opened implicitly first), and then, as the
 * creditThresholds saga would, ImposeCreditMeasures with the cycle's running total.
 */
export function run(commands: readonly AnyCreditCommand[], from: readonly CreditArchiveEvent[] = []): CreditArchiveEvent[] {
  const archive = creditArchiveDecider();
  const entries = creditPointsDecider();
  const events = [...from];
  for (const c of commands) {
    if (c.type === 'RevokeCreditPoints') {
      events.push(...entries.decide(c, fold(entries, entryEvents(events, c.data.pointsId))));
    } else if (c.type === 'AddCreditPoints') {
      const { institutionId, behaviour, points, occurredAt } = c.data;
      const ensure = command<EnsureCreditArchive>(
        'EnsureCreditArchive',
        { institutionId, behaviour, points, occurredAt },
        c.metadata.actor,
        c.metadata.now,
      );
      events.push(...archive.decide(ensure, fold(archive, events)));
      const opened = fold(archive, events);
      const cycleNo = opened.status === 'open' ? opened.current!.cycle.cycleNo : 1;
      const pointsId = pointsIdOf(c.data);
      const added = entries.decide({ ...c, data: { ...c.data, pointsId, cycleNo } }, fold(entries, entryEvents(events, pointsId)));
      events.push(...added);
      for (const e of added) {
        const impose = command<CreditArchiveCommand>(
          'ImposeCreditMeasures',
          { institutionId: e.data.institutionId, cycleNo, totalPoints: cycleTotal(events, cycleNo), pointsId, causedBy: e.data.causedBy },
          system,
          c.metadata.now,
        );
        events.push(...archive.decide(impose, fold(archive, events)));
      }
    } else events.push(...archive.decide(c, fold(archive, events)));
  }
  return events;
}

/** The archive's own state (points events are not the archive's: it ignores them). */
export const archiveOf = (events: readonly CreditArchiveEvent[]): CreditArchiveState => fold(creditArchiveDecider(), events);

/** What reads take: the archive and every entry as its own stream folds it. */
export function stateOf(events: readonly CreditArchiveEvent[]): CreditRecord {
  const ids = [...new Set(events.flatMap((e) => (e.type === 'CreditPointsAdded' ? [e.data.pointsId] : [])))];
  const points = ids.flatMap((id) => {
    const s = fold(creditPointsDecider(), entryEvents(events, id));
    return s.status === 'recorded' ? [s.entry] : [];
  });
  return { archive: archiveOf(events), points };
}

export const open = (now = T0): CreditArchiveCommand =>
  command('OpenCreditArchive', { institutionId: 'H1', name: 'First Hospital', responsiblePerson: 'Dr Wang' }, inspector, now);

export const points = (pointsId: string, behaviour: string, occurredAt = T0, now = T0): CreditPointsCommand =>
  command<CreditPointsCommand>('AddCreditPoints', { institutionId: 'H1', pointsId, behaviour, occurredAt }, inspector, now);

export const revoke = (pointsId: string, reason = 'withdrawn'): CreditPointsCommand =>
  command<CreditPointsCommand>('RevokeCreditPoints', { institutionId: 'H1', pointsId, reason });
