import { Actor, DomainError, Role } from '@bihuan/core';
import { Jurisdiction } from './jurisdiction';

/**
 * Scope rules (domain.md, "People"): a hospital user acts and reads only within its own
 * institution; inspectors and leaders within their jurisdiction subtree; admins everywhere
 * for operations; nobody in a sibling's subtree.
 */
export class AccessPolicy {
  constructor(readonly jurisdiction: Jurisdiction) {}

  /** May this actor see or act on things belonging to `unitId`? */
  inScope(actor: Actor, unitId: string): boolean {
    switch (actor.role) {
      case 'admin':
      case 'system':
        return true;
      case 'hospital':
        return actor.unit === unitId;
      case 'inspector':
      case 'leader':
      case 'partner':
        return this.jurisdiction.contains(actor.unit, unitId);
      case 'public':
        return false;
    }
  }

  /** Throws 403 AUTH.OUT_OF_SCOPE naming the unit when the actor may not touch it. */
  assertInScope(actor: Actor, unitId: string, what = 'this record'): void {
    if (!this.inScope(actor, unitId)) {
      throw DomainError.forbidden(
        'AUTH.OUT_OF_SCOPE',
        `${actor.role} ${actor.id} of ${actor.unit} may not access ${what} of unit ${unitId}`,
      );
    }
  }

  /** Throws 403 AUTH.ROLE_NOT_ALLOWED unless the actor has one of the roles. */
  assertRole(actor: Actor, roles: readonly Role[], action: string): void {
    if (!roles.includes(actor.role)) {
      throw new DomainError(
        'AUTH.ROLE_NOT_ALLOWED',
        `${action} is not allowed for role ${actor.role} (allowed: ${roles.join(', ')})`,
        'forbidden',
        { role: actor.role, allowed: roles },
      );
    }
  }

  /** Institution ids an actor may read, for list filters. */
  visibleInstitutions(actor: Actor): string[] {
    if (actor.role === 'hospital') return [actor.unit];
    if (actor.role === 'public') return [];
    const root = actor.role === 'admin' || actor.role === 'system' ? this.roots() : [actor.unit];
    return root.flatMap((id) => this.jurisdiction.institutionsUnder(id).map((u) => u.id));
  }

  private roots(): string[] {
    return this.jurisdiction
      .all()
      .filter((u) => u.parentId === null)
      .map((u) => u.id);
  }
}
