import { AgencyType, InstitutionProfile } from '../domain/directory-attributes';
import { DepartmentInput, RowRejection, UnitInput, UserInput } from '../domain/directory-inputs';
import { PROFILE_COLUMNS } from './directory-columns';
import {
  AGENCY_TYPE_ENUM,
  DIRECTORY_ROLE_ENUM,
  HOSPITAL_GRADE_ENUM,
  HOSPITAL_LEVEL_ENUM,
  INSTITUTION_TYPE_ENUM,
  OWNERSHIP_ENUM,
  UNIT_KIND_ENUM,
  USER_STATUS_ENUM,
} from './directory-vocabulary';
import { RowReader } from './row-reader';
import { SheetRecord } from './sheet-header';

/** A row read: its input when every cell was good, and the rejections of the bad ones. */
export interface ParsedRow<T> {
  readonly row: number;
  readonly input: T | null;
  readonly rejected: readonly RowRejection[];
}

function result<T>(reader: RowReader, input: T): ParsedRow<T> {
  return { row: reader.row, input: reader.rejected.length === 0 ? input : null, rejected: reader.rejected };
}

/** An institution's profile: every column required (医疗机构须填写…). */
function profileOf(reader: RowReader): InstitutionProfile {
  const must = (hint = ''): string => `不能为空（医疗机构须填写${hint}）`;
  return {
    institutionType: reader.choice('profile.institutionType', INSTITUTION_TYPE_ENUM, must()) ?? 'other',
    ownership: reader.choice('profile.ownership', OWNERSHIP_ENUM, must()) ?? 'public',
    level: reader.choice('profile.level', HOSPITAL_LEVEL_ENUM, must('，未定级的填“未定级”')) ?? 'unrated',
    grade: reader.choice('profile.grade', HOSPITAL_GRADE_ENUM, must('，未评等的填“未评等”')) ?? 'none',
    creditCode: reader.creditCode('profile.creditCode', must()),
    address: reader.text('profile.address', must()),
    legalRepresentative: reader.text('profile.legalRepresentative', must()),
    contactPhone: reader.phone('profile.contactPhone', must()),
  };
}

/**
 * A row of 单位. Parents are passed on, not looked up (the decider resolves them against the live
 * directory and the rest of the import); only what one row can show is checked here.
 */
export function parseUnitRow(record: SheetRecord): ParsedRow<UnitInput> {
  const reader = new RowReader('units', record);
  const id = reader.code('id', true);
  const name = reader.text('name', true);
  const kind = reader.choice('kind', UNIT_KIND_ENUM, true);
  const parent = reader.code('parentId', kind !== null && kind !== 'province' ? '除省级单位外不能为空' : false);
  if (parent !== '' && parent === id) reader.reject('parentId', 'DIRECTORY.SELF_PARENT', '不能是本单位自己的编码');
  let profile: InstitutionProfile | undefined;
  if (kind === 'institution') {
    profile = profileOf(reader);
  } else if (kind !== null) {
    for (const column of PROFILE_COLUMNS.filter((c) => reader.filled(c.field))) {
      reader.reject(column.field, 'DIRECTORY.PROFILE_NOT_ALLOWED', '只填写于医疗机构，卫生健康行政部门（省级、市级、县级）不填');
    }
  }
  let agencyType: AgencyType | undefined;
  if (kind === 'agency') agencyType = reader.choice('agencyType', AGENCY_TYPE_ENUM, '不能为空（协同部门须填写类别）') ?? 'other';
  else if (kind !== null && reader.filled('agencyType'))
    reader.reject('agencyType', 'DIRECTORY.AGENCY_TYPE_NOT_ALLOWED', '只填写于协同部门');
  const input: UnitInput = {
    id,
    name,
    kind: kind ?? 'institution',
    parentId: parent === '' ? null : parent,
    ...(profile ? { profile } : {}),
    ...(agencyType ? { agencyType } : {}),
  };
  return result(reader, input);
}

/** A row of 科室: the institution it belongs to is passed on, not looked up. */
export function parseDepartmentRow(record: SheetRecord): ParsedRow<DepartmentInput> {
  const reader = new RowReader('departments', record);
  const input: DepartmentInput = {
    id: reader.code('id', true),
    institutionId: reader.code('institutionId', true),
    name: reader.text('name', true),
  };
  return result(reader, input);
}

/** A row of 用户: 科室编码 may be empty (people of commission units), 状态 defaults to 在用. */
export function parseUserRow(record: SheetRecord): ParsedRow<UserInput> {
  const reader = new RowReader('users', record);
  const id = reader.code('id', true);
  const username = reader.code('username', true, 'username');
  const name = reader.text('name', true);
  const phone = reader.phone('phone', true);
  const email = reader.email('email');
  const role = reader.choice('role', DIRECTORY_ROLE_ENUM, true);
  const unitId = reader.code('unitId', true);
  const departmentId = reader.code('departmentId', false);
  const status = reader.choice('status', USER_STATUS_ENUM, false);
  const input: UserInput = {
    id,
    username,
    name,
    phone,
    ...(email === '' ? {} : { email }),
    role: role ?? 'hospital',
    unitId,
    departmentId: departmentId === '' ? null : departmentId,
    status: status ?? 'active',
  };
  return result(reader, input);
}
