import { Actor, DomainError, Role } from '@bihuan/core';
import { AccessPolicy } from './access-policy';
import { DEMO_UNITS } from '@bihuan/demo';
import { Jurisdiction } from './jurisdiction';

const policy = new AccessPolicy(new Jurisdiction(DEMO_UNITS));
const actor = (role: Role, unit: string): Actor => ({ id: `${role}@${unit}`, role, unit });

describe('AccessPolicy scope matrix', () => {
  // [role, actor unit, target unit, allowed]
  const cases: [Role, string, string, boolean][] = [
    ['hospital', 'hosp-a1-1', 'hosp-a1-1', true],
    ['hospital', 'hosp-a1-1', 'hosp-a1-2', false], // sibling institution
    ['hospital', 'hosp-a1-1', 'county-a1', false], // its own parent
    ['inspector', 'county-a1', 'hosp-a1-2', true],
    ['inspector', 'county-a1', 'hosp-a2-1', false], // sibling county
    ['inspector', 'city-a', 'hosp-a2-1', true],
    ['inspector', 'city-a', 'hosp-b1-1', false], // sibling city
    ['leader', 'prov', 'hosp-b1-2', true],
    ['leader', 'city-a', 'city-b', false],
    ['partner', 'agency-prov-discipline', 'hosp-b1-1', true], // an agency reads beside its commission
    ['partner', 'agency-city-a-police', 'hosp-a2-1', true],
    ['partner', 'agency-city-a-police', 'hosp-b1-1', false], // not another city's
    ['partner', 'agency-city-a-police', 'prov', false], // nor above its commission
    ['admin', 'prov', 'hosp-b1-1', true],
    ['admin', 'city-a', 'hosp-a1-1', true], // delegated administration: its own subtree
    ['admin', 'city-a', 'hosp-b1-1', false], // not a sibling city's
    ['admin', 'city-a', 'prov', false], // nor above it
    ['public', 'prov', 'hosp-a1-1', false],
  ];

  it.each(cases)('%s of %s on %s → %s', (role, unit, target, allowed) => {
    expect(policy.inScope(actor(role, unit), target)).toBe(allowed);
    if (allowed) {
      expect(() => policy.assertInScope(actor(role, unit), target)).not.toThrow();
    } else {
      expect(() => policy.assertInScope(actor(role, unit), target)).toThrow(DomainError);
    }
  });

  it('refuses roles not allowed for an action with a 403 code', () => {
    let error: unknown;
    try {
      policy.assertRole(actor('hospital', 'hosp-a1-1'), ['inspector'], 'Sign-off');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED', kind: 'forbidden' });
  });

  it('lists the institutions each actor may read', () => {
    expect(policy.visibleInstitutions(actor('hospital', 'hosp-a1-1'))).toEqual(['hosp-a1-1']);
    expect(policy.visibleInstitutions(actor('inspector', 'county-a1')).sort()).toEqual(['hosp-a1-1', 'hosp-a1-2']);
    expect(policy.visibleInstitutions(actor('leader', 'prov'))).toHaveLength(5);
    expect(policy.visibleInstitutions(actor('public', 'prov'))).toEqual([]);
    expect(policy.visibleInstitutions(actor('partner', 'agency-city-a-police')).sort()).toEqual(['hosp-a1-1', 'hosp-a1-2', 'hosp-a2-1']);
    expect(policy.visibleUnits(actor('partner', 'agency-city-b-insurance'))).toContain('hosp-b1-2');
    expect(policy.visibleInstitutions(actor('admin', 'prov'))).toHaveLength(5);
    expect(policy.visibleInstitutions(actor('admin', 'city-a')).every((id) => id.startsWith('hosp-a'))).toBe(true);
  });

  it("keeps system-wide operations and reading everywhere for the root unit's admin (and the system)", () => {
    expect(policy.isSystemAdmin(actor('admin', 'prov'))).toBe(true);
    expect(policy.isSystemAdmin(actor('admin', 'city-a'))).toBe(false);
    expect(policy.isSystemAdmin(actor('leader', 'prov'))).toBe(false);
    expect(policy.readsEverywhere(actor('system', 'prov'))).toBe(true);
    expect(policy.readsEverywhere(actor('admin', 'city-a'))).toBe(false);
    // A unit no longer in the tree: only who reads everywhere still covers it.
    expect(policy.inScope(actor('admin', 'prov'), 'gone-unit')).toBe(true);
    expect(policy.inScope(actor('leader', 'prov'), 'gone-unit')).toBe(false);
    expect(() => policy.assertSystemAdmin(actor('admin', 'city-a'), 'Changing a policy')).toThrow(
      expect.objectContaining({ code: 'AUTH.SYSTEM_ADMIN_ONLY', kind: 'forbidden' }),
    );
    expect(() => policy.assertSystemAdmin(actor('admin', 'prov'), 'Changing a policy')).not.toThrow();
  });

  it('lets inspectors and leaders issue (a campaign) for their own unit and below, never above or for a sibling', () => {
    const issue = (role: Role, unit: string, target: string) => () =>
      policy.assertIssuer(actor(role, unit), target, 'Launching a campaign');
    expect(issue('inspector', 'county-a1', 'county-a1')).not.toThrow();
    expect(issue('leader', 'city-a', 'county-a2')).not.toThrow();
    expect(issue('inspector', 'county-a1', 'city-a')).toThrow(expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE', kind: 'forbidden' }));
    expect(issue('leader', 'city-a', 'city-b')).toThrow(expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }));
    for (const role of ['admin', 'hospital', 'partner'] as const) {
      expect(issue(role, role === 'hospital' ? 'hosp-a1-1' : 'prov', 'hosp-a1-1')).toThrow(
        expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED', kind: 'forbidden' }),
      );
    }
  });

  it('lets only the owing unit’s own people hand in a report: a hospital its institution’s, a commission’s inspectors and leaders its own (ADR 0024)', () => {
    const report = (role: Role, unit: string, owing: string, kind: 'institution' | 'commission') => () =>
      policy.assertReportsFor(actor(role, unit), owing, kind, 'handing in a report');
    expect(report('hospital', 'hosp-a1-1', 'hosp-a1-1', 'institution')).not.toThrow();
    expect(report('inspector', 'county-a1', 'county-a1', 'commission')).not.toThrow();
    expect(report('leader', 'county-a1', 'county-a1', 'commission')).not.toThrow();
    const outOfScope = expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE', kind: 'forbidden' });
    const wrongRole = expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED', kind: 'forbidden' });
    expect(report('hospital', 'hosp-a1-2', 'hosp-a1-1', 'institution')).toThrow(outOfScope);
    // The city reviews its county's report; it never writes it, nor the institution's.
    expect(report('inspector', 'city-a', 'county-a1', 'commission')).toThrow(outOfScope);
    expect(report('inspector', 'county-a1', 'hosp-a1-1', 'institution')).toThrow(wrongRole);
    expect(report('hospital', 'hosp-a1-1', 'county-a1', 'commission')).toThrow(wrongRole);
    expect(report('admin', 'county-a1', 'county-a1', 'commission')).toThrow(wrongRole);
  });
});

