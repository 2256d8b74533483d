import { DomainError } from '@bihuan/core';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { Jurisdiction } from './jurisdiction';
import { assertStaffBelongsTo } from './staff-directory';
import { assertInspectorsCover, StaticUserDirectory } from './user-directory';

const jurisdiction = new Jurisdiction(DEMO_UNITS);
const directory = new StaticUserDirectory(
  [...DEMO_USERS, { id: 'retired', name: '退休监督员', role: 'inspector', unit: 'city-a', active: false }],
  jurisdiction,
);
const thrown = (f: () => void): DomainError | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error as DomainError;
  }
};

describe('staff references (assertStaffBelongsTo)', () => {
  it('given no archive yet, when an institution names the staff member, then it is accepted (the first record opens it there)', () => {
    expect(thrown(() => assertStaffBelongsTo('S1', null, 'hosp-a1-1'))).toBeNull();
  });
  it('given an archive at the institution, then accepted; at another institution, then 403 naming the field', () => {
    expect(thrown(() => assertStaffBelongsTo('S1', 'hosp-a1-1', 'hosp-a1-1'))).toBeNull();
    const error = thrown(() => assertStaffBelongsTo('S1', 'hosp-a1-1', 'hosp-a1-2', 'implicatedStaffId'))!;
    expect(error).toMatchObject({ code: 'AUTH.STAFF_OF_OTHER_INSTITUTION', kind: 'forbidden', details: { field: 'implicatedStaffId' } });
    expect(error.message).not.toContain('hosp-a1-1'); // the caller does not learn where the person works
  });
});

describe('inspectors named for an institution (assertInspectorsCover)', () => {
  const check = (ids: string[]) => thrown(() => assertInspectorsCover(directory, jurisdiction, ids, 'hosp-a1-1'));
  it('accepts active inspectors whose unit covers the institution', () => {
    expect(check(['inspector-a1', 'inspector-city-a'])).toBeNull();
  });
  it('refuses unknown or inactive users with 400, others with 422, naming inspectorIds[i]', () => {
    expect(check(['inspector-a1', 'ghost'])).toMatchObject({
      code: 'AUTH.UNKNOWN_USER',
      kind: 'validation',
      details: { field: 'inspectorIds[1]' },
    });
    expect(check(['retired'])).toMatchObject({ code: 'AUTH.UNKNOWN_USER', details: { field: 'inspectorIds[0]' } });
    expect(check(['inspector-b1'])).toMatchObject({
      code: 'AUTH.INSPECTOR_NOT_COVERING',
      kind: 'rule',
      details: { field: 'inspectorIds[0]' },
    });
    expect(check(['leader-city-a'])).toMatchObject({ code: 'AUTH.INSPECTOR_NOT_COVERING' });
  });
  it('refuses a directory naming an unknown unit or a duplicate id at start', () => {
    expect(() => new StaticUserDirectory([{ id: 'x', name: 'x', role: 'inspector', unit: 'nowhere', active: true }], jurisdiction)).toThrow(
      /unknown unit/,
    );
    expect(() => new StaticUserDirectory([DEMO_USERS[0]!, DEMO_USERS[0]!], jurisdiction)).toThrow(/Duplicate/);
  });
});
