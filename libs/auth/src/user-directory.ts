import { UserRole } from './role-units';
import { DomainError } from '@bihuan/core';
import { Jurisdiction } from './jurisdiction';

/** A person in the directory: who may sign in, in which role, at which unit. */
export interface DirectoryUser {
  /** The sign-in name (lowercase letters, digits, `.`, `_`, `-`): tokens name it as `sub`. */
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
  readonly unit: string;
  /** False once disabled: the guard refuses the user's tokens on the next request (401). */
  readonly active: boolean;
  readonly phone?: string;
  /** Work e-mail, where the directory records one: notifications go there when e-mail is configured. */
  readonly email?: string;
  /** The department (科室) inside the user's institution, if any. */
  readonly departmentId?: string | null;
}

/**
 * Read port for the directory's people. Narrow on purpose: the event-sourced directory
 * (@bihuan/directory's LiveDirectory) answers it in the running apps, the static adapter in specs.
 */
export abstract class UserDirectory {
  abstract get(userId: string): DirectoryUser | undefined;
  abstract all(): readonly DirectoryUser[];
}

/** A fixed directory of people (specs and tools; the apps use the live directory). */
export class StaticUserDirectory extends UserDirectory {
  private readonly users = new Map<string, DirectoryUser>();

  constructor(users: readonly DirectoryUser[], jurisdiction: Jurisdiction) {
    super();
    for (const user of users) {
      if (this.users.has(user.id)) throw new Error(`Duplicate user id ${user.id}`);
      if (!jurisdiction.get(user.unit)) throw new Error(`User ${user.id} names unknown unit ${user.unit}`);
      this.users.set(user.id, user);
    }
  }

  get(userId: string): DirectoryUser | undefined {
    return this.users.get(userId);
  }

  all(): readonly DirectoryUser[] {
    return [...this.users.values()];
  }
}

/**
 * Inspectors who may inspect an institution: known, active, role inspector, and their unit covers
 * it. The one rule for every path that names inspectors (visits, the random draw).
 */
export function inspectorCovers(jurisdiction: Jurisdiction, user: DirectoryUser | undefined, institutionId: string): boolean {
  return !!user && user.active && user.role === 'inspector' && jurisdiction.contains(user.unit, institutionId);
}

/**
 * One inspector named for an institution: unknown or inactive → 400 `AUTH.UNKNOWN_USER`, not an
 * inspector whose unit covers the institution → 422 `AUTH.INSPECTOR_NOT_COVERING`, naming `field`.
 */
export function assertInspectorCovers(
  directory: UserDirectory,
  jurisdiction: Jurisdiction,
  inspectorId: string,
  institutionId: string,
  field: string,
): void {
  const user = directory.get(inspectorId);
  if (!user || !user.active) throw DomainError.invalid('AUTH.UNKNOWN_USER', field, `${field} "${inspectorId}" is not a known active user`);
  if (!inspectorCovers(jurisdiction, user, institutionId)) {
    throw new DomainError(
      'AUTH.INSPECTOR_NOT_COVERING',
      `${field} "${inspectorId}" is not an inspector whose unit covers institution ${institutionId}`,
      'rule',
      { field },
    );
  }
}

/** assertInspectorCovers for each id of a list, naming `field[i]`. */
export function assertInspectorsCover(
  directory: UserDirectory,
  jurisdiction: Jurisdiction,
  inspectorIds: readonly string[],
  institutionId: string,
  field = 'inspectorIds',
): void {
  inspectorIds.forEach((id, i) => assertInspectorCovers(directory, jurisdiction, id, institutionId, `${field}[${i}]`));
}
