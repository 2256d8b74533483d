import { DeciderSpecification } from '@bihuan/testing';
import { AmendCampaign, CloseCampaign } from './campaign.messages';
import { campaignDecider } from './campaign.decider';
import { cmd, history, hospital, inspector, launch, launchData, leader, SCOPE, SEED_003_PHASES, T0 } from './campaign.fixtures';

const spec = DeciderSpecification(campaignDecider);
const amend = (data: Partial<AmendCampaign['data']>) =>
  cmd<AmendCampaign>('AmendCampaign', { campaignId: 'camp-1', institutionsInUse: [], reason: '补充通知', ...data });
const close = (data: Partial<CloseCampaign['data']> = {}) =>
  cmd<CloseCampaign>('CloseCampaign', { campaignId: 'camp-1', openRows: [], carryOver: false, ...data });
const open = [{ findingId: 'f-1', institutionId: 'inst-1' }];

describe('Campaign decider — launch', () => {
  it('records the facts, the scope as resolved (sorted) and seed 003’s phases with their reports', () => {
    const [launched] = spec.given([]).when(launch()).events();
    expect(launched).toEqual({
      type: 'CampaignLaunched',
      data: {
        ...launchData({ institutionIds: ['inst-1', 'inst-2'], scope: { ...SCOPE, levels: ['level2', 'level3'] } }),
        phases: [
          { ...SEED_003_PHASES[0], reports: [{ kind: 'implementation-plan', due: '2023-05-20', recurrence: null }] },
          { ...SEED_003_PHASES[1], reports: [{ kind: 'monthly-report', due: null, recurrence: 'monthly' }] },
          { ...SEED_003_PHASES[2], reports: [{ kind: 'final-report', due: '2023-08-31', recurrence: null }] },
        ],
        launchedBy: 'u-inspector-1',
        launchedAt: T0,
      },
    });
    expect(spec.given([]).when(launch({}, leader)).events()).toHaveLength(1);
  });

  it('lets only inspectors and leaders launch, once, over at least one institution', () => {
    spec.given([]).when(launch({}, hospital)).thenThrows('CAMPAIGN.ROLE_FORBIDDEN');
    spec
      .given(history([launch()]))
      .when(launch())
      .thenThrows('CAMPAIGN.ALREADY_EXISTS');
    spec
      .given([])
      .when(launch({ institutionIds: [] }))
      .thenThrows('CAMPAIGN.SCOPE_EMPTY');
    spec
      .given([])
      .when(launch({ title: ' ' }))
      .thenThrows('CAMPAIGN.FIELD_REQUIRED');
    spec
      .given([])
      .when(launch({ year: 1999 }))
      .thenThrows('CAMPAIGN.YEAR_INVALID');
  });

  const phases = (...changes: object[]) => launch({ phases: SEED_003_PHASES.map((p, i) => ({ ...p, ...changes[i] })) });

  it('refuses phases out of order, overlapping, outside the year, or with impossible days, naming the field', () => {
    // Seed 003 as printed: 整治提升 ends 8月15日 and 评估总结 starts the same day — one day in two phases.
    expect(() => campaignDecider.decide(phases({}, {}, { from: '2023-08-15' }), campaignDecider.initialState)).toThrow(
      expect.objectContaining({ code: 'CAMPAIGN.PHASES_OVERLAP', details: { field: 'phases[2].from', previous: '整治提升' } }),
    );
    expect(() => campaignDecider.decide(phases({ from: '2023-05-21', to: '2023-05-15' }), campaignDecider.initialState)).toThrow(
      expect.objectContaining({ code: 'CAMPAIGN.PHASE_DATES_INVALID', details: { field: 'phases[0].to' } }),
    );
    spec
      .given([])
      .when(phases({}, {}, { to: '2024-01-10' }))
      .thenThrows('CAMPAIGN.PHASE_OUTSIDE_YEAR');
    spec
      .given([])
      .when(phases({ from: '2023-02-30' }))
      .thenThrows('CAMPAIGN.DATE_INVALID');
    spec
      .given([])
      .when(phases({}, { name: '宣传动员' }))
      .thenThrows('CAMPAIGN.PHASE_NAME_DUPLICATE');
    spec
      .given([])
      .when(launch({ phases: [] }))
      .thenThrows('CAMPAIGN.FIELD_REQUIRED');
    spec
      .given([])
      .when(phases({}, { from: '2023-05-18' }))
      .thenThrows('CAMPAIGN.PHASES_OVERLAP');
  });

  it('refuses a report without exactly one of a due day and a recurrence, or due before its phase', () => {
    const report = (r: object) => phases({ reports: [r] });
    spec
      .given([])
      .when(report({ kind: 'implementation-plan' }))
      .thenThrows('CAMPAIGN.REPORT_SCHEDULE_INVALID');
    spec
      .given([])
      .when(report({ kind: 'monthly-report', due: '2023-05-20', recurrence: 'monthly' }))
      .thenThrows('CAMPAIGN.REPORT_SCHEDULE_INVALID');
    spec
      .given([])
      .when(report({ kind: 'monthly-report', recurrence: 'weekly' }))
      .thenThrows('CAMPAIGN.REPORT_SCHEDULE_INVALID');
    spec
      .given([])
      .when(report({ kind: 'minutes', due: '2023-05-20' }))
      .thenThrows('CAMPAIGN.REPORT_KIND_UNKNOWN');
    spec
      .given([])
      .when(report({ kind: 'implementation-plan', due: '2023-05-01' }))
      .thenThrows('CAMPAIGN.REPORT_DUE_OUTSIDE_PHASE');
    // A summing-up report may fall due after its phase, within the year.
    expect(
      spec
        .given([])
        .when(report({ kind: 'final-report', due: '2023-12-31' }))
        .events(),
    ).toHaveLength(1);
  });
});

