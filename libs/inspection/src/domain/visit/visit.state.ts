import { AttachedFiles, assertNever, withAttached } from '@bihuan/core';
import { VisitEvent, VisitFacts } from './visit.events';

/** Every existing visit holds the files attached to it (photos, recordings of the visit), by digest. */
interface Held {
  readonly files: AttachedFiles;
}

/** Lifecycle: planned → conducted → findingsRegistered ⇄ closed; planned → cancelled. */
export type VisitState =
  | { readonly status: 'none' }
  | ({ readonly status: 'planned'; readonly visit: VisitFacts } & Held)
  | ({ readonly status: 'conducted'; readonly visit: VisitFacts; readonly conductedOn: string; readonly summary: string | null } & Held)
  | ({
      readonly status: 'findingsRegistered';
      readonly visit: VisitFacts;
      readonly conductedOn: string;
      readonly summary: string | null;
      readonly findingIds: readonly string[];
      readonly reopenCount: number;
    } & Held)
  | ({
      readonly status: 'closed';
      readonly visit: VisitFacts;
      readonly conductedOn: string;
      readonly summary: string | null;
      readonly findingIds: readonly string[];
      readonly reopenCount: number;
      readonly closedAt: string;
    } & Held)
  | ({ readonly status: 'cancelled'; readonly visit: VisitFacts; readonly reason: string } & Held);

export const initialVisitState: VisitState = { status: 'none' };

/** Folds one event; events that do not fit the state are ignored (the log is the truth). */
export function evolveVisit(state: VisitState, event: VisitEvent): VisitState {
  switch (event.type) {
    case 'VisitPlanned': {
      const { plannedBy: _by, ...visit } = event.data;
      return { status: 'planned', visit, files: {} };
    }
    case 'VisitConducted':
      if (state.status !== 'planned') return state;
      return {
        status: 'conducted',
        visit: { ...state.visit, inspectorIds: event.data.inspectorIds },
        conductedOn: event.data.conductedOn,
        summary: event.data.summary,
        files: state.files,
      };
    case 'VisitFindingsRegistered':
      if (state.status === 'conducted') {
        return { ...state, status: 'findingsRegistered', findingIds: event.data.allFindingIds, reopenCount: 0 };
      }
      return state.status === 'findingsRegistered' ? { ...state, findingIds: event.data.allFindingIds } : state;
    case 'VisitClosed':
      return state.status === 'findingsRegistered' ? { ...state, status: 'closed', closedAt: event.data.closedAt } : state;
    case 'VisitReopened': {
      if (state.status !== 'closed') return state;
      const { closedAt: _closedAt, ...open } = state;
      return { ...open, status: 'findingsRegistered', reopenCount: state.reopenCount + 1 };
    }
    case 'VisitCancelled':
      return state.status === 'planned'
        ? { status: 'cancelled', visit: state.visit, reason: event.data.reason, files: state.files }
        : state;
    case 'EvidenceAttached':
      return state.status === 'none' ? state : { ...state, files: withAttached(state.files, event) };
    default:
      return assertNever(event, 'visit event');
  }
}