describe('Jurisdiction', () => {
  it('rejects a malformed tree', () => {
    expect(() => new Jurisdiction([{ id: 'x', name: 'x', kind: 'institution', parentId: 'nope' }])).toThrow(/unknown parent/);
    expect(
      () =>
        new Jurisdiction([
          { id: 'h', name: 'h', kind: 'institution', parentId: null },
          { id: 'c', name: 'c', kind: 'city', parentId: 'h' },
        ]),
    ).toThrow(/cannot sit under/);
  });

  it('names the field when an institution is unknown', () => {
    const j = new Jurisdiction(DEMO_UNITS);
    expect(() => j.requireInstitution('county-a1')).toThrow(/institutionId "county-a1" is not a known institution/);
    expect(j.path('hosp-a1-1').map((u) => u.id)).toEqual(['hosp-a1-1', 'county-a1', 'city-a', 'prov']);
  });
});

describe('AccessPolicy: 准入信用核查 (applicant credit checks)', () => {
  it('lets only the approving office (inspectors) check an applicant', () => {
    expect(() => policy.assertChecksApplicantCredit(actor('inspector', 'county-a1'), 'Checking')).not.toThrow();
    for (const role of ['hospital', 'leader', 'admin', 'partner', 'public'] as Role[]) {
      expect(() => policy.assertChecksApplicantCredit(actor(role, 'prov'), 'Checking')).toThrow(
        expect.objectContaining({ code: 'AUTH.ROLE_NOT_ALLOWED' }),
      );
    }
  });

  it('reads the checks of the offices within the reader’s jurisdiction, for inspectors and leaders only', () => {
    expect(policy.creditCheckUnits(actor('inspector', 'county-a1'))).toEqual(['county-a1', 'hosp-a1-1', 'hosp-a1-2']);
    expect(policy.creditCheckUnits(actor('leader', 'city-a'))).toEqual(expect.arrayContaining(['city-a', 'county-a1', 'county-a2']));
    expect(policy.creditCheckUnits(actor('leader', 'city-a'))).not.toContain('county-b1');
    expect(policy.creditCheckUnits(actor('admin', 'prov'))).toEqual([]);
    expect(policy.creditCheckUnits(actor('hospital', 'hosp-a1-1'))).toEqual([]);
    expect(policy.creditCheckUnits(actor('partner', 'prov'))).toEqual([]);
  });
});
