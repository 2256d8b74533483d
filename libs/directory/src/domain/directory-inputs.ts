import { Role } from '@bihuan/core';
import { AgencyType, DirectoryUnitKind, InstitutionProfile, UserStatus } from './directory-attributes';

/**
 * What a person or a file asks the directory to hold — the inputs of the directory's commands,
 * shared by the HTTP forms and the XLSX/CSV import so both are checked by the same decider.
 */

/** The roles a directory user can hold (the core's `public` and `system` are not people). */
export type DirectoryRole = Exclude<Role, 'public' | 'system'>;
export const DIRECTORY_ROLES = ['admin', 'leader', 'inspector', 'hospital', 'partner'] as const satisfies readonly DirectoryRole[];

export interface UnitInput {
  /** Stable code chosen by the office (e.g. its own 机构编码); letters, digits, `-` and `_`. */
  readonly id: string;
  readonly name: string;
  readonly kind: DirectoryUnitKind;
  /** null only for the root (the province). */
  readonly parentId: string | null;
  /** Required for institutions, absent for commission units. */
  readonly profile?: InstitutionProfile;
  /** Required for partner agencies (kind `agency`), absent for every other unit. */
  readonly agencyType?: AgencyType;
}

export interface DepartmentInput {
  readonly id: string;
  readonly institutionId: string;
  readonly name: string;
}

export interface UserInput {
  readonly id: string;
  /** Sign-in name, unique in the directory (case-insensitive). */
  readonly username: string;
  readonly name: string;
  readonly phone: string;
  /** Work e-mail for notifications (optional). */
  readonly email?: string;
  readonly role: DirectoryRole;
  readonly unitId: string;
  readonly departmentId: string | null;
  readonly status: UserStatus;
}

/** Where an imported item came from, so a rejection names the sheet and row the office typed. */
export interface RowRef {
  readonly sheet: 'units' | 'departments' | 'users';
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  readonly row: number;
}

export interface ImportItem<T> {
  readonly ref: RowRef;
  readonly input: T;
}

/** One rejected row: which field broke which rule, in words the office can act on. */
export interface RowRejection extends RowRef {
  readonly field: string;
  /** Stable rule code, e.g. `DIRECTORY.INVALID_CREDIT_CODE`. */
  readonly rule: string;
  readonly message: string;
}

/** A whole import: applied all together or not at all. */
export interface DirectoryImport {
  readonly units: readonly ImportItem<UnitInput>[];
  readonly departments: readonly ImportItem<DepartmentInput>[];
  readonly users: readonly ImportItem<UserInput>[];
}
