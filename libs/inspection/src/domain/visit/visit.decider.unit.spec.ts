import { DeciderSpecification } from '@bihuan/testing';
import { cmd, history, hospital, inspector, leader, otherHospital, system, T0 } from '../inspection.fixtures';
import { CancelVisit, CloseVisit, PlanVisit, RecordVisit, RegisterFindings, ReopenVisit, VisitCommand } from './visit.commands';
import { visitDecider } from './visit.decider';
import { VisitEvent } from './visit.events';

const spec = DeciderSpecification(visitDecider);
const planData = {
  visitId: 'v-1',
  kind: 'unannounced' as const,
  institutionId: 'inst-1',
  inspectorIds: ['u-inspector-1'],
  plannedDate: '2025-03-03',
};
const plan = cmd<PlanVisit>('PlanVisit', planData);
const record = cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03', summary: '暗访门诊' });
const draft = (findingId: string) => ({
  findingId,
  category: 'red-envelopes' as const,
  severity: 'general' as const,
  description: '收受红包',
  responsibleDepartment: '外科',
  requiredAction: 'deadline' as const,
});
/** A draft as the visit records it: normalised, with the visit's kind, institution and campaign. */
const recorded = (findingId: string) => ({
  ...draft(findingId),
  evidence: [],
  responsiblePerson: null,
  visitId: 'v-1',
  visitKind: 'unannounced' as const,
  institutionId: 'inst-1',
  campaignId: null,
});
const register = (ids: string[]) => cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findings: ids.map(draft) });
const close = (ids: string[]) => cmd<CloseVisit>('CloseVisit', { visitId: 'v-1', settledFindingIds: ids }, system);
const reopen = cmd<ReopenVisit>('ReopenVisit', { visitId: 'v-1', findingId: 'f-1', reason: '反弹' }, system);
const given = (...commands: VisitCommand[]): VisitEvent[] => history(visitDecider, commands);

