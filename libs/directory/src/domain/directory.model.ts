import { AgencyType, ConflictReason, DirectoryUnitKind, InstitutionProfile, UserStatus } from './directory-attributes';
import { DepartmentInput, DirectoryRole, UnitInput } from './directory-inputs';

/** The one stream of the directory: small enough (hundreds of units, thousands of people) for atomic imports and a total order. */
export const DIRECTORY_CATEGORY = 'directory';
export const DIRECTORY_ID = 'main';

export type DirectoryUnit = UnitInput;
export type DirectoryDepartment = DepartmentInput;

/** A reason an inspector must not inspect an institution (回避). */
export interface InspectorConflict {
  readonly institutionId: string;
  readonly reason: ConflictReason;
}

/** A person who signs in. The id is the sign-in name; `username` is the same, as the import file writes it. */
export interface DirectoryPerson {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  /** Work e-mail for notifications (optional; UserCreated events without it read as before). */
  readonly email?: string;
  readonly role: DirectoryRole;
  readonly unitId: string;
  readonly departmentId: string | null;
  readonly status: UserStatus;
  /** Institutions the person (an inspector) must not be sent to. */
  readonly conflicts: readonly InspectorConflict[];
}

/** A staff member (医务人员) of an institution whose ethics archive may exist: not a user, never signs in. */
export interface DirectoryStaff {
  readonly id: string;
  readonly name: string;
  readonly institutionId: string;
  readonly departmentId: string | null;
}

/** What the directory holds; `empty` until the first unit is written (the seed looks at it). */
export interface DirectoryState {
  readonly status: 'empty' | 'held';
  readonly units: ReadonlyMap<string, DirectoryUnit>;
  readonly departments: ReadonlyMap<string, DirectoryDepartment>;
  readonly users: ReadonlyMap<string, DirectoryPerson>;
  readonly staff: ReadonlyMap<string, DirectoryStaff>;
}

export const EMPTY_DIRECTORY: DirectoryState = {
  status: 'empty',
  units: new Map(),
  departments: new Map(),
  users: new Map(),
  staff: new Map(),
};

/** Rules the directory applies but does not own (injected by the application layer, so each has one home). */
export interface DirectoryRules {
  /** Whether a person with `role` may belong to a unit of `kind` (@bihuan/auth role-units.ts). */
  roleFitsUnit(role: DirectoryRole, kind: DirectoryUnitKind): boolean;
}

/** The changeable part of a unit (UpdateUnit): name and, for an institution, its profile; for an agency, its type (absent: unchanged). */
export interface UnitChanges {
  readonly name: string;
  readonly profile?: InstitutionProfile;
  readonly agencyType?: AgencyType;
}

/** The changeable part of a person (UpdateUser). */
export interface UserChanges {
  readonly name: string;
  readonly phone: string;
  /** Work e-mail for notifications; '' clears it, absent leaves it as it is. */
  readonly email?: string;
  readonly role: DirectoryRole;
  readonly unitId: string;
  readonly departmentId: string | null;
}
