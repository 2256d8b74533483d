import { decideAttach } from '@bihuan/core';
import { acceptAttachment, requireStep } from '../evidence-rules';
import { inspectionError } from '../inspection-errors';
import { AttachVisitEvidence } from './visit.commands';
import { VisitEvent } from './visit.events';
import { VisitState } from './visit.state';

type Live = Exclude<VisitState, { status: 'none' | 'cancelled' }>;

/**
 * Photos and recordings of the visit, by those who record it (requireVisitActor: inspectors; on a
 * 自查 the hospital too), from planning on — an unannounced visit is filmed before it is written
 * up — until the visit is closed: a closed visit's ledger is settled, and what is seen later
 * (回头看) belongs to the finding it concerns. A reopened visit takes files again.
 */
export function attachVisitEvidence(command: AttachVisitEvidence, state: Live, requireVisitActor: (action: string) => void): VisitEvent[] {
  const data = acceptAttachment(command.data);
  requireVisitActor('attaching evidence to a visit');
  if (state.status === 'closed') throw inspectionError('VISIT_CLOSED', 'the visit is closed: attach files to its findings');
  requireStep(data.step, ['visit'], 'a visit');
  return decideAttach(state.files, data, command.metadata.actor.id);
}
