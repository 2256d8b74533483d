import { Role } from '@bihuan/core';
import { UnitKind } from './jurisdiction';

/** The roles a person can hold (not the `public` and `system` actors of the core). */
export type UserRole = Exclude<Role, 'public' | 'system'>;

const COMMISSION_UNITS: readonly UnitKind[] = ['province', 'city', 'county'];

/**
 * The one place that says which kind of unit each role belongs to: a hospital user works in an
 * institution; inspectors, leaders, partners and admins work in a health commission (province,
 * city or county). Tokens and (later) the user directory are checked against this.
 */
export const UNIT_KINDS_OF_ROLE: Readonly<Record<UserRole, readonly UnitKind[]>> = {
  hospital: ['institution'],
  inspector: COMMISSION_UNITS,
  leader: COMMISSION_UNITS,
  partner: COMMISSION_UNITS,
  admin: COMMISSION_UNITS,
};

export const USER_ROLES = Object.keys(UNIT_KINDS_OF_ROLE) as readonly UserRole[];

export function isUserRole(role: unknown): role is UserRole {
  return typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role);
}

/** Whether a person with `role` can belong to a unit of `kind`. */
export function roleFitsUnit(role: UserRole, kind: UnitKind): boolean {
  return UNIT_KINDS_OF_ROLE[role].includes(kind);
}
