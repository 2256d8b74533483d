import { DeciderSpecification } from '@bihuan/testing';
import { cmd, history, hospital, otherHospital, system, T0 } from '../inspection.fixtures';
import { CancelVisit, CloseVisit, PlanVisit, RecordVisit, RegisterFindings, ReopenVisit, VisitCommand } from './visit.commands';
import { visitDecider } from './visit.decider';
import { VisitEvent } from './visit.events';

const spec = DeciderSpecification(visitDecider);
const planData = { visitId: 'v-1', kind: 'unannounced' as const, institutionId: 'inst-1', inspectorIds: ['u-inspector-1'], plannedDate: '2025-03-03' };
const plan = cmd<PlanVisit>('PlanVisit', planData);
const record = cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03', summary: '暗访门诊' });
const register = (ids: string[]) => cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findingIds: ids });
const close = (ids: string[]) => cmd<CloseVisit>('CloseVisit', { visitId: 'v-1', settledFindingIds: ids }, system);
const reopen = cmd<ReopenVisit>('ReopenVisit', { visitId: 'v-1', findingId: 'f-1', reason: '反弹' }, system);
const given = (...commands: VisitCommand[]): VisitEvent[] => history(visitDecider, commands);

describe('Visit decider', () => {
  it('plans a visit', () => {
    spec.given([]).when(plan).then([{ type: 'VisitPlanned', data: { ...planData, campaignId: null, plannedBy: 'u-inspector-1' } }]);
  });

  it('lets a hospital plan only its own self-inspection', () => {
    const self = { ...planData, kind: 'self' as const, inspectorIds: [] };
    expect(spec.given([]).when(cmd<PlanVisit>('PlanVisit', self, hospital)).events()).toMatchObject([{ type: 'VisitPlanned', data: { kind: 'self' } }]);
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', self, otherHospital)).thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', planData, hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('lets the draw saga (system) plan random visits, and only those', () => {
    const random = { ...planData, kind: 'random' as const };
    expect(spec.given([]).when(cmd<PlanVisit>('PlanVisit', random, system)).events()).toMatchObject([{ type: 'VisitPlanned', data: { kind: 'random' } }]);
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', planData, system)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('validates a plan', () => {
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', { ...planData, kind: 'audit' as never })).thenThrows('INSPECTION.VISIT_KIND_UNKNOWN');
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', { ...planData, inspectorIds: [] })).thenThrows('INSPECTION.INSPECTORS_REQUIRED');
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', { ...planData, plannedDate: 'soon' })).thenThrows('INSPECTION.DATE_INVALID');
    spec.given([]).when(cmd<PlanVisit>('PlanVisit', { ...planData, institutionId: ' ' })).thenThrows('INSPECTION.FIELD_REQUIRED');
    spec.given(given(plan)).when(plan).thenThrows('INSPECTION.VISIT_ALREADY_EXISTS');
  });

  it('refuses commands on a visit that does not exist', () => {
    spec.given([]).when(record).thenThrows('INSPECTION.VISIT_NOT_FOUND');
  });

  it('records the visit once', () => {
    spec.given(given(plan)).when(record).then([{
      type: 'VisitConducted',
      data: { visitId: 'v-1', conductedOn: '2025-03-03', inspectorIds: ['u-inspector-1'], summary: '暗访门诊', recordedBy: 'u-inspector-1' },
    }]);
    spec.given(given(plan, record)).when(record).thenThrows('INSPECTION.VISIT_ALREADY_CONDUCTED');
    spec.given(given(plan)).when(cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03' }, hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('registers findings only after the visit, ignoring ids already registered', () => {
    spec.given(given(plan)).when(register(['f-1'])).thenThrows('INSPECTION.VISIT_NOT_CONDUCTED');
    spec.given(given(plan, record)).when(register(['f-1', 'f-2'])).then([
      { type: 'VisitFindingsRegistered', data: { visitId: 'v-1', findingIds: ['f-1', 'f-2'], allFindingIds: ['f-1', 'f-2'] } },
    ]);
    spec.given(given(plan, record, register(['f-1']))).when(register(['f-1', 'f-3'])).then([
      { type: 'VisitFindingsRegistered', data: { visitId: 'v-1', findingIds: ['f-3'], allFindingIds: ['f-1', 'f-3'] } },
    ]);
    spec.given(given(plan, record, register(['f-1']))).when(register(['f-1'])).thenNothing();
  });

  it('closes when every finding is settled, and only then', () => {
    const registered = given(plan, record, register(['f-1', 'f-2']));
    spec.given(registered).when(close(['f-1'])).thenThrows('INSPECTION.FINDINGS_OUTSTANDING');
    spec.given(registered).when(close(['f-2', 'f-1'])).then([{ type: 'VisitClosed', data: { visitId: 'v-1', findingIds: ['f-1', 'f-2'], closedAt: T0 } }]);
    spec.given(given(plan, record)).when(close([])).thenThrows('INSPECTION.FINDINGS_OUTSTANDING');
    spec.given(registered).when(cmd<CloseVisit>('CloseVisit', { visitId: 'v-1', settledFindingIds: ['f-1', 'f-2'] }, hospital)).thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('closes a clean visit and treats a repeated close as a no-op', () => {
    const closed = given(plan, record, register([]), close([]));
    expect(closed.map((e) => e.type)).toEqual(['VisitPlanned', 'VisitConducted', 'VisitFindingsRegistered', 'VisitClosed']);
    spec.given(closed).when(close([])).thenNothing();
    spec.given(closed).when(register(['f-9'])).thenThrows('INSPECTION.VISIT_CLOSED');
  });

  it('reopens a closed visit for one of its findings', () => {
    const closed = given(plan, record, register(['f-1']), close(['f-1']));
    spec.given(closed).when(reopen).then([{ type: 'VisitReopened', data: { visitId: 'v-1', findingId: 'f-1', reason: '反弹' } }]);
    spec.given(closed).when(cmd<ReopenVisit>('ReopenVisit', { visitId: 'v-1', findingId: 'f-9', reason: 'x' }, system)).thenThrows('INSPECTION.FINDING_NOT_IN_VISIT');
    const reopened = [...closed, { type: 'VisitReopened' as const, data: { visitId: 'v-1', findingId: 'f-1', reason: '反弹' } }];
    spec.given(reopened).when(reopen).thenNothing();
    spec.given(reopened).when(close(['f-1'])).thenMatches([{ type: 'VisitClosed' }]);
    spec.given(given(plan, record)).when(reopen).thenThrows('INSPECTION.VISIT_NOT_CLOSED');
  });

  it('cancels only a planned visit', () => {
    const cancel = cmd<CancelVisit>('CancelVisit', { visitId: 'v-1', reason: '机构停业' });
    spec.given(given(plan)).when(cancel).then([{ type: 'VisitCancelled', data: { visitId: 'v-1', reason: '机构停业', cancelledBy: 'u-inspector-1' } }]);
    spec.given(given(plan, record)).when(cancel).thenThrows('INSPECTION.VISIT_ALREADY_CONDUCTED');
    spec.given(given(plan, cancel)).when(cancel).thenNothing();
    spec.given(given(plan, cancel)).when(record).thenThrows('INSPECTION.VISIT_CANCELLED');
  });

  it('answers deadline wake-ups with nothing (visits keep no deadlines)', () => {
    spec.given(given(plan)).when(cmd('ExpireDeadline', { deadlineId: 'x', dueAt: T0 }, system)).thenNothing();
    spec.given([]).when(cmd('WarnDeadline', { deadlineId: 'x', dueAt: T0, warnAt: T0 }, system)).thenNothing();
  });
});
