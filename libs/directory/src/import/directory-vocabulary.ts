import { ROLE_LABELS } from '@bihuan/core';
import {
  AGENCY_TYPES,
  DirectoryUnitKind,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  USER_STATUSES,
} from '../domain/directory-attributes';
import { DirectoryRole, RowRef } from '../domain/directory-inputs';

/** The three lists an office keeps, as sheets of one workbook or as one CSV file each. */
export type DirectorySheet = RowRef['sheet'];
export const DIRECTORY_SHEETS: readonly DirectorySheet[] = ['units', 'departments', 'users'];

/** Sheet names as written in the workbook (and in rejection messages). */
export const DIRECTORY_SHEET_NAMES: Readonly<Record<DirectorySheet, string>> = {
  units: '单位',
  departments: '科室',
  users: '用户',
};

/** 角色 in directory lists: the core's words for the roles an office assigns (no `public`, `system`). */
const DIRECTORY_ROLE_ORDER: readonly DirectoryRole[] = ['admin', 'leader', 'inspector', 'hospital', 'partner'];
export const DIRECTORY_ROLE_LABELS: Readonly<Record<DirectoryRole, string>> = Object.fromEntries(
  DIRECTORY_ROLE_ORDER.map((role) => [role, ROLE_LABELS[role]]),
) as Record<DirectoryRole, string>;

/** 层级: the unit kinds have no labels in the domain vocabulary yet. */
export const UNIT_KIND_LABELS: Readonly<Record<DirectoryUnitKind, string>> = {
  province: '省级',
  city: '市级',
  county: '县级',
  institution: '医疗机构',
  agency: '协同部门',
};

/**
 * A closed list a cell must name: by its Chinese label (what the export writes), its English code,
 * or one of the other ways offices commonly write it (aliases).
 */
export interface Enumeration<C extends string = string> {
  readonly labels: Readonly<Record<C, string>>;
  readonly aliases: Readonly<Record<string, C>>;
}

function enumeration<C extends string>(labels: Record<C, string>, aliases: Record<string, NoInfer<C>> = {}): Enumeration<C> {
  return { labels, aliases };
}

export const UNIT_KIND_ENUM = enumeration(UNIT_KIND_LABELS, {
  省: 'province',
  省卫生健康委: 'province',
  市: 'city',
  地市: 'city',
  地市级: 'city',
  县: 'county',
  区: 'county',
  县区: 'county',
  区县: 'county',
  '县(区)': 'county',
  '县（区）': 'county',
  区县级: 'county',
  机构: 'institution',
  医疗卫生机构: 'institution',
  协同单位: 'agency',
  成员单位: 'agency',
});
export const AGENCY_TYPE_ENUM = enumeration(AGENCY_TYPES, {
  纪委监委: 'discipline',
  纪检: 'discipline',
  公安局: 'police',
  检察院: 'procuratorate',
  医保: 'medical_insurance',
  医保局: 'medical_insurance',
  市场监管局: 'market_regulation',
  信访局: 'petition',
});
export const INSTITUTION_TYPE_ENUM = enumeration(INSTITUTION_TYPES, {
  中医院: 'tcm_hospital',
  妇幼保健院: 'maternal_child',
  基层医疗机构: 'primary_care',
  其他: 'other',
});
export const OWNERSHIP_ENUM = enumeration(OWNERSHIPS, { 公办: 'public', 私立: 'private', 社会办医: 'social' });
export const HOSPITAL_LEVEL_ENUM = enumeration(HOSPITAL_LEVELS, { 未评级: 'unrated', 无: 'unrated' });
export const HOSPITAL_GRADE_ENUM = enumeration(HOSPITAL_GRADES, { 甲: 'jia', 乙: 'yi', 丙: 'bing', 无: 'none' });
export const USER_STATUS_ENUM = enumeration(USER_STATUSES, { 启用: 'active', 正常: 'active', 禁用: 'disabled' });
export const DIRECTORY_ROLE_ENUM = enumeration(DIRECTORY_ROLE_LABELS, {
  系统管理员: 'admin',
  监督检查员: 'inspector',
  检查员: 'inspector',
  医疗机构: 'hospital',
});

/** The code a cell names, or null when it names none of the list's values. */
export function enumerationCode<C extends string>(list: Enumeration<C>, text: string): C | null {
  const codes = Object.keys(list.labels) as C[];
  const lower = text.toLowerCase();
  return (
    codes.find((code) => list.labels[code] === text) ??
    codes.find((code) => code.toLowerCase() === lower) ??
    (Object.hasOwn(list.aliases, text) ? list.aliases[text] : undefined) ??
    null
  );
}

/** The labels a cell may hold, for messages and dropdowns: 综合医院、中医医院 … */
export function enumerationLabels(list: Enumeration): readonly string[] {
  return Object.values(list.labels);
}
