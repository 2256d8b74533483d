import { DomainError, Role } from '@bihuan/core';
import { Jurisdiction } from './jurisdiction';

/** A person in the directory: who may sign in, in which role, at which unit. */
export interface DirectoryUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly unit: string;
  readonly active: boolean;
}

/**
 * Read port for the directory's people. Narrow on purpose: a later event-sourced directory
 * replaces the static adapter without touching the commands that check references against it.
 */
export abstract class UserDirectory {
  abstract get(userId: string): DirectoryUser | undefined;
  abstract all(): readonly DirectoryUser[];
}

/** The directory as configured at start (jurisdiction.json or the demo fixture). */
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
 * Checks each id of `inspectorIds` for an institution: unknown or inactive → 400
 * `AUTH.UNKNOWN_USER`, not an inspector covering the institution → 422 `AUTH.INSPECTOR_NOT_COVERING`,
 * both naming `field[i]`.
 */
export function assertInspectorsCover(
  directory: UserDirectory,
  jurisdiction: Jurisdiction,
  inspectorIds: readonly string[],
  institutionId: string,
  field = 'inspectorIds',
): void {
  inspectorIds.forEach((id, i) => {
    const user = directory.get(id);
    const at = `${field}[${i}]`;
    if (!user || !user.active) throw DomainError.invalid('AUTH.UNKNOWN_USER', at, `${at} "${id}" is not a known active user`);
    if (!inspectorCovers(jurisdiction, user, institutionId)) {
      throw new DomainError('AUTH.INSPECTOR_NOT_COVERING', `${at} "${id}" is not an inspector whose unit covers institution ${institutionId}`, 'rule', { field: at });
    }
  });
}
