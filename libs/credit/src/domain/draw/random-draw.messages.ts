import { Command, DomainEvent, EventTypes, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { CreditLevel } from '../credit-values';
import { DrawInput, DrawnVisit } from './draw-inspections';

/** Commands and events of a 双随机 draw, stream `randomDraw-<drawId>`. */
export type RequestRandomDraw = Command<
  'RequestRandomDraw',
  Omit<DrawInput, 'weights'> & {
    readonly drawId: string;
    /** The jurisdiction (unit) the institutions are drawn from. */
    readonly jurisdiction: string;
    /** Defaults to CreditPolicy.drawWeights. */
    readonly weights?: Readonly<Record<CreditLevel, number>> | null;
    /** Date the visits are planned for (ISO-8601). */
    readonly plannedDate: string;
    readonly campaignId?: string | null;
  }
>;
export type PublishRandomDraw = Command<'PublishRandomDraw', { readonly drawId: string }>;
export type CancelRandomDraw = Command<'CancelRandomDraw', { readonly drawId: string; readonly reason: string }>;
export type RandomDrawWakeUp = Command<'WarnDeadline', WarnDeadlineData> | Command<'ExpireDeadline', ExpireDeadlineData>;
export type RandomDrawCommand = RequestRandomDraw | PublishRandomDraw | CancelRandomDraw | RandomDrawWakeUp;

/** Seed and every input recorded (the DrawInput), so anyone can re-run drawInspections and get the same result. */
export type DrawRequested = DomainEvent<
  'DrawRequested',
  DrawInput & {
    readonly drawId: string;
    readonly jurisdiction: string;
    readonly plannedDate: string;
    readonly campaignId: string | null;
    readonly algorithm: string;
    readonly requestedBy: string;
    readonly requestedAt: string;
    readonly policyVersion: string;
  }
>;
/** The result (一公开); the random-draw-visits workflow turns each pair into a planned visit. */
export type DrawPublished = DomainEvent<
  'DrawPublished',
  {
    readonly drawId: string;
    readonly jurisdiction: string;
    readonly seed: string;
    readonly algorithm: string;
    readonly visits: readonly DrawnVisit[];
    readonly plannedDate: string;
    readonly campaignId: string | null;
    readonly publishedBy: string;
    readonly publishedAt: string;
  }
>;
export type DrawCancelled = DomainEvent<
  'DrawCancelled',
  { readonly drawId: string; readonly reason: string; readonly cancelledBy: string }
>;
export type RandomDrawEvent = DrawRequested | DrawPublished | DrawCancelled;

/** Every type a random draw stream holds, for narrowing events read from the log (isEventOf). */
export const RANDOM_DRAW_EVENTS: EventTypes<RandomDrawEvent> = {
  DrawRequested: true,
  DrawPublished: true,
  DrawCancelled: true,
};
