import { Actor, Reader } from '@bihuan/core';
import { campaignVisibility, coveredInstitutions, decideCampaignRead, trimCampaignData } from './campaign.visibility';

/** A small tree: city ⊃ county-1 ⊃ inst-1, inst-2; city ⊃ county-2 ⊃ inst-3; another city ⊃ inst-9. */
const PARENT: Readonly<Record<string, string>> = {
  'county-1': 'city',
  'county-2': 'city',
  'inst-1': 'county-1',
  'inst-2': 'county-1',
  'inst-3': 'county-2',
  'inst-9': 'city-b',
};
const covers = (ancestor: string, unit: string): boolean =>
  unit === ancestor || (PARENT[unit] !== undefined && covers(ancestor, PARENT[unit]!));
const reader = (role: Actor['role'], unit: string): Reader => ({
  actor: { id: `${role}@${unit}`, role, unit },
  covers: (u) => (role === 'hospital' ? u === unit : covers(unit, u)),
});

/** The city's campaign over three institutions in two counties. */
const facts = { issuingUnitId: 'city', institutionIds: ['inst-1', 'inst-2', 'inst-3'] };

describe('campaign visibility', () => {
  it('grants the issuing unit’s staff, the staff over a scoped institution, and the hospitals it scopes', () => {
    expect(decideCampaignRead(reader('leader', 'city'), facts).kind).toBe('granted');
    expect(decideCampaignRead(reader('inspector', 'county-2'), facts).kind).toBe('granted');
    expect(decideCampaignRead(reader('admin', 'county-1'), facts).kind).toBe('granted');
    expect(decideCampaignRead(reader('hospital', 'inst-3'), facts).kind).toBe('granted');
  });

  it('refuses other hospitals, other cities and partners; an unknown campaign is hidden', () => {
    expect(decideCampaignRead(reader('hospital', 'inst-9'), facts).kind).toBe('forbidden');
    expect(decideCampaignRead(reader('inspector', 'city-b'), facts).kind).toBe('forbidden');
    expect(decideCampaignRead(reader('partner', 'city'), facts).kind).toBe('forbidden');
    expect(decideCampaignRead(reader('leader', 'city'), { issuingUnitId: null, institutionIds: [] })).toEqual({ kind: 'hidden' });
  });

  it('shows a district only its own institutions of the scope, a hospital only itself, the issuing unit all', () => {
    expect(coveredInstitutions(reader('leader', 'city'), facts, facts.institutionIds)).toEqual(['inst-1', 'inst-2', 'inst-3']);
    expect(coveredInstitutions(reader('inspector', 'county-1'), facts, facts.institutionIds)).toEqual(['inst-1', 'inst-2']);
    expect(coveredInstitutions(reader('hospital', 'inst-2'), facts, facts.institutionIds)).toEqual(['inst-2']);
    const closed = {
      campaignId: 'c',
      carriedOver: [
        { findingId: 'f-1', institutionId: 'inst-1' },
        { findingId: 'f-3', institutionId: 'inst-3' },
      ],
    };
    expect(trimCampaignData(reader('inspector', 'county-2'), facts, closed).carriedOver).toEqual([
      { findingId: 'f-3', institutionId: 'inst-3' },
    ]);
  });

  it('folds the issuing unit and the scope in force from launches and amendments, and trims what the audit shows', () => {
    const meta = undefined as never;
    const launched = { type: 'CampaignLaunched', data: { ...facts, scope: { listedInstitutionIds: ['inst-3'] } }, metadata: meta };
    const amended = { type: 'CampaignAmended', data: { issuingUnitId: 'city', institutionIds: ['inst-3'] }, metadata: meta };
    const state = [launched, amended].reduce(campaignVisibility.evolve, campaignVisibility.initialState);
    expect(state).toEqual({ issuingUnitId: 'city', institutionIds: ['inst-3'], commissionUnitIds: [] });
    // The amendment narrowed the scope to inst-3: county-1's inspector no longer reads the campaign, county-2's does,
    // and sees of the launch only its own institution.
    expect(campaignVisibility.decide(reader('inspector', 'county-1'), state).kind).toBe('forbidden');
    const seen = campaignVisibility.viewMessage!(reader('inspector', 'county-2'), launched, state);
    expect(seen?.data).toMatchObject({ institutionIds: ['inst-3'], scope: { listedInstitutionIds: ['inst-3'] } });
  });

  it('grants the staff of a lower commission the campaign names to report, and shows them only their own of it (ADR 0024)', () => {
    const meta = undefined as never;
    const data = {
      issuingUnitId: 'city',
      institutionIds: ['inst-1'],
      scope: { listedInstitutionIds: [], commissionUnitIds: ['county-2'] },
    };
    const state = campaignVisibility.evolve(campaignVisibility.initialState, { type: 'CampaignLaunched', data, metadata: meta });
    expect(state).toEqual({ issuingUnitId: 'city', institutionIds: ['inst-1'], commissionUnitIds: ['county-2'] });
    expect(decideCampaignRead(reader('inspector', 'county-2'), state).kind).toBe('granted');
    expect(decideCampaignRead(reader('hospital', 'inst-3'), state).kind).toBe('forbidden');
    const bothCounties = { ...data, scope: { listedInstitutionIds: [], commissionUnitIds: ['county-1', 'county-2'] } };
    const seen = trimCampaignData(reader('inspector', 'county-2'), state, bothCounties);
    expect(seen.scope.commissionUnitIds).toEqual(['county-2']);
  });
});