describe('Visit decider', () => {
  it('plans a visit', () => {
    spec
      .given([])
      .when(plan)
      .then([{ type: 'VisitPlanned', data: { ...planData, campaignId: null, plannedBy: 'u-inspector-1' } }]);
  });

  it('lets a hospital plan only its own self-inspection', () => {
    const self = { ...planData, kind: 'self' as const, inspectorIds: [] };
    expect(
      spec
        .given([])
        .when(cmd<PlanVisit>('PlanVisit', self, hospital))
        .events(),
    ).toMatchObject([{ type: 'VisitPlanned', data: { kind: 'self' } }]);
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', self, otherHospital))
      .thenThrows('INSPECTION.INSTITUTION_FORBIDDEN');
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', planData, hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('lets the draw saga (system) plan random visits, and only those', () => {
    const random = { ...planData, kind: 'random' as const };
    expect(
      spec
        .given([])
        .when(cmd<PlanVisit>('PlanVisit', random, system))
        .events(),
    ).toMatchObject([{ type: 'VisitPlanned', data: { kind: 'random' } }]);
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', planData, system))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('validates a plan', () => {
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', { ...planData, kind: 'audit' as never }))
      .thenThrows('INSPECTION.VISIT_KIND_UNKNOWN');
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', { ...planData, inspectorIds: [] }))
      .thenThrows('INSPECTION.INSPECTORS_REQUIRED');
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', { ...planData, plannedDate: 'soon' }))
      .thenThrows('INSPECTION.DATE_INVALID');
    spec
      .given([])
      .when(cmd<PlanVisit>('PlanVisit', { ...planData, institutionId: ' ' }))
      .thenThrows('INSPECTION.FIELD_REQUIRED');
    spec.given(given(plan)).when(plan).thenThrows('INSPECTION.VISIT_ALREADY_EXISTS');
  });

  it('refuses commands on a visit that does not exist', () => {
    spec.given([]).when(record).thenThrows('INSPECTION.VISIT_NOT_FOUND');
  });

  it('records the visit once', () => {
    spec
      .given(given(plan))
      .when(record)
      .then([
        {
          type: 'VisitConducted',
          data: {
            visitId: 'v-1',
            conductedOn: '2025-03-03',
            inspectorIds: ['u-inspector-1'],
            summary: '暗访门诊',
            recordedBy: 'u-inspector-1',
          },
        },
      ]);
    spec.given(given(plan, record)).when(record).thenThrows('INSPECTION.VISIT_ALREADY_CONDUCTED');
    spec
      .given(given(plan))
      .when(cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn: '2025-03-03' }, hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('registers findings only after the visit, ignoring ids already registered', () => {
    spec
      .given(given(plan))
      .when(register(['f-1']))
      .thenThrows('INSPECTION.VISIT_NOT_CONDUCTED');
    spec
      .given(given(plan, record))
      .when(register(['f-1', 'f-2']))
      .then([
        {
          type: 'VisitFindingsRegistered',
          data: { visitId: 'v-1', findingIds: ['f-1', 'f-2'], allFindingIds: ['f-1', 'f-2'], findings: [recorded('f-1'), recorded('f-2')] },
        },
      ]);
    spec
      .given(given(plan, record, register(['f-1'])))
      .when(register(['f-1', 'f-3']))
      .then([
        {
          type: 'VisitFindingsRegistered',
          data: { visitId: 'v-1', findingIds: ['f-3'], allFindingIds: ['f-1', 'f-3'], findings: [recorded('f-3')] },
        },
      ]);
    spec
      .given(given(plan, record, register(['f-1'])))
      .when(register(['f-1']))
      .thenNothing();
  });

  it('checks each finding as its stream will before recording it, and records it only on an open visit', () => {
    const bad = (change: object) =>
      cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findings: [{ ...draft('f-1'), ...change }] });
    spec
      .given(given(plan, record))
      .when(bad({ category: 'gossip' }))
      .thenThrows('INSPECTION.CATEGORY_UNKNOWN');
    spec
      .given(given(plan, record))
      .when(bad({ description: ' ' }))
      .thenThrows('INSPECTION.FIELD_REQUIRED');
    spec
      .given(given(plan, record))
      .when(cmd<RegisterFindings>('RegisterFindings', { visitId: 'v-1', findings: [draft('f-1')] }, leader))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
    spec
      .given(given(plan, record, register([]), close([])))
      .when(register(['f-1']))
      .thenThrows('INSPECTION.VISIT_CLOSED');
  });

  it('refuses a conductedOn after today in Shanghai, whatever the UTC date', () => {
    const recordOn = (conductedOn: string, now: string) => cmd<RecordVisit>('RecordVisit', { visitId: 'v-1', conductedOn }, inspector, now);
    spec.given(given(plan)).when(recordOn('2025-03-04', T0)).thenThrows('INSPECTION.DATE_INVALID');
    spec.given(given(plan)).when(recordOn('2025-03-03T03:00:00.000Z', T0)).thenThrows('INSPECTION.DATE_INVALID');
    // 00:30 on 3 March in Shanghai is still 2 March in UTC: the 3rd is today.
    expect(spec.given(given(plan)).when(recordOn('2025-03-03', '2025-03-02T16:30:00.000Z')).events()).toMatchObject([
      { type: 'VisitConducted', data: { conductedOn: '2025-03-03' } },
    ]);
    spec.given(given(plan)).when(recordOn('2025-03-03', '2025-03-02T15:30:00.000Z')).thenThrows('INSPECTION.DATE_INVALID');
  });

  it('closes when every finding is settled, and only then', () => {
    const registered = given(plan, record, register(['f-1', 'f-2']));
    spec
      .given(registered)
      .when(close(['f-1']))
      .thenThrows('INSPECTION.FINDINGS_OUTSTANDING');
    spec
      .given(registered)
      .when(close(['f-2', 'f-1']))
      .then([{ type: 'VisitClosed', data: { visitId: 'v-1', findingIds: ['f-1', 'f-2'], closedAt: T0 } }]);
    spec.given(given(plan, record)).when(close([])).thenThrows('INSPECTION.FINDINGS_OUTSTANDING');
    spec
      .given(registered)
      .when(cmd<CloseVisit>('CloseVisit', { visitId: 'v-1', settledFindingIds: ['f-1', 'f-2'] }, hospital))
      .thenThrows('INSPECTION.ROLE_FORBIDDEN');
  });

  it('closes a clean visit and treats a repeated close as a no-op', () => {
    const closed = given(plan, record, register([]), close([]));
    expect(closed.map((e) => e.type)).toEqual(['VisitPlanned', 'VisitConducted', 'VisitFindingsRegistered', 'VisitClosed']);
    spec.given(closed).when(close([])).thenNothing();
    spec
      .given(closed)
      .when(register(['f-9']))
      .thenThrows('INSPECTION.VISIT_CLOSED');
  });

  it('reopens a closed visit for one of its findings', () => {
    const closed = given(plan, record, register(['f-1']), close(['f-1']));
    spec
      .given(closed)
      .when(reopen)
      .then([{ type: 'VisitReopened', data: { visitId: 'v-1', findingId: 'f-1', reason: '反弹' } }]);
    spec
      .given(closed)
      .when(cmd<ReopenVisit>('ReopenVisit', { visitId: 'v-1', findingId: 'f-9', reason: 'x' }, system))
      .thenThrows('INSPECTION.FINDING_NOT_IN_VISIT');
    const reopened = [...closed, { type: 'VisitReopened' as const, data: { visitId: 'v-1', findingId: 'f-1', reason: '反弹' } }];
    spec.given(reopened).when(reopen).thenNothing();
    spec
      .given(reopened)
      .when(close(['f-1']))
      .thenMatches([{ type: 'VisitClosed' }]);
    spec.given(given(plan, record)).when(reopen).thenThrows('INSPECTION.VISIT_NOT_CLOSED');
  });

  it('cancels only a planned visit', () => {
    const cancel = cmd<CancelVisit>('CancelVisit', { visitId: 'v-1', reason: '机构停业' });
    spec
      .given(given(plan))
      .when(cancel)
      .then([{ type: 'VisitCancelled', data: { visitId: 'v-1', reason: '机构停业', cancelledBy: 'u-inspector-1' } }]);
    spec.given(given(plan, record)).when(cancel).thenThrows('INSPECTION.VISIT_ALREADY_CONDUCTED');
    spec.given(given(plan, cancel)).when(cancel).thenNothing();
    spec.given(given(plan, cancel)).when(record).thenThrows('INSPECTION.VISIT_CANCELLED');
  });

  it('answers deadline wake-ups with nothing (visits keep no deadlines)', () => {
    spec
      .given(given(plan))
      .when(cmd('ExpireDeadline', { deadlineId: 'x', dueAt: T0 }, system))
      .thenNothing();
    spec
      .given([])
      .when(cmd('WarnDeadline', { deadlineId: 'x', dueAt: T0, warnAt: T0 }, system))
      .thenNothing();
  });
});
