import { commissionReads, Message, StreamVisibility } from '@bihuan/core';
import { INSPECTOR_CONFLICTS_CATEGORY } from './conflicts/inspector-conflicts.events';
import { creditArchiveVisibility } from '../domain/visibility/credit-archive.visibility';
import { creditPointsVisibility } from '../domain/visibility/credit-points.visibility';
import { randomDrawVisibility } from '../domain/visibility/random-draw.visibility';
import { creditSubjectVisibility } from '../domain/visibility/credit-subject.visibility';

/**
 * An inspector's declared conflicts of interest: the inspector, and the leaders and admins over
 * the unit that declared them.
 */
export const inspectorConflictsVisibility: StreamVisibility<{ readonly inspectorId: string | null; readonly declaredIn: string | null }> = {
  category: INSPECTOR_CONFLICTS_CATEGORY,
  initialState: { inspectorId: null, declaredIn: null },
  evolve: (state, event: Message) =>
    state.inspectorId !== null
      ? state
      : {
          inspectorId: String((event.data as { inspectorId?: unknown }).inspectorId ?? ''),
          declaredIn: event.metadata?.actor.unit ?? null,
        },
  decide: (reader, state) => {
    if (state.inspectorId === null) return { kind: 'hidden' };
    const { actor } = reader;
    if (
      actor.id === state.inspectorId ||
      ((actor.role === 'leader' || actor.role === 'admin') && commissionReads(reader, [state.declaredIn]))
    ) {
      return { kind: 'granted', institutionId: null };
    }
    return { kind: 'forbidden', reason: `${actor.role} ${actor.id} may not read the conflicts of inspector ${state.inspectorId}` };
  },
};

/** The credit context's declarations, for the audit registry. */
export const CREDIT_VISIBILITY: readonly StreamVisibility[] = [
  creditArchiveVisibility,
  creditPointsVisibility,
  creditSubjectVisibility,
  randomDrawVisibility,
  inspectorConflictsVisibility,
];
