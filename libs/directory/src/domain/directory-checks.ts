import { isValidCreditCode } from '@bihuan/core';
import {
  AGENCY_TYPES,
  CONFLICT_REASONS,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  INSTITUTION_TYPES,
  InstitutionProfile,
  OWNERSHIPS,
  UNIT_KINDS,
  UNIT_LEVELS,
  USER_STATUSES,
  isValidEmail,
  isValidPhone,
} from './directory-attributes';
import { DepartmentInput, DIRECTORY_ROLES, UnitInput, UserInput } from './directory-inputs';
import { DirectoryProblem, problem } from './directory-errors';
import { DirectoryRules, DirectoryState, InspectorConflict, UserChanges } from './directory.model';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** Sign-in names: what people type, so one case only. */
const LOGIN = /^[a-z0-9._-]{1,64}$/;
const ROLES: readonly string[] = DIRECTORY_ROLES;

const has = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

function text(field: string, label: string, value: string, max: number): DirectoryProblem[] {
  if (typeof value !== 'string' || value.trim() === '') return [problem(field, 'REQUIRED', `${label}（${field}）不能为空`)];
  if (value.length > max) return [problem(field, 'TOO_LONG', `${label}（${field}）不能超过${max}个字符`)];
  return [];
}

function code(field: string, label: string, value: string): DirectoryProblem[] {
  return CODE.test(value)
    ? []
    : [problem(field, 'INVALID_CODE', `${label}（${field}）只能由字母、数字、“-”“_”组成，至多64个字符：${value}`)];
}

/** An institution's profile: every value from its list, credit code with its check character, a phone that dials. */
export function profileProblems(state: DirectoryState, unitId: string, profile: InstitutionProfile): DirectoryProblem[] {
  const out: DirectoryProblem[] = [];
  const choice = (field: keyof InstitutionProfile, table: object, label: string): void => {
    if (!has(table, String(profile[field])))
      out.push(problem(`profile.${field}`, 'INVALID_VALUE', `${label}（profile.${field}）不是可选的值：${String(profile[field])}`));
  };
  choice('institutionType', INSTITUTION_TYPES, '机构类别');
  choice('ownership', OWNERSHIPS, '所有制');
  choice('level', HOSPITAL_LEVELS, '医院等级');
  choice('grade', HOSPITAL_GRADES, '等次');
  if (!isValidCreditCode(profile.creditCode ?? '')) {
    out.push(
      problem(
        'profile.creditCode',
        'INVALID_CREDIT_CODE',
        `统一社会信用代码（profile.creditCode）须为18位且校验位正确：${profile.creditCode}`,
      ),
    );
  } else {
    const other = [...state.units.values()].find((u) => u.id !== unitId && u.profile?.creditCode === profile.creditCode);
    if (other)
      out.push(
        problem(
          'profile.creditCode',
          'DUPLICATE_CREDIT_CODE',
          `统一社会信用代码（profile.creditCode）已由单位「${other.id}」使用`,
          'conflict',
        ),
      );
  }
  out.push(
    ...text('profile.address', '地址', profile.address, 200),
    ...text('profile.legalRepresentative', '法定代表人', profile.legalRepresentative, 50),
  );
  if (!isValidPhone(profile.contactPhone ?? '')) {
    out.push(
      problem(
        'profile.contactPhone',
        'INVALID_PHONE',
        `联系电话（profile.contactPhone）不是有效的手机号或带区号的固定电话：${profile.contactPhone}`,
      ),
    );
  }
  return out;
}

/** Where a unit may hang: a known parent of a higher level (province ⊃ city ⊃ county ⊃ institution), never itself or below itself. */
export function parentProblems(state: DirectoryState, unit: Pick<UnitInput, 'id' | 'kind' | 'parentId'>): DirectoryProblem[] {
  if (unit.parentId === null) {
    return unit.kind === 'province'
      ? []
      : [problem('parentId', 'PARENT_REQUIRED', `上级单位编码（parentId）不能为空：只有省级单位没有上级`)];
  }
  const parent = state.units.get(unit.parentId);
  if (!parent) return [problem('parentId', 'UNKNOWN_PARENT', `上级单位编码（parentId）「${unit.parentId}」不存在`)];
  if (UNIT_LEVELS[parent.kind] >= UNIT_LEVELS[unit.kind]) {
    return [
      problem(
        'parentId',
        'KIND_NESTING',
        `${unit.kind}单位不能隶属于${parent.kind}单位「${parent.id}」：层级须为省 ⊃ 市 ⊃ 县 ⊃ 医疗机构，协同部门隶属于卫生健康行政部门`,
        'rule',
      ),
    ];
  }
  for (let at: string | null = parent.id; at !== null; at = state.units.get(at)?.parentId ?? null) {
    if (at === unit.id) return [problem('parentId', 'CYCLE', `上级单位编码（parentId）「${unit.parentId}」在本单位之下，不能成环`, 'rule')];
  }
  return [];
}

/** A new or re-imported unit, everything but its id's uniqueness. */
export function unitProblems(state: DirectoryState, unit: UnitInput): DirectoryProblem[] {
  const out = [...code('id', '单位编码', unit.id), ...text('name', '单位名称', unit.name, 100)];
  if (!(UNIT_KINDS as readonly string[]).includes(unit.kind))
    return [...out, problem('kind', 'INVALID_VALUE', `层级（kind）不是可选的值：${unit.kind}`)];
  out.push(...parentProblems(state, unit));
  if (unit.kind === 'institution') {
    if (!unit.profile)
      out.push(
        problem('profile', 'PROFILE_REQUIRED', '医疗机构须填写机构类别、所有制、等级、等次、统一社会信用代码、地址、法定代表人和联系电话'),
      );
    else out.push(...profileProblems(state, unit.id, unit.profile));
  } else if (unit.profile) {
    out.push(problem('profile', 'PROFILE_NOT_ALLOWED', '机构信息只填写于医疗机构，卫生健康行政部门不填'));
  }
  return [...out, ...agencyProblems(unit)];
}

