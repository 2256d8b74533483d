import { DepartmentInput, UnitInput, UserInput } from '../domain/directory-inputs';
import { DIRECTORY_COLUMNS } from './directory-columns';
import {
  AGENCY_TYPE_ENUM,
  DIRECTORY_ROLE_LABELS,
  DirectorySheet,
  HOSPITAL_GRADE_ENUM,
  HOSPITAL_LEVEL_ENUM,
  INSTITUTION_TYPE_ENUM,
  OWNERSHIP_ENUM,
  UNIT_KIND_LABELS,
  USER_STATUS_ENUM,
} from './directory-vocabulary';

/** The directory as the export writes it: the same inputs an import produces. */
export interface DirectorySnapshot {
  readonly units: readonly UnitInput[];
  readonly departments: readonly DepartmentInput[];
  readonly users: readonly UserInput[];
}

/** The empty directory (for the template). */
export const EMPTY_DIRECTORY_SNAPSHOT: DirectorySnapshot = { units: [], departments: [], users: [] };

function unitCells(unit: UnitInput): Record<string, string> {
  const p = unit.profile;
  return {
    id: unit.id,
    name: unit.name,
    kind: UNIT_KIND_LABELS[unit.kind],
    parentId: unit.parentId ?? '',
    'profile.institutionType': p ? INSTITUTION_TYPE_ENUM.labels[p.institutionType] : '',
    'profile.ownership': p ? OWNERSHIP_ENUM.labels[p.ownership] : '',
    'profile.level': p ? HOSPITAL_LEVEL_ENUM.labels[p.level] : '',
    'profile.grade': p ? HOSPITAL_GRADE_ENUM.labels[p.grade] : '',
    'profile.creditCode': p?.creditCode ?? '',
    'profile.address': p?.address ?? '',
    'profile.legalRepresentative': p?.legalRepresentative ?? '',
    'profile.contactPhone': p?.contactPhone ?? '',
    agencyType: unit.agencyType ? AGENCY_TYPE_ENUM.labels[unit.agencyType] : '',
  };
}

function departmentCells(department: DepartmentInput): Record<string, string> {
  return { id: department.id, institutionId: department.institutionId, name: department.name };
}

function userCells(user: UserInput): Record<string, string> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    phone: user.phone,
    email: user.email ?? '',
    role: DIRECTORY_ROLE_LABELS[user.role],
    unitId: user.unitId,
    departmentId: user.departmentId ?? '',
    status: USER_STATUS_ENUM.labels[user.status],
  };
}

/** The column headers of a sheet, in order (单位编码, 单位名称, …). */
export function sheetHeaders(sheet: DirectorySheet): string[] {
  return DIRECTORY_COLUMNS[sheet].map((c) => c.header);
}

/** A sheet's data rows as text in column order: Chinese labels for list values, '' for none. */
export function sheetRows(snapshot: DirectorySnapshot, sheet: DirectorySheet): string[][] {
  const cells: Record<string, string>[] =
    sheet === 'units'
      ? snapshot.units.map(unitCells)
      : sheet === 'departments'
        ? snapshot.departments.map(departmentCells)
        : snapshot.users.map(userCells);
  return cells.map((row) => DIRECTORY_COLUMNS[sheet].map((c) => row[c.field] ?? ''));
}
