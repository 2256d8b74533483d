import { Command, Decider, DomainEvent, DomainError } from '@bihuan/core';

/**
 * An inspector's declared conflicts of interest (former employer, relatives on the staff …), stream
 * `inspectorConflicts-<inspectorId>`. The 双随机 draw excludes an inspector from the institutions
 * declared here; the declarations are events, so a draw's recorded conflicts can be traced to them.
 */
export const INSPECTOR_CONFLICTS_CATEGORY = 'inspectorConflicts';

export type DeclareConflict = Command<
  'DeclareConflict',
  { readonly inspectorId: string; readonly institutionId: string; readonly reason: string }
>;
export type WithdrawConflict = Command<
  'WithdrawConflict',
  { readonly inspectorId: string; readonly institutionId: string; readonly reason: string }
>;
export type InspectorConflictsCommand = DeclareConflict | WithdrawConflict;

export type ConflictDeclared = DomainEvent<
  'ConflictOfInterestDeclared',
  { inspectorId: string; institutionId: string; reason: string; declaredBy: string; declaredAt: string }
>;
export type ConflictWithdrawn = DomainEvent<
  'ConflictOfInterestWithdrawn',
  { inspectorId: string; institutionId: string; reason: string; withdrawnBy: string; withdrawnAt: string }
>;
export type InspectorConflictsEvent = ConflictDeclared | ConflictWithdrawn;

/** Institutions the inspector is currently conflicted with. */
export interface InspectorConflictsState {
  readonly institutions: readonly string[];
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw DomainError.invalid('CREDIT.FIELD_REQUIRED', field, `${field} is required`);
  return value.trim();
}

export const inspectorConflictsDecider: Decider<InspectorConflictsCommand, InspectorConflictsEvent, InspectorConflictsState> = {
  initialState: { institutions: [] },
  evolve: (state, event) =>
    event.type === 'ConflictOfInterestDeclared'
      ? { institutions: [...state.institutions.filter((i) => i !== event.data.institutionId), event.data.institutionId] }
      : { institutions: state.institutions.filter((i) => i !== event.data.institutionId) },
  decide(command, state) {
    const { actor, now } = command.metadata;
    if (actor.role === 'inspector' && actor.id !== command.data.inspectorId) {
      throw DomainError.forbidden('CREDIT.ROLE_FORBIDDEN', 'an inspector declares only their own conflicts');
    }
    if (!['inspector', 'leader', 'admin'].includes(actor.role))
      throw DomainError.forbidden('CREDIT.ROLE_FORBIDDEN', `role ${actor.role} may not declare conflicts`);
    const inspectorId = text(command.data.inspectorId, 'inspectorId');
    const institutionId = text(command.data.institutionId, 'institutionId');
    const reason = text(command.data.reason, 'reason');
    const listed = state.institutions.includes(institutionId);
    if (command.type === 'DeclareConflict') {
      return listed
        ? []
        : [{ type: 'ConflictOfInterestDeclared', data: { inspectorId, institutionId, reason, declaredBy: actor.id, declaredAt: now } }];
    }
    return listed
      ? [{ type: 'ConflictOfInterestWithdrawn', data: { inspectorId, institutionId, reason, withdrawnBy: actor.id, withdrawnAt: now } }]
      : [];
  },
};