describe('Campaign decider — amend and close', () => {
  const launched = history([launch()]);

  it('amends what changed, records the whole facts and what changed, and does nothing for no change', () => {
    const [amended] = spec
      .given(launched)
      .when(amend({ title: '医德医风专项整治' }))
      .events();
    expect(amended).toMatchObject({ type: 'CampaignAmended', data: { title: '医德医风专项整治', changed: ['title'], reason: '补充通知' } });
    expect(amended!.data).toMatchObject({ institutionIds: ['inst-1', 'inst-2'], phases: expect.any(Array), year: 2023 });
    spec
      .given(launched)
      .when(amend({ title: '医德医风建设专项行动' }))
      .thenNothing();
    expect(
      spec
        .given(launched)
        .when(amend({ phases: [{ name: '全程', from: '2023-06-01', to: '2023-06-01' }] }))
        .events(),
    ).toMatchObject([{ type: 'CampaignAmended', data: { changed: ['phases'] } }]);
    spec
      .given(launched)
      .when(amend({ title: 'x', reason: ' ' }))
      .thenThrows('CAMPAIGN.FIELD_REQUIRED');
  });

  it('refuses a new scope that leaves out an institution the campaign’s visits name', () => {
    const narrower = amend({ scope: SCOPE, institutionIds: ['inst-2'], institutionsInUse: ['inst-1'] });
    expect(() => campaignDecider.decide(narrower, campaignDecider.evolve(campaignDecider.initialState, launched[0]!))).toThrow(
      expect.objectContaining({ code: 'CAMPAIGN.SCOPE_IN_USE', kind: 'conflict', details: { field: 'scope', institutionIds: ['inst-1'] } }),
    );
    expect(
      spec
        .given(launched)
        .when(amend({ scope: SCOPE, institutionIds: ['inst-1', 'inst-3'], institutionsInUse: ['inst-1'] }))
        .events(),
    ).toMatchObject([{ type: 'CampaignAmended', data: { changed: ['scope'], institutionIds: ['inst-1', 'inst-3'] } }]);
  });

  it('refuses to close while the ledger has open rows, naming how many', () => {
    expect(() =>
      campaignDecider.decide(close({ openRows: open }), campaignDecider.evolve(campaignDecider.initialState, launched[0]!)),
    ).toThrow(expect.objectContaining({ code: 'CAMPAIGN.OPEN_ROWS', kind: 'conflict', details: { openRows: 1 } }));
  });

  it('closes with the open rows carried over when told so with a reason, and needs the reason', () => {
    spec
      .given(launched)
      .when(close({ openRows: open, carryOver: true }))
      .thenThrows('CAMPAIGN.FIELD_REQUIRED');
    spec
      .given(launched)
      .when(close({ openRows: open, carryOver: true, reason: '转入日常监管' }))
      .then([
        {
          type: 'CampaignClosed',
          data: { campaignId: 'camp-1', carriedOver: open, reason: '转入日常监管', closedBy: inspector.id, closedAt: T0 },
        },
      ]);
    spec
      .given(launched)
      .when(close())
      .then([
        { type: 'CampaignClosed', data: { campaignId: 'camp-1', carriedOver: [], reason: null, closedBy: inspector.id, closedAt: T0 } },
      ]);
  });

  it('treats a second close as done, refuses amending a closed campaign, and anything on one that does not exist', () => {
    const closed = history([launch(), close()]);
    spec
      .given(closed)
      .when(close({ openRows: open }))
      .thenNothing();
    spec
      .given(closed)
      .when(amend({ title: '新标题' }))
      .thenThrows('CAMPAIGN.CLOSED');
    spec.given([]).when(close()).thenThrows('CAMPAIGN.NOT_FOUND');
    spec
      .given(launched)
      .when(cmd<CloseCampaign>('CloseCampaign', { campaignId: 'camp-1', openRows: [], carryOver: false }, hospital))
      .thenThrows('CAMPAIGN.ROLE_FORBIDDEN');
  });
});
