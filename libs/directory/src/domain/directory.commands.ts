import { Command } from '@bihuan/core';
import { DirectoryImport, DepartmentInput, UnitInput, UserInput } from './directory-inputs';
import { DirectoryStaff, InspectorConflict, UnitChanges, UserChanges } from './directory.model';

type C<T extends string, D extends object> = Command<T, D>;

export type CreateUnit = C<'CreateUnit', { readonly unit: UnitInput }>;
export type UpdateUnit = C<'UpdateUnit', { readonly unitId: string } & UnitChanges>;
export type MoveUnit = C<'MoveUnit', { readonly unitId: string; readonly parentId: string }>;
export type CreateDepartment = C<'CreateDepartment', { readonly department: DepartmentInput }>;
export type UpdateDepartment = C<'UpdateDepartment', { readonly departmentId: string; readonly name: string }>;
export type CreateUser = C<'CreateUser', { readonly user: UserInput }>;
export type UpdateUser = C<'UpdateUser', { readonly userId: string } & UserChanges>;
export type DisableUser = C<'DisableUser', { readonly userId: string }>;
export type EnableUser = C<'EnableUser', { readonly userId: string }>;
export type SetInspectorConflicts = C<
  'SetInspectorConflicts',
  { readonly userId: string; readonly conflicts: readonly InspectorConflict[] }
>;
export type RegisterStaff = C<'RegisterStaff', { readonly staff: DirectoryStaff }>;
/** A whole file: every row valid → one batch of events; any bad row → 422 with every rejection, nothing written. */
export type ImportDirectory = C<'ImportDirectory', { readonly import: DirectoryImport }>;
/** First start: applied only to an empty directory (a second process starting at once writes nothing). */
export type SeedDirectory = C<'SeedDirectory', { readonly seed: 'none' | 'demo'; readonly import: DirectoryImport }>;

export type DirectoryCommand =
  | CreateUnit
  | UpdateUnit
  | MoveUnit
  | CreateDepartment
  | UpdateDepartment
  | CreateUser
  | UpdateUser
  | DisableUser
  | EnableUser
  | SetInspectorConflicts
  | RegisterStaff
  | ImportDirectory
  | SeedDirectory;
