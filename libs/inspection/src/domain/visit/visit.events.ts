import { DomainEvent, EVIDENCE_EVENTS, EvidenceAttached, EventTypes, typesOf } from '@bihuan/core';
import { VisitKind } from '../inspection-values';
import { NewFinding } from '../finding/finding.commands';

/** What every existing visit knows about itself. */
export interface VisitFacts {
  readonly visitId: string;
  readonly kind: VisitKind;
  readonly institutionId: string;
  readonly inspectorIds: readonly string[];
  readonly plannedDate: string;
  readonly campaignId: string | null;
}

/** Events of the Visit aggregate; the catalogue is docs/events/inspection.md. */
export type VisitPlanned = DomainEvent<
  'VisitPlanned',
  VisitFacts & {
    readonly plannedBy: string;
  }
>;

export type VisitConducted = DomainEvent<
  'VisitConducted',
  {
    readonly visitId: string;
    readonly conductedOn: string;
    readonly inspectorIds: readonly string[];
    readonly summary: string | null;
    readonly recordedBy: string;
  }
>;

export type VisitFindingsRegistered = DomainEvent<
  'VisitFindingsRegistered',
  {
    readonly visitId: string;
    /** Newly registered by this event. */
    readonly findingIds: readonly string[];
    /** Every finding of the visit after this event. */
    readonly allFindingIds: readonly string[];
    /**
     * What each new finding's stream is opened with (`OpenFinding` data). Absent on events written
     * before findings were recorded on the visit first: those findings were opened before registering.
     */
    readonly findings?: readonly NewFinding[];
  }
>;

export type VisitClosed = DomainEvent<
  'VisitClosed',
  {
    readonly visitId: string;
    readonly findingIds: readonly string[];
    readonly closedAt: string;
  }
>;

export type VisitReopened = DomainEvent<
  'VisitReopened',
  {
    readonly visitId: string;
    readonly findingId: string;
    readonly reason: string;
  }
>;

export type VisitCancelled = DomainEvent<
  'VisitCancelled',
  {
    readonly visitId: string;
    readonly reason: string;
    readonly cancelledBy: string;
  }
>;

export type VisitOwnEvent = VisitPlanned | VisitConducted | VisitFindingsRegistered | VisitClosed | VisitReopened | VisitCancelled;

/** The visit's own events plus core's generic EvidenceAttached (photos and recordings of the visit). */
export type VisitEvent = VisitOwnEvent | EvidenceAttached;

/** The visit's own event types (the documented catalogue), without the generic evidence event. */
const VISIT_OWN_EVENTS: EventTypes<VisitOwnEvent> = {
  VisitPlanned: true,
  VisitConducted: true,
  VisitFindingsRegistered: true,
  VisitClosed: true,
  VisitReopened: true,
  VisitCancelled: true,
};

export const VISIT_EVENT_TYPES = typesOf(VISIT_OWN_EVENTS);

/** Every type a visit stream holds, for narrowing events read from the log (isEventOf). */
export const VISIT_EVENTS: EventTypes<VisitEvent> = { ...VISIT_OWN_EVENTS, ...EVIDENCE_EVENTS };
