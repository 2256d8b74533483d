import { DepartmentInput, UnitInput, UserInput } from './directory-inputs';
import { DirectoryProblem, problem } from './directory-errors';
import { DirectoryEvent } from './directory.events';
import { DirectoryRules, DirectoryState, UnitChanges, UserChanges } from './directory.model';
import { departmentProblems, parentProblems, personProblems, unitProblems, userProblems } from './directory-checks';

/** What one input comes to: the events to write, or why not. */
export interface Decision {
  readonly events: readonly DirectoryEvent[];
  readonly problems: readonly DirectoryProblem[];
}

const refuse = (...problems: DirectoryProblem[]): Decision => ({ events: [], problems });
const accept = (...events: DirectoryEvent[]): Decision => ({ events, problems: [] });
const unknown = (field: string, what: string, id: string): DirectoryProblem =>
  problem(field, `UNKNOWN_${what}`, `${field}「${id}」不存在`, 'not_found');

export function createUnit(state: DirectoryState, unit: UnitInput): Decision {
  if (state.units.has(unit.id)) return refuse(problem('id', 'DUPLICATE_ID', `单位编码（id）「${unit.id}」已存在`, 'conflict'));
  const problems = unitProblems(state, unit);
  return problems.length > 0 ? refuse(...problems) : accept({ type: 'UnitCreated', data: { unit } });
}

export function updateUnit(state: DirectoryState, unitId: string, changes: UnitChanges): Decision {
  const unit = state.units.get(unitId);
  if (!unit) return refuse(unknown('unitId', 'UNIT', unitId));
  const problems = unitProblems(state, {
    ...unit,
    name: changes.name,
    ...(changes.profile ? { profile: changes.profile } : { profile: undefined }),
    ...(changes.agencyType ? { agencyType: changes.agencyType } : {}),
  });
  if (problems.length > 0) return refuse(...problems);
  const same =
    unit.name === changes.name &&
    JSON.stringify(unit.profile ?? null) === JSON.stringify(changes.profile ?? null) &&
    (changes.agencyType === undefined || changes.agencyType === unit.agencyType);
  return same ? accept() : accept({ type: 'UnitUpdated', data: { unitId, ...changes } });
}

export function moveUnit(state: DirectoryState, unitId: string, parentId: string): Decision {
  const unit = state.units.get(unitId);
  if (!unit) return refuse(unknown('unitId', 'UNIT', unitId));
  if (unit.parentId === parentId) return accept();
  const problems = parentProblems(state, { id: unit.id, kind: unit.kind, parentId });
  return problems.length > 0
    ? refuse(...problems)
    : accept({ type: 'UnitMoved', data: { unitId, fromParentId: unit.parentId, toParentId: parentId } });
}

/** An imported row: a new unit, or changes (name, profile, parent) to one the directory holds. */
export function upsertUnit(state: DirectoryState, unit: UnitInput): Decision {
  const current = state.units.get(unit.id);
  if (!current) return createUnit(state, unit);
  if (current.kind !== unit.kind)
    return refuse(problem('kind', 'KIND_FIXED', `单位「${unit.id}」已是${current.kind}单位，层级不能改变`, 'rule'));
  const moved = unit.parentId !== null && unit.parentId !== current.parentId ? moveUnit(state, unit.id, unit.parentId) : accept();
  if (unit.parentId === null && current.parentId !== null)
    return refuse(problem('parentId', 'PARENT_REQUIRED', '上级单位编码（parentId）不能为空'));
  const updated = updateUnit(state, unit.id, {
    name: unit.name,
    ...(unit.profile ? { profile: unit.profile } : {}),
    ...(unit.agencyType ? { agencyType: unit.agencyType } : {}),
  });
  return { events: [...moved.events, ...updated.events], problems: [...moved.problems, ...updated.problems] };
}

export function createDepartment(state: DirectoryState, department: DepartmentInput): Decision {
  if (state.departments.has(department.id))
    return refuse(problem('id', 'DUPLICATE_ID', `科室编码（id）「${department.id}」已存在`, 'conflict'));
  const problems = departmentProblems(state, department);
  return problems.length > 0 ? refuse(...problems) : accept({ type: 'DepartmentCreated', data: { department } });
}

export function updateDepartment(state: DirectoryState, departmentId: string, name: string): Decision {
  const department = state.departments.get(departmentId);
  if (!department) return refuse(unknown('departmentId', 'DEPARTMENT', departmentId));
  const problems = departmentProblems(state, { ...department, name });
  if (problems.length > 0) return refuse(...problems);
  return department.name === name ? accept() : accept({ type: 'DepartmentUpdated', data: { departmentId, name } });
}

export function upsertDepartment(state: DirectoryState, department: DepartmentInput): Decision {
  const current = state.departments.get(department.id);
  if (!current) return createDepartment(state, department);
  if (current.institutionId !== department.institutionId) {
    return refuse(
      problem(
        'institutionId',
        'DEPARTMENT_INSTITUTION_FIXED',
        `科室「${department.id}」属于「${current.institutionId}」，不能改属其他机构`,
        'rule',
      ),
    );
  }
  return updateDepartment(state, department.id, department.name);
}

export function createUser(state: DirectoryState, rules: DirectoryRules, user: UserInput): Decision {
  if (state.users.has(user.id)) return refuse(problem('id', 'DUPLICATE_ID', `用户编码（id）「${user.id}」已存在`, 'conflict'));
  const problems = userProblems(state, rules, user);
  if (problems.length > 0) return refuse(...problems);
  const { username: _same, ...person } = user;
  const { unitId, departmentId, status, ...rest } = person;
  return accept({ type: 'UserCreated', data: { user: { ...rest, unitId, departmentId, status } } });
}

export function updateUser(state: DirectoryState, rules: DirectoryRules, userId: string, changes: UserChanges): Decision {
  const user = state.users.get(userId);
  if (!user) return refuse(unknown('userId', 'USER', userId));
  const problems = personProblems(state, rules, changes);
  if (problems.length > 0) return refuse(...problems);
  const same = (Object.keys(changes) as (keyof UserChanges)[]).every((k) => user[k] === changes[k]);
  return same ? accept() : accept({ type: 'UserUpdated', data: { userId, ...changes } });
}

export function setUserStatus(state: DirectoryState, userId: string, active: boolean): Decision {
  const user = state.users.get(userId);
  if (!user) return refuse(unknown('userId', 'USER', userId));
  if ((user.status === 'active') === active) return accept();
  return accept(active ? { type: 'UserEnabled', data: { userId } } : { type: 'UserDisabled', data: { userId } });
}

export function upsertUser(state: DirectoryState, rules: DirectoryRules, user: UserInput): Decision {
  if (!state.users.has(user.id)) {
    const created = createUser(state, rules, user);
    if (created.problems.length > 0 || user.status === 'active') return created;
    return { events: [...created.events, { type: 'UserDisabled', data: { userId: user.id } }], problems: [] };
  }
  const problems = userProblems(state, rules, user);
  if (problems.length > 0) return refuse(...problems);
  const { name, phone, email, role, unitId, departmentId } = user;
  const updated = updateUser(state, rules, user.id, { name, phone, ...(email === undefined ? {} : { email }), role, unitId, departmentId });
  const status = setUserStatus(state, user.id, user.status === 'active');
  return { events: [...updated.events, ...status.events], problems: [] };
}
