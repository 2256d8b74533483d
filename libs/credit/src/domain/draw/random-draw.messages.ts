import { Command, DomainEvent, EventTypes, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { CreditLevel } from '../credit-values';
import { DrawInput, DrawnVisit } from './draw-inspections';

/** Commands and events of a 双随机 draw, stream `randomDraw-<drawId>` (commit → draw → reveal, ADR 0018). */
export type CommitRandomDraw = Command<
  'CommitRandomDraw',
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
/** Sent by the randomDrawVisits saga once the commitment is recorded. */
export type MakeRandomDraw = Command<'MakeRandomDraw', { readonly drawId: string }>;

/** How a drawn visit ended, as its visit stream records it (read by the application layer before a reveal). */
export type DrawnVisitOutcome = 'pending' | 'conducted' | 'cancelled';

/**
 * A drawn visit's outcome from its stream's event types (the inspection context's VisitConducted and
 * VisitCancelled, read by name as credit-input-events mirrors that context): pending until one of them.
 */
export function drawnVisitOutcome(eventTypes: readonly string[]): DrawnVisitOutcome {
  if (eventTypes.includes('VisitConducted')) return 'conducted';
  return eventTypes.includes('VisitCancelled') ? 'cancelled' : 'pending';
}

export interface DrawnVisitState {
  readonly institutionId: string;
  readonly visitId: string;
  readonly outcome: DrawnVisitOutcome;
}

export type RevealRandomDraw = Command<'RevealRandomDraw', { readonly drawId: string; readonly visits: readonly DrawnVisitState[] }>;
export type CancelRandomDraw = Command<'CancelRandomDraw', { readonly drawId: string; readonly reason: string }>;
export type RandomDrawWakeUp = Command<'WarnDeadline', WarnDeadlineData> | Command<'ExpireDeadline', ExpireDeadlineData>;
export type RandomDrawCommand = CommitRandomDraw | MakeRandomDraw | RevealRandomDraw | CancelRandomDraw | RandomDrawWakeUp;

/** What a draw's first event records either way: its inputs (seed included), place, date and who asked. */
export interface DrawRecordData extends DrawInput {
  readonly drawId: string;
  readonly jurisdiction: string;
  readonly plannedDate: string;
  readonly campaignId: string | null;
  readonly algorithm: string;
  readonly policyVersion: string;
}

/**
 * The commitment: every input and the seed, with the digests the public page shows at once. The seed
 * is kept here in clear, read only by those who read the stream (randomDrawVisibility, which leaves
 * it out of every view until DrawRevealed); see ADR 0018 for why it is not sealed.
 */
export type DrawCommitted = DomainEvent<
  'DrawCommitted',
  DrawRecordData & {
    readonly seedDigest: string;
    readonly inputsDigest: string;
    readonly committedBy: string;
    readonly committedAt: string;
  }
>;
/** The result, computed from the committed seed; the randomDrawVisits saga plans one visit per pair. Not public until revealed. */
export type DrawMade = DomainEvent<
  'DrawMade',
  {
    readonly drawId: string;
    readonly jurisdiction: string;
    readonly algorithm: string;
    readonly visits: readonly DrawnVisit[];
    readonly plannedDate: string;
    readonly campaignId: string | null;
    readonly madeBy: string;
    readonly madeAt: string;
  }
>;
/** Every drawn visit done (conducted or cancelled): the seed is published (一公开) and can be checked against the commitment. */
export type DrawRevealed = DomainEvent<
  'DrawRevealed',
  {
    readonly drawId: string;
    readonly jurisdiction: string;
    readonly seed: string;
    readonly visits: readonly DrawnVisitState[];
    readonly revealedBy: string;
    readonly revealedAt: string;
  }
>;
export type DrawCancelled = DomainEvent<
  'DrawCancelled',
  { readonly drawId: string; readonly reason: string; readonly cancelledBy: string }
>;

/** Draws before ADR 0018 (no commitment): inputs and seed recorded, then the result published at once. Read, never written. */
export type DrawRequested = DomainEvent<'DrawRequested', DrawRecordData & { readonly requestedBy: string; readonly requestedAt: string }>;
/** The result of a draw before ADR 0018, published at once with its seed. Read, never written. */
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

export type RandomDrawEvent = DrawCommitted | DrawMade | DrawRevealed | DrawCancelled | DrawRequested | DrawPublished;

/** Every type a random draw stream holds, for narrowing events read from the log (isEventOf). */
export const RANDOM_DRAW_EVENTS: EventTypes<RandomDrawEvent> = {
  DrawCommitted: true,
  DrawMade: true,
  DrawRevealed: true,
  DrawCancelled: true,
  DrawRequested: true,
  DrawPublished: true,
};
