import { institutionRecordDecision, Message, ReadDecision, Reader, StreamVisibility } from '@bihuan/core';
import { FINDING_STREAM_CATEGORY, findingDecider } from './finding/finding.decider';
import { FindingEvent } from './finding/finding.events';
import { FindingState } from './finding/finding.state';
import { VISIT_STREAM_CATEGORY, visitDecider } from './visit/visit.decider';
import { VisitEvent } from './visit/visit.events';
import { VisitState } from './visit/visit.state';

/** A finding (整改台账 row) belongs to its institution: its hospital, the commission above it, admins. */
export const findingVisibility: StreamVisibility<FindingState> = {
  category: FINDING_STREAM_CATEGORY,
  initialState: findingDecider.initialState,
  evolve: (state, event) => findingDecider.evolve(state, event as FindingEvent),
  decide: (reader, state) =>
    state.status === 'none'
      ? { kind: 'hidden' }
      : institutionRecordDecision(reader, state.finding.institutionId, `finding ${state.finding.findingId}`),
};

/**
 * A visit belongs to its institution, except that a commission visit not yet carried out — a
 * planned 暗访 above all — or called off does not exist for the hospital it targets: an
 * unannounced visit stays unannounced (404, the answer for a visit that was never planned).
 */
export function decideVisitRead(reader: Reader, state: VisitState): ReadDecision {
  if (state.status === 'none') return { kind: 'hidden' };
  const { visit } = state;
  const notYetForHospital = visit.kind !== 'self' && (state.status === 'planned' || state.status === 'cancelled');
  if (reader.actor.role === 'hospital' && notYetForHospital) return { kind: 'hidden' };
  return institutionRecordDecision(reader, visit.institutionId, `visit ${visit.visitId}`);
}

export const visitVisibility: StreamVisibility<VisitState> = {
  category: VISIT_STREAM_CATEGORY,
  initialState: visitDecider.initialState,
  evolve: (state, event: Message) => visitDecider.evolve(state, event as VisitEvent),
  decide: decideVisitRead,
};

/** The inspection context's declarations, for the audit registry. */
export const INSPECTION_VISIBILITY: readonly StreamVisibility[] = [findingVisibility, visitVisibility];
