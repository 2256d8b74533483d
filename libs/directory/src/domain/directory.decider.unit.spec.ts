import { DomainError } from '@bihuan/core';
import { command, decider, hospital, inspector, seeded, spec } from '../testing/directory-decider.fixtures';
import { demoDirectoryImport } from '../demo/demo-directory.data';
import { UnitInput, UserInput } from './directory-inputs';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'none';
};

describe('the directory decider', () => {
  it('seeds an empty directory once: a second seed (another process, after the conflict) decides nothing', () => {
    expect(seeded.filter((e) => e.type === 'UnitCreated')).toHaveLength(14);
    expect(seeded.at(-1)).toMatchObject({ type: 'DirectoryImported', data: { source: 'seed-demo', units: 14, users: 12 } });
    spec
      .given(seeded)
      .when(command('SeedDirectory', { seed: 'none', import: demoDirectoryImport() }))
      .thenNothing();
  });

  it('creates units whose kinds nest and refuses unknown parents, wrong nesting and duplicates', () => {
    const county: UnitInput = { id: 'county-a3', name: '新区卫生健康局', kind: 'county', parentId: 'city-a' };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: county }))
      .then([{ type: 'UnitCreated', data: { unit: county } }]);
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: { ...county, parentId: 'nowhere' } }))
      .thenThrows('DIRECTORY.UNKNOWN_PARENT');
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: { ...county, parentId: 'county-a1' } }))
      .thenThrows('DIRECTORY.KIND_NESTING');
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: { ...county, id: 'county-a1' } }))
      .thenThrows('DIRECTORY.DUPLICATE_ID');
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: { ...county, kind: 'city', parentId: null } }))
      .thenThrows('DIRECTORY.PARENT_REQUIRED');
  });

  it('checks an institution profile: credit code check character, its uniqueness, the phone', () => {
    const unit = { ...hospital, id: 'hosp-new', profile: { ...hospital.profile!, creditCode: '12990000MB00000062' } };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit }))
      .then([{ type: 'UnitCreated', data: { unit } }]);
    const wrongCheck = { ...unit, profile: { ...unit.profile, creditCode: '12990000MB00000063' } };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: wrongCheck }))
      .thenThrows('DIRECTORY.INVALID_CREDIT_CODE');
    const taken = { ...unit, profile: { ...unit.profile, creditCode: hospital.profile!.creditCode } };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: taken }))
      .thenThrows('DIRECTORY.DUPLICATE_CREDIT_CODE');
    const phone = { ...unit, profile: { ...unit.profile, contactPhone: '12345' } };
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: phone }))
      .thenThrows('DIRECTORY.INVALID_PHONE');
    const { profile: _p, ...bare } = unit;
    spec
      .given(seeded)
      .when(command('CreateUnit', { unit: bare }))
      .thenThrows('DIRECTORY.PROFILE_REQUIRED');
  });

  it('moves a unit to another parent of the right kind, never under itself', () => {
    spec
      .given(seeded)
      .when(command('MoveUnit', { unitId: 'hosp-a1-2', parentId: 'county-a2' }))
      .then([{ type: 'UnitMoved', data: { unitId: 'hosp-a1-2', fromParentId: 'county-a1', toParentId: 'county-a2' } }]);
    spec
      .given(seeded)
      .when(command('MoveUnit', { unitId: 'county-a1', parentId: 'hosp-a1-1' }))
      .thenThrows('DIRECTORY.KIND_NESTING');
    spec
      .given(seeded)
      .when(command('MoveUnit', { unitId: 'hosp-a1-2', parentId: 'county-a1' }))
      .thenNothing();
    spec
      .given(seeded)
      .when(command('MoveUnit', { unitId: 'ghost', parentId: 'county-a1' }))
      .thenThrows('DIRECTORY.UNKNOWN_UNIT');
  });

  it('keeps a user’s work e-mail for notifications: checked when given, changed or cleared by an update, kept when an update leaves it out', () => {
    const withEmail = { ...inspector, email: 'zhang.san@wjw.example.cn' };
    spec
      .given(seeded)
      .when(command('CreateUser', { user: withEmail }))
      .then([
        {
          type: 'UserCreated',
          data: {
            user: {
              id: 'zhang.san',
              name: '张三',
              phone: '13900000001',
              email: 'zhang.san@wjw.example.cn',
              role: 'inspector',
              unitId: 'county-a1',
              departmentId: null,
              status: 'active',
            },
          },
        },
      ]);
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, email: 'zhang san@wjw' } }))
      .thenThrows('DIRECTORY.INVALID_EMAIL');
    const directory = seeded.reduce(decider.evolve, decider.initialState);
    const state = decider.decide(command('CreateUser', { user: withEmail }), directory).reduce(decider.evolve, directory);
    const { name, phone, role, unitId, departmentId } = inspector;
    const same = { name, phone, role, unitId, departmentId };
    expect(decider.decide(command('UpdateUser', { userId: 'zhang.san', ...same }), state)).toEqual([]);
    const cleared = decider.decide(command('UpdateUser', { userId: 'zhang.san', ...same, email: '' }), state);
    expect(cleared).toEqual([{ type: 'UserUpdated', data: { userId: 'zhang.san', ...same, email: '' } }]);
    expect(cleared.reduce(decider.evolve, state).users.get('zhang.san')?.email).toBe('');
  });

  it('creates users with sign-in names as ids, whose role fits the unit and whose department is the unit’s', () => {
    spec
      .given(seeded)
      .when(command('CreateUser', { user: inspector }))
      .then([
        {
          type: 'UserCreated',
          data: {
            user: {
              id: 'zhang.san',
              name: '张三',
              phone: '13900000001',
              role: 'inspector',
              unitId: 'county-a1',
              departmentId: null,
              status: 'active',
            },
          },
        },
      ]);
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, id: 'Zhang', username: 'Zhang' } }))
      .thenThrows('DIRECTORY.INVALID_USER_ID');
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, unitId: 'hosp-a1-1' } }))
      .thenThrows('DIRECTORY.ROLE_UNIT_MISMATCH');
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, departmentId: 'd-1' } }))
      .thenThrows('DIRECTORY.UNKNOWN_DEPARTMENT');
    spec
      .given(seeded)
      .when(command('CreateUser', { user: { ...inspector, phone: '2380013800' } }))
      .thenThrows('DIRECTORY.INVALID_PHONE');
  });

  it('disables and enables users (again is a no-op) and records an inspector’s conflicts with institutions only', () => {
    spec
      .given(seeded)
      .when(command('DisableUser', { userId: 'inspector-a1' }))
      .then([{ type: 'UserDisabled', data: { userId: 'inspector-a1' } }]);
    spec
      .given(seeded)
      .when(command('EnableUser', { userId: 'inspector-a1' }))
      .thenNothing();
    const conflicts = [{ institutionId: 'hosp-a1-1', reason: 'relative' as const }];
    spec
      .given(seeded)
      .when(command('SetInspectorConflicts', { userId: 'inspector-a1', conflicts }))
      .then([{ type: 'InspectorConflictsSet', data: { userId: 'inspector-a1', conflicts } }]);
    spec
      .given(seeded)
      .when(command('SetInspectorConflicts', { userId: 'inspector-a1', conflicts: [{ institutionId: 'county-a1', reason: 'relative' }] }))
      .thenThrows('DIRECTORY.UNKNOWN_INSTITUTION');
    spec
      .given(seeded)
      .when(command('SetInspectorConflicts', { userId: 'hospital-a1-1', conflicts }))
      .thenThrows('DIRECTORY.NOT_AN_INSPECTOR');
  });

  it('imports all rows or none: parents made by the same file in any order; every bad row reported', () => {
    const county: UnitInput = { id: 'county-a3', name: '新区卫生健康局', kind: 'county', parentId: 'city-a' };
    const clinic: UnitInput = {
      ...hospital,
      id: 'hosp-a3-1',
      parentId: 'county-a3',
      profile: { ...hospital.profile!, creditCode: '12990000MB00000062' },
    };
    const file = {
      units: [
        { ref: { sheet: 'units' as const, row: 2 }, input: clinic },
        { ref: { sheet: 'units' as const, row: 3 }, input: county },
      ],
      departments: [{ ref: { sheet: 'departments' as const, row: 2 }, input: { id: 'd-1', institutionId: 'hosp-a3-1', name: '内科' } }],
      users: [
        {
          ref: { sheet: 'users' as const, row: 2 },
          input: { ...inspector, role: 'hospital' as const, unitId: 'hosp-a3-1', departmentId: 'd-1' },
        },
      ],
    };
    const events = spec
      .given(seeded)
      .when(command('ImportDirectory', { import: file }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['UnitCreated', 'UnitCreated', 'DepartmentCreated', 'UserCreated', 'DirectoryImported']);

    const bad = { ...file, users: [{ ...file.users[0]!, input: { ...file.users[0]!.input, unitId: 'nowhere' } }] };
    let rejections: unknown;
    try {
      decider.decide(command('ImportDirectory', { import: bad }), seeded.reduce(decider.evolve, decider.initialState));
    } catch (error) {
      rejections = (error as DomainError).details['rejections'];
      expect((error as DomainError).code).toBe('DIRECTORY.IMPORT_REJECTED');
    }
    expect(rejections).toEqual([expect.objectContaining({ sheet: 'users', row: 2, field: 'unitId', rule: 'DIRECTORY.UNKNOWN_UNIT' })]);
    expect(codeOf(() => decider.decide(command('ImportDirectory', { import: bad }), decider.initialState))).toBe(
      'DIRECTORY.IMPORT_REJECTED',
    );
  });

  it('an import of rows the directory holds updates and moves them, and disables users marked 停用', () => {
    const moved = { ...hospital, parentId: 'county-a2', name: '甲市第一人民医院（新院区）' };
    const user: UserInput = {
      id: 'inspector-a1',
      username: 'inspector-a1',
      name: '赵监督员',
      phone: '13800000005',
      role: 'inspector',
      unitId: 'county-a1',
      departmentId: null,
      status: 'disabled',
    };
    const events = spec
      .given(seeded)
      .when(
        command('ImportDirectory', {
          import: {
            units: [{ ref: { sheet: 'units', row: 2 }, input: moved }],
            departments: [],
            users: [{ ref: { sheet: 'users', row: 2 }, input: user }],
          },
        }),
      )
      .events();
    expect(events.map((e) => e.type)).toEqual(['UnitMoved', 'UnitUpdated', 'UserDisabled', 'DirectoryImported']);
  });
});
