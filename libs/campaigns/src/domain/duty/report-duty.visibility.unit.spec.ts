import { Actor, foldVisibility, Message, Reader } from '@bihuan/core';
import { decideReportDutyRead, reportDutyVisibility } from './report-duty.visibility';

/** city ⊃ county-1 ⊃ inst-1, inst-2; another city ⊃ inst-9. */
const PARENT: Readonly<Record<string, string>> = { 'county-1': 'city', 'inst-1': 'county-1', 'inst-2': 'county-1', 'inst-9': 'city-b' };
const covers = (ancestor: string, unit: string): boolean =>
  unit === ancestor || (PARENT[unit] !== undefined && covers(ancestor, PARENT[unit]!));
const reader = (role: Actor['role'], unit: string): Reader => ({
  actor: { id: `${role}@${unit}`, role, unit },
  covers: (u) => (role === 'hospital' ? u === unit : covers(unit, u)),
});

/** The city's duty owed by inst-1, folded from its assignment as the audit folds it. */
const facts = foldVisibility(reportDutyVisibility, [
  { type: 'ReportDutyAssigned', data: { dutyId: 'd-1', institutionId: 'inst-1', issuingUnitId: 'city' } } as unknown as Message,
]);

describe('reporting duty visibility', () => {
  it('grants the institution’s hospital and the commission over the institution or the issuing unit', () => {
    expect(decideReportDutyRead(reader('hospital', 'inst-1'), facts)).toEqual({ kind: 'granted', institutionId: 'inst-1' });
    expect(decideReportDutyRead(reader('inspector', 'county-1'), facts).kind).toBe('granted');
    expect(decideReportDutyRead(reader('leader', 'city'), facts).kind).toBe('granted');
    expect(decideReportDutyRead(reader('admin', 'county-1'), facts).kind).toBe('granted');
  });

  it('refuses another hospital, another city and partners; a duty not assigned is hidden', () => {
    expect(decideReportDutyRead(reader('hospital', 'inst-2'), facts).kind).toBe('forbidden');
    expect(decideReportDutyRead(reader('inspector', 'city-b'), facts).kind).toBe('forbidden');
    expect(decideReportDutyRead(reader('partner', 'city'), facts).kind).toBe('forbidden');
    expect(decideReportDutyRead(reader('leader', 'city'), reportDutyVisibility.initialState)).toEqual({ kind: 'hidden' });
  });
});
