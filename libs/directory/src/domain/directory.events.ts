import { DomainEvent } from '@bihuan/core';
import {
  DirectoryDepartment,
  DirectoryPerson,
  DirectoryStaff,
  DirectoryUnit,
  InspectorConflict,
  UnitChanges,
  UserChanges,
} from './directory.model';

type E<T extends string, D extends object> = DomainEvent<T, D>;

export type UnitCreated = E<'UnitCreated', { readonly unit: DirectoryUnit }>;
export type UnitUpdated = E<'UnitUpdated', { readonly unitId: string } & UnitChanges>;
export type UnitMoved = E<'UnitMoved', { readonly unitId: string; readonly fromParentId: string | null; readonly toParentId: string }>;
export type DepartmentCreated = E<'DepartmentCreated', { readonly department: DirectoryDepartment }>;
export type DepartmentUpdated = E<'DepartmentUpdated', { readonly departmentId: string; readonly name: string }>;
export type UserCreated = E<'UserCreated', { readonly user: Omit<DirectoryPerson, 'conflicts'> }>;
export type UserUpdated = E<'UserUpdated', { readonly userId: string } & UserChanges>;
export type UserDisabled = E<'UserDisabled', { readonly userId: string }>;
export type UserEnabled = E<'UserEnabled', { readonly userId: string }>;
export type InspectorConflictsSet = E<
  'InspectorConflictsSet',
  { readonly userId: string; readonly conflicts: readonly InspectorConflict[] }
>;
export type StaffRegistered = E<'StaffRegistered', { readonly staff: DirectoryStaff }>;
/** Closes the batch of an import or seed: how many rows it applied, so the history shows one act. */
export type DirectoryImported = E<
  'DirectoryImported',
  { readonly source: 'import' | 'seed-none' | 'seed-demo'; readonly units: number; readonly departments: number; readonly users: number }
>;

export type DirectoryEvent =
  | UnitCreated
  | UnitUpdated
  | UnitMoved
  | DepartmentCreated
  | DepartmentUpdated
  | UserCreated
  | UserUpdated
  | UserDisabled
  | UserEnabled
  | InspectorConflictsSet
  | StaffRegistered
  | DirectoryImported;

export const DIRECTORY_EVENT_TYPES: readonly DirectoryEvent['type'][] = [
  'UnitCreated',
  'UnitUpdated',
  'UnitMoved',
  'DepartmentCreated',
  'DepartmentUpdated',
  'UserCreated',
  'UserUpdated',
  'UserDisabled',
  'UserEnabled',
  'InspectorConflictsSet',
  'StaffRegistered',
  'DirectoryImported',
];
