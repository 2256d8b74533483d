import {
  AGENCY_TYPE_ENUM,
  DIRECTORY_ROLE_ENUM,
  DirectorySheet,
  Enumeration,
  HOSPITAL_GRADE_ENUM,
  HOSPITAL_LEVEL_ENUM,
  INSTITUTION_TYPE_ENUM,
  OWNERSHIP_ENUM,
  UNIT_KIND_ENUM,
  USER_STATUS_ENUM,
} from './directory-vocabulary';

/** How a column's cells are read: free text, a code (ids, phones: ASCII, no inner spaces) or a list value. */
export type ColumnKind = 'text' | 'code' | 'enumeration';

/** One column of a sheet: the header offices write, where its value goes, and its limits. */
export interface ColumnSpec {
  /** Path of the value in the input (`profile.creditCode`); rejections name it as `field`. */
  readonly field: string;
  readonly header: string;
  /** Other headers offices use for the same column (机构编码 for 单位编码 …). */
  readonly aliases: readonly string[];
  /** The header must be present (a sheet without it cannot be read at all). */
  readonly requiredColumn: boolean;
  readonly kind: ColumnKind;
  readonly enumeration?: Enumeration;
  readonly maxLength: number;
  /** Column width in the exported workbook, in characters. */
  readonly width: number;
}

function column(field: string, header: string, options: Partial<Omit<ColumnSpec, 'field' | 'header'>> = {}): ColumnSpec {
  return {
    field,
    header,
    aliases: options.aliases ?? [],
    requiredColumn: options.requiredColumn ?? false,
    kind: options.kind ?? (options.enumeration ? 'enumeration' : 'text'),
    maxLength: options.maxLength ?? 100,
    width: options.width ?? 16,
    ...(options.enumeration ? { enumeration: options.enumeration } : {}),
  };
}

const ID = { kind: 'code', maxLength: 64, width: 18 } as const;

export const UNIT_COLUMNS: readonly ColumnSpec[] = [
  column('id', '单位编码', { ...ID, requiredColumn: true, aliases: ['机构编码'] }),
  column('name', '单位名称', { requiredColumn: true, aliases: ['机构名称'], width: 30 }),
  column('kind', '层级', { requiredColumn: true, enumeration: UNIT_KIND_ENUM, aliases: ['单位层级'], width: 10 }),
  column('parentId', '上级单位编码', { ...ID, requiredColumn: true, aliases: ['上级编码', '上级机构编码'] }),
  column('profile.institutionType', '机构类别', { enumeration: INSTITUTION_TYPE_ENUM, aliases: ['机构类型'] }),
  column('profile.ownership', '所有制', { enumeration: OWNERSHIP_ENUM, aliases: ['经营性质', '所有制形式'], width: 10 }),
  column('profile.level', '医院等级', { enumeration: HOSPITAL_LEVEL_ENUM, aliases: ['等级'], width: 10 }),
  column('profile.grade', '等次', { enumeration: HOSPITAL_GRADE_ENUM, aliases: ['医院等次'], width: 10 }),
  column('profile.creditCode', '统一社会信用代码', {
    kind: 'code',
    maxLength: 18,
    aliases: ['社会信用代码', '信用代码'],
    width: 22,
  }),
  column('profile.address', '地址', { maxLength: 200, aliases: ['单位地址', '机构地址'], width: 36 }),
  column('profile.legalRepresentative', '法定代表人', { maxLength: 50, aliases: ['法人代表', '负责人'], width: 12 }),
  column('profile.contactPhone', '联系电话', { kind: 'code', maxLength: 30, aliases: ['电话'] }),
  // Last, so sheets made before it still line up; required on agency rows only.
  column('agencyType', '协同部门类别', { enumeration: AGENCY_TYPE_ENUM, aliases: ['部门类别'], width: 12 }),
];

export const DEPARTMENT_COLUMNS: readonly ColumnSpec[] = [
  column('id', '科室编码', { ...ID, requiredColumn: true }),
  column('institutionId', '所属机构编码', { ...ID, requiredColumn: true, aliases: ['机构编码', '所属单位编码'] }),
  column('name', '科室名称', { requiredColumn: true, width: 24 }),
];

export const USER_COLUMNS: readonly ColumnSpec[] = [
  column('id', '用户编码', { ...ID, requiredColumn: true }),
  column('username', '登录名', { ...ID, requiredColumn: true, aliases: ['用户名', '账号'] }),
  column('name', '姓名', { requiredColumn: true, maxLength: 50, width: 12 }),
  column('phone', '手机号', { kind: 'code', requiredColumn: true, maxLength: 30, aliases: ['手机号码', '联系电话'] }),
  column('role', '角色', { requiredColumn: true, enumeration: DIRECTORY_ROLE_ENUM, width: 12 }),
  column('unitId', '所属单位编码', { ...ID, requiredColumn: true, aliases: ['单位编码'] }),
  column('departmentId', '科室编码', { ...ID, aliases: ['所属科室编码'] }),
  column('status', '状态', { enumeration: USER_STATUS_ENUM, aliases: ['账号状态'], width: 10 }),
  // Last, so sheets made before it still line up; optional: notifications by e-mail need it.
  column('email', '电子邮箱', { kind: 'code', maxLength: 254, aliases: ['邮箱', 'Email', 'E-mail'], width: 24 }),
];

export const DIRECTORY_COLUMNS: Readonly<Record<DirectorySheet, readonly ColumnSpec[]>> = {
  units: UNIT_COLUMNS,
  departments: DEPARTMENT_COLUMNS,
  users: USER_COLUMNS,
};

/** The columns of an institution's profile (机构类别 … 联系电话): required on institution rows only. */
export const PROFILE_COLUMNS: readonly ColumnSpec[] = UNIT_COLUMNS.filter((c) => c.field.startsWith('profile.'));
