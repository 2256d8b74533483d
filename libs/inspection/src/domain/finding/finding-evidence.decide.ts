import { Actor, decideAttach } from '@bihuan/core';
import { requireHospitalOf, requireRole } from '../actor-rules';
import { acceptAttachment, requireStep } from '../evidence-rules';
import { inspectionError } from '../inspection-errors';
import { EvidenceStep } from '../inspection-values';
import { AttachFindingEvidence } from './finding.commands';
import { FindingEvent } from './finding.events';
import { ExistingFinding } from './finding.state';
import { requireWorkable } from './finding-rectification.decide';

/** The hospital's files belong to its rectification steps. */
const HOSPITAL_STEPS: readonly EvidenceStep[] = ['plan', 'progress', 'signOff'];

/**
 * Who may attach a file to a finding, and when (one home for the rule; docs/events/inspection.md):
 * - an inspector, while the finding is live, as evidence of the problem (`finding`); once it is
 *   signed off, for a re-check (`recheck`) — the 回头看 cites its files like a progress report does;
 * - the finding's own hospital, for its plan, progress and sign-off request, exactly while it may
 *   take those steps (notice issued, no sign-off pending: requireWorkable); on a 自查 finding, which
 *   the hospital itself recorded, also as evidence of the problem (`finding`) until sign-off.
 * Nobody attaches to a withdrawn finding. The same file again is no change (decideAttach).
 */
export function attachFindingEvidence(command: AttachFindingEvidence, state: ExistingFinding): FindingEvent[] {
  const data = acceptAttachment(command.data);
  const { actor } = command.metadata;
  if (actor.role === 'hospital') {
    requireHospitalOf(actor, state.finding.institutionId, 'attaching evidence to a finding');
    if (state.status === 'withdrawn') throw inspectionError('FINDING_WITHDRAWN', 'the finding was withdrawn');
    if (state.status === 'signedOff') throw inspectionError('FINDING_SIGNED_OFF', 'the finding is signed off: no more rectification files');
    if (data.step === 'finding' && state.finding.visitKind === 'self') return decideAttach(state.files, data, actor.id);
    requireStep(data.step, HOSPITAL_STEPS, 'a hospital on a finding');
    requireWorkable(state);
    return decideAttach(state.files, data, actor.id);
  }
  requireRole(actor, ['inspector'], 'attaching evidence to a finding');
  if (state.status === 'withdrawn') throw inspectionError('FINDING_WITHDRAWN', 'the finding was withdrawn');
  requireStep(data.step, state.status === 'signedOff' ? ['recheck'] : ['finding'], `an inspector on a ${state.status} finding`);
  return decideAttach(state.files, data, actor.id);
}

/**
 * The step an upload that names none belongs to, by who attaches it and where the finding stands:
 * an inspector's is evidence of the problem, or of the re-check once signed off; the hospital's
 * belongs to its plan until one is in, then to its progress (on a 自查 not yet noticed: the problem).
 */
export function defaultFindingEvidenceStep(actor: Actor, state: ExistingFinding): EvidenceStep {
  if (actor.role !== 'hospital') return state.status === 'signedOff' ? 'recheck' : 'finding';
  if (state.status === 'open') return state.finding.visitKind === 'self' ? 'finding' : 'plan';
  return state.status === 'noticeIssued' ? 'plan' : 'progress';
}
