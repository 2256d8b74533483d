import { Message, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { deliveredEvent, WorkflowSpecification } from '@bihuan/testing';
import { acceptPhases } from '../domain/campaign-phases';
import { CampaignFacts } from '../domain/campaign.messages';
import { dutyInstances, reportDutyId } from '../domain/duty/report-duty-schedule';
import { reportDutiesWorkflow } from './report-duties.workflow';

const spec = WorkflowSpecification(reportDutiesWorkflow);
const AT = '2025-03-03T02:00:00.000Z';
const inspector = { id: 'u-insp', role: 'inspector' as const, unit: 'city-1' };

const PHASES = acceptPhases(
  [
    { name: '宣传动员', from: '2025-03-01', to: '2025-03-15', reports: [{ kind: 'implementation-plan', due: '2025-03-07' }] },
    { name: '集中整治', from: '2025-03-16', to: '2025-05-15', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] },
  ],
  2025,
);
const facts: CampaignFacts = {
  campaignId: 'camp-1',
  issuingUnitId: 'city-1',
  title: '专项行动',
  year: 2025,
  scope: { institutionTypes: [], ownerships: [], levels: [], listedInstitutionIds: [] },
  institutionIds: ['inst-1', 'inst-2'],
  phases: PHASES,
};
const launched = deliveredEvent(
  'campaign-camp-1',
  'CampaignLaunched',
  { ...facts, launchedBy: 'u-insp', launchedAt: AT },
  'ev-launch',
  inspector,
  AT,
);
const amended = (change: Partial<CampaignFacts>, id = 'ev-amend') =>
  deliveredEvent(
    'campaign-camp-1',
    'CampaignAmended',
    { ...facts, ...change, changed: ['scope'], reason: 'x', amendedBy: 'u-insp', amendedAt: AT },
    id,
    inspector,
    AT,
  );
const closed = deliveredEvent(
  'campaign-camp-1',
  'CampaignClosed',
  { campaignId: 'camp-1', carriedOver: [], reason: null, closedBy: 'u-insp', closedAt: AT },
  'ev-close',
  inspector,
  AT,
);

const sent = (outputs: readonly WorkflowOutput[]) =>
  outputs.flatMap((o) =>
    o.kind === 'send' ? [{ stream: o.stream, type: o.command.type, data: o.command.data as { dutyId: string } }] : [],
  );