/** A partner agency names its kind (纪检监察, 公安 …); no other unit does. */
function agencyProblems(unit: UnitInput): DirectoryProblem[] {
  if (unit.kind !== 'agency')
    return unit.agencyType === undefined
      ? []
      : [problem('agencyType', 'AGENCY_TYPE_NOT_ALLOWED', '协同部门类别（agencyType）只填写于协同部门')];
  if (unit.agencyType === undefined)
    return [problem('agencyType', 'AGENCY_TYPE_REQUIRED', '协同部门须填写类别（agencyType）：纪检监察、公安、医疗保障、市场监管等')];
  return has(AGENCY_TYPES, unit.agencyType)
    ? []
    : [problem('agencyType', 'INVALID_VALUE', `协同部门类别（agencyType）不是可选的值：${unit.agencyType}`)];
}

export function departmentProblems(state: DirectoryState, department: DepartmentInput): DirectoryProblem[] {
  const out = [...code('id', '科室编码', department.id), ...text('name', '科室名称', department.name, 100)];
  const institution = state.units.get(department.institutionId);
  if (!institution || institution.kind !== 'institution') {
    out.push(
      problem('institutionId', 'UNKNOWN_INSTITUTION', `所属机构编码（institutionId）「${department.institutionId}」不是已有的医疗机构`),
    );
  }
  return out;
}

/** Name, phone, role, unit and department of a person: the role must fit the unit's kind, the department be the unit's. */
export function personProblems(state: DirectoryState, rules: DirectoryRules, user: UserChanges): DirectoryProblem[] {
  const out = [...text('name', '姓名', user.name, 50)];
  // A seeded administrator has no phone yet: empty is allowed here, the import file requires one.
  if (user.phone !== '' && !isValidPhone(user.phone ?? ''))
    out.push(problem('phone', 'INVALID_PHONE', `手机号（phone）不是有效的手机号或带区号的固定电话：${user.phone}`));
  if (user.email !== undefined && user.email !== '' && !isValidEmail(user.email))
    out.push(problem('email', 'INVALID_EMAIL', `电子邮箱（email）格式不正确：${user.email}`));
  if (!ROLES.includes(user.role)) return [...out, problem('role', 'INVALID_VALUE', `角色（role）不是可选的值：${user.role}`)];
  const unit = state.units.get(user.unitId);
  if (!unit) return [...out, problem('unitId', 'UNKNOWN_UNIT', `所属单位编码（unitId）「${user.unitId}」不存在`)];
  if (!rules.roleFitsUnit(user.role, unit.kind)) {
    out.push(
      problem(
        'role',
        'ROLE_UNIT_MISMATCH',
        `角色「${user.role}」不能属于${unit.kind}单位「${unit.id}」：医院用户属于医疗机构，协同单位用户属于协同部门，其他角色属于卫生健康行政部门`,
        'rule',
      ),
    );
  }
  if (user.departmentId !== null) {
    const department = state.departments.get(user.departmentId);
    if (!department || department.institutionId !== user.unitId) {
      out.push(
        problem(
          'departmentId',
          'UNKNOWN_DEPARTMENT',
          `科室编码（departmentId）「${user.departmentId}」不是所属单位「${user.unitId}」的科室`,
        ),
      );
    }
  }
  return out;
}

/** A new person: a sign-in name as id (the file's 登录名 must repeat it) and a known status. */
export function userProblems(state: DirectoryState, rules: DirectoryRules, user: UserInput): DirectoryProblem[] {
  const out: DirectoryProblem[] = [];
  if (!LOGIN.test(user.id))
    out.push(problem('id', 'INVALID_USER_ID', `用户编码（id）即登录名，只能由小写字母、数字、“.”“_”“-”组成，至多64个字符：${user.id}`));
  if (user.username.toLowerCase() !== user.id)
    out.push(problem('username', 'USERNAME_MISMATCH', `登录名（username）须与用户编码相同：${user.username}`));
  if (!has(USER_STATUSES, user.status)) out.push(problem('status', 'INVALID_VALUE', `状态（status）不是可选的值：${user.status}`));
  return [...out, ...personProblems(state, rules, user)];
}

export function conflictProblems(state: DirectoryState, userId: string, conflicts: readonly InspectorConflict[]): DirectoryProblem[] {
  const user = state.users.get(userId);
  const out: DirectoryProblem[] = [];
  if (user && user.role !== 'inspector')
    out.push(problem('userId', 'NOT_AN_INSPECTOR', `用户「${userId}」不是监督员，无需登记回避`, 'rule'));
  const seen = new Set<string>();
  conflicts.forEach((c, i) => {
    const unit = state.units.get(c.institutionId);
    if (!unit || unit.kind !== 'institution')
      out.push(
        problem(
          `conflicts[${i}].institutionId`,
          'UNKNOWN_INSTITUTION',
          `回避机构（conflicts[${i}].institutionId）「${c.institutionId}」不是已有的医疗机构`,
        ),
      );
    if (!has(CONFLICT_REASONS, c.reason))
      out.push(problem(`conflicts[${i}].reason`, 'INVALID_VALUE', `回避情形（conflicts[${i}].reason）不是可选的值：${c.reason}`));
    if (seen.has(c.institutionId))
      out.push(problem(`conflicts[${i}].institutionId`, 'DUPLICATE_ID', `回避机构「${c.institutionId}」重复`, 'conflict'));
    seen.add(c.institutionId);
  });
  return out;
}
