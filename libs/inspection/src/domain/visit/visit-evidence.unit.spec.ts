import { DeciderSpecification } from '@bihuan/testing';
import { cmd, history, hospital, inspector, otherHospital, system } from '../inspection.fixtures';
import { AttachVisitEvidence, CancelVisit, CloseVisit, PlanVisit, RecordVisit, RegisterFindings, VisitCommand } from './visit.commands';
import { visitDecider } from './visit.decider';

const spec = DeciderSpecification(visitDecider);
const PHOTO = '1'.repeat(64);
const file = { digest: PHOTO, size: 812_000, mediaType: 'image/jpeg', name: '门诊走廊.jpg' };
const planOf = (kind: 'unannounced' | 'self', actor = inspector) =>
  cmd<PlanVisit>(
    'PlanVisit',
    { visitId: 'v-1', kind, institutionId: 'inst-1', inspectorIds: kind === 'self' ? [] : ['u-inspector-1'], plannedDate: '2025-03-03' },
    actor,
  );
const record = (actor = inspector) => cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03' }, actor);
const register = cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findings: [] });
const close = cmd<CloseVisit>('CloseVisit', { visitId: 'v-1', settledFindingIds: [] }, system);
const attach = (actor = inspector, step = 'visit') =>
  cmd<AttachVisitEvidence>('AttachEvidence', { visitId: 'v-1', file, step, note: '暗访录像截图' }, actor);
const given = (...commands: VisitCommand[]) => history(visitDecider, commands);
const attached = (attachedBy: string) => ({
  type: 'EvidenceAttached' as const,
  data: { file, step: 'visit', note: '暗访录像截图', attachedBy },
});

describe('Visit decider — evidence files', () => {
  it('attaches the inspectors’ photos from planning on (an unannounced visit is filmed before it is written up)', () => {
    spec
      .given(given(planOf('unannounced')))
      .when(attach())
      .then([attached('u-inspector-1')]);
    spec
      .given(given(planOf('unannounced'), record(), register))
      .when(attach())
      .then([attached('u-inspector-1')]);
    spec
      .given(given(planOf('unannounced'), attach()))
      .when(attach())
      .thenNothing();
  });

  it('refuses files once the visit is closed or cancelled, and at a step that is not the visit’s', () => {
    spec
      .given(given(planOf('unannounced'), record(), register, close))
      .when(attach())
      .thenThrows('INSPECTION.VISIT_CLOSED');
    const cancel = cmd<CancelVisit>('CancelVisit', { visitId: 'v-1', reason: '改期' });
    spec
      .given(given(planOf('unannounced'), cancel))
      .when(attach())
      .thenThrows('INSPECTION.VISIT_CANCELLED');
    spec
      .given(given(planOf('unannounced')))
      .when(attach(inspector, 'progress'))
      .thenThrows('INSPECTION.EVIDENCE_NOT_ALLOWED');
    spec.given([]).when(attach()).thenThrows('INSPECTION.VISIT_NOT_FOUND');
  });

  it('takes files from hospitals only on their own self-inspection', () => {
    spec
      .given(given(planOf('unannounced'), record()))
      .when(attach(hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec
      .given(given(planOf('self', hospital), record(hospital)))
      .when(attach(hospital))
      .then([attached('u-hospital-1')]);
    spec
      .given(given(planOf('self', hospital), record(hospital)))
      .when(attach(otherHospital))
      .thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
  });
});