describe('reportDuties workflow (a campaign → its reporting duties)', () => {
  it('assigns each report instance × institution in scope, to a stream named by campaign, institution, kind and day', () => {
    const outputs = spec.given([]).when(launched).outputs();
    const duties = sent(outputs);
    // 实施方案 once, 月报 at March's, April's ends and the phase's last day, for two institutions.
    expect(duties).toHaveLength(8);
    expect(duties.every((d) => d.type === 'AssignReportDuty')).toBe(true);
    expect(duties[0]).toEqual({
      stream: `reportDuty-${reportDutyId('camp-1', 'inst-1', 'implementation-plan', '2025-03-07')}`,
      type: 'AssignReportDuty',
      data: expect.objectContaining({
        campaignId: 'camp-1',
        campaignTitle: '专项行动',
        issuingUnitId: 'city-1',
        institutionId: 'inst-1',
        dueOn: '2025-03-07',
        opensOn: '2025-03-01',
      }),
    });
    expect(
      duties
        .filter((d) => d.data.dutyId && (d.data as { kind?: string }).kind === 'monthly-report')
        .map((d) => (d.data as { dueOn?: string }).dueOn),
    ).toEqual(['2025-03-31', '2025-03-31', '2025-04-30', '2025-04-30', '2025-05-15', '2025-05-15']);
    expect(spec.given([]).when(launched).instance()).toBe('camp-1');
  });

  it('is deterministic: the same input sends the same commands with the same ids (a redelivery is a no-op downstream)', () => {
    const ids = (outputs: readonly WorkflowOutput[]) =>
      outputs.map((o) => (o.kind === 'send' ? `${o.stream}/${o.command.metadata.commandId}` : o.kind));
    expect(ids(spec.given([]).when(launched).outputs())).toEqual(ids(spec.given([]).when(launched).outputs()));
    expect(new Set(dutyInstances(facts).map((d) => d.dutyId)).size).toBe(8);
  });

  it('on an amendment assigns only what is new and withdraws what is no longer asked for', () => {
    const outputs = spec
      .given([launched as Message])
      .when(amended({ institutionIds: ['inst-2', 'inst-3'] }))
      .outputs();
    const duties = sent(outputs);
    expect(duties.filter((d) => d.type === 'AssignReportDuty').map((d) => (d.data as { institutionId?: string }).institutionId)).toEqual(
      Array(4).fill('inst-3'),
    );
    expect(duties.filter((d) => d.type === 'WithdrawReportDuty').map((d) => d.data)).toEqual(
      dutyInstances(facts)
        .filter((d) => d.institutionId === 'inst-1')
        .map((d) => ({ dutyId: d.dutyId, reason: 'no-longer-required' })),
    );
    spec
      .given([launched as Message])
      .when(amended({ title: '改了标题' }, 'ev-title'))
      .thenNothing();
  });

  it('withdraws everything still owed when the campaign closes, then completes', () => {
    const outputs = spec
      .given([launched as Message])
      .when(closed)
      .outputs();
    expect(sent(outputs).map((d) => d.data)).toEqual(dutyInstances(facts).map((d) => ({ dutyId: d.dutyId, reason: 'campaign-closed' })));
    expect(outputs[outputs.length - 1]).toEqual({ kind: 'complete' });
    spec
      .given([launched as Message, closed])
      .when(amended({}, 'ev-late'))
      .thenNothing();
  });

  it('sends as the system, leaving `now` to the runner (the instant it records the outputs)', () => {
    const [first] = spec.given([]).when(launched).outputs();
    expect(first).toMatchObject({ kind: 'send', command: { metadata: { actor: SYSTEM_ACTOR, now: '' } } });
  });

  describe('lower commissions named in the scope (ADR 0024)', () => {
    const withCounties = (ids: string[]) => ({ scope: { ...facts.scope, commissionUnitIds: ids } });
    const kindsOf = (outputs: readonly WorkflowOutput[], type: string) =>
      sent(outputs)
        .filter((d) => d.type === type)
        .map((d) => d.data as { institutionId?: string; owingUnitKind?: string; dutyId: string });

    it('assigns each report instance to each named commission beside the institutions, marked as a commission’s', () => {
      const outputs = spec
        .given([])
        .when(amended(withCounties(['county-1']), 'ev-counties'))
        .outputs();
      const assigned = kindsOf(outputs, 'AssignReportDuty');
      expect(assigned).toHaveLength(12);
      expect(assigned.filter((d) => d.owingUnitKind === 'commission').map((d) => d.institutionId)).toEqual(Array(4).fill('county-1'));
      expect(assigned.filter((d) => d.owingUnitKind === 'institution')).toHaveLength(8);
      expect(assigned[2]).toMatchObject({
        dutyId: reportDutyId('camp-1', 'county-1', 'implementation-plan', '2025-03-07'),
        institutionId: 'county-1',
        owingUnitKind: 'commission',
      });
    });

    it('withdraws a commission’s duties when an amendment drops it, and assigns nothing to the institutions again', () => {
      const launchedWithCounty = amended(withCounties(['county-1', 'county-2']), 'ev-both');
      const outputs = spec
        .given([launchedWithCounty as Message])
        .when(amended(withCounties(['county-2']), 'ev-drop'))
        .outputs();
      expect(kindsOf(outputs, 'AssignReportDuty')).toEqual([]);
      expect(kindsOf(outputs, 'WithdrawReportDuty').map((d) => d.dutyId)).toEqual(
        dutyInstances({ ...facts, ...withCounties(['county-1']) })
          .filter((d) => d.institutionId === 'county-1')
          .map((d) => d.dutyId),
      );
    });
  });
});
