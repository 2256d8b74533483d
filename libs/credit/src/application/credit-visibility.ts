import { commissionReads, Message, StreamVisibility } from '@bihuan/core';
import { INSPECTOR_CONFLICTS_CATEGORY } from './conflicts/inspector-conflicts.events';
import { RANDOM_DRAW_CATEGORY } from '../domain/draw/random-draw.decider';
import { creditArchiveVisibility } from '../domain/visibility/credit-archive.visibility';
import { creditPointsVisibility } from '../domain/visibility/credit-points.visibility';
import { creditSubjectVisibility } from '../domain/visibility/credit-subject.visibility';

/**
 * A 双随机 draw belongs to the jurisdiction it draws from: the commission staff whose jurisdiction
 * covers it (its candidates and seed are inspection targets until published; the public reads
 * published draws on /public/draws). Hospitals never read it as a case.
 */
export const randomDrawVisibility: StreamVisibility<{ readonly jurisdiction: string | null }> = {
  category: RANDOM_DRAW_CATEGORY,
  initialState: { jurisdiction: null },
  evolve: (state, event: Message) => {
    const unit = (event.data as { jurisdiction?: unknown }).jurisdiction;
    return state.jurisdiction === null && typeof unit === 'string' ? { jurisdiction: unit } : state;
  },
  decide: (reader, { jurisdiction }) => {
    if (jurisdiction === null) return { kind: 'hidden' };
    if (commissionReads(reader, [jurisdiction])) return { kind: 'granted', institutionId: null };
    return { kind: 'forbidden', reason: `${reader.actor.role} ${reader.actor.id} may not read draws of ${jurisdiction}` };
  },
};

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
