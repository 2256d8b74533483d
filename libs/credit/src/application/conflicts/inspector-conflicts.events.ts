import { DomainEvent, EventTypes } from '@bihuan/core';

/**
 * Historical: inspectors' conflicts of interest as credit once recorded them, stream
 * `inspectorConflicts-<inspectorId>`. Since issue 16 conflicts are recorded in the directory
 * (InspectorConflictsSet) and the draw reads only those; nothing writes these events any more.
 * Their types stay so an old log still verifies, audits and summarises.
 */
export const INSPECTOR_CONFLICTS_CATEGORY = 'inspectorConflicts';

export type ConflictDeclared = DomainEvent<
  'ConflictOfInterestDeclared',
  { inspectorId: string; institutionId: string; reason: string; declaredBy: string; declaredAt: string }
>;
export type ConflictWithdrawn = DomainEvent<
  'ConflictOfInterestWithdrawn',
  { inspectorId: string; institutionId: string; reason: string; withdrawnBy: string; withdrawnAt: string }
>;
export type InspectorConflictsEvent = ConflictDeclared | ConflictWithdrawn;

/** Every type an old `inspectorConflicts-…` stream holds (the summary-completeness check reads this list). */
export const INSPECTOR_CONFLICTS_EVENTS: EventTypes<InspectorConflictsEvent> = {
  ConflictOfInterestDeclared: true,
  ConflictOfInterestWithdrawn: true,
};
