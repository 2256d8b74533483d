import { Role } from '@bihuan/core';
import { Unit, UnitKind } from './jurisdiction';

/** The roles a person can hold (not the `public` and `system` actors of the core). */
export type UserRole = Exclude<Role, 'public' | 'system'>;

/** The health commissions (卫生健康行政部门): the units that receive complaints, refer cases and run the loops. */
export const COMMISSION_UNIT_KINDS: readonly UnitKind[] = ['province', 'city', 'county'];

/**
 * The one place that says which kind of unit each role belongs to: a hospital user works in an
 * institution; inspectors, leaders and admins work in a health commission (province, city or
 * county); a partner in a partner agency (协同部门: 纪检监察, 公安, 医保 … — ADR 0022). Tokens and
 * the user directory are checked against this.
 */
export const UNIT_KINDS_OF_ROLE: Readonly<Record<UserRole, readonly UnitKind[]>> = {
  hospital: ['institution'],
  inspector: COMMISSION_UNIT_KINDS,
  leader: COMMISSION_UNIT_KINDS,
  partner: ['agency'],
  admin: COMMISSION_UNIT_KINDS,
};

export const USER_ROLES = Object.keys(UNIT_KINDS_OF_ROLE) as readonly UserRole[];

export function isUserRole(role: unknown): role is UserRole {
  return typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role);
}

/** Whether a person with `role` can belong to a unit of `kind`. */
export function roleFitsUnit(role: UserRole, kind: UnitKind): boolean {
  return UNIT_KINDS_OF_ROLE[role].includes(kind);
}

/** Whether a unit is a health commission (not an institution, not a partner agency). */
export function isCommissionUnit(unit: Pick<Unit, 'kind'>): boolean {
  return COMMISSION_UNIT_KINDS.includes(unit.kind);
}
