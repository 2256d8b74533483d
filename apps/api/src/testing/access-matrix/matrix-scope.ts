import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { Actor } from '@bihuan/core';
import { Marker } from './matrix-markers';

/**
 * A reader of the matrix: every demo user, a city's admin (delegated administration, issue 16:
 * not in the demo directory, so its token passes as one the directory does not know), plus nobody.
 */
export interface Reader {
  readonly id: string;
  readonly actor: Actor | null;
}

export const READERS: readonly Reader[] = [
  ...DEMO_USERS.map((u) => ({ id: u.id, actor: { id: u.id, role: u.role, unit: u.unit } })),
  { id: 'admin.city-a', actor: { id: 'admin.city-a', role: 'admin', unit: 'city-a' } },
  { id: 'no-token', actor: null },
];

const jurisdiction = new Jurisdiction(DEMO_UNITS);
const policy = new AccessPolicy(jurisdiction);

/**
 * The scope rule the matrix expects (domain.md, "People"): a hospital only its own institution;
 * inspectors, leaders and admins their unit's subtree (the province's admin: everything); partners the credit information
 * of the commission their agency works beside (AccessPolicy gives them its subtree).
 */
export function inScope(reader: Reader, unit: string): boolean {
  return reader.actor !== null && policy.inScope(reader.actor, unit);
}

/** An admin of a root unit: the only reader of @SystemWide routes. */
export function isSystemAdmin(reader: Reader): boolean {
  return reader.actor !== null && policy.isSystemAdmin(reader.actor);
}

/** How the target relates to the reader, for the violation report (own / sibling / parent / other-city …). */
export function relation(reader: Reader, unit: string): string {
  const a = reader.actor;
  if (!a) return 'public';
  if (a.unit === unit) return 'own';
  if (jurisdiction.contains(a.unit, unit)) return 'own-subtree';
  if (jurisdiction.contains(unit, a.unit)) return 'parent';
  const city = (u: string) =>
    jurisdiction.get(u)?.kind === 'province'
      ? u
      : [u, jurisdiction.get(u)?.parentId, jurisdiction.get(jurisdiction.get(u)?.parentId ?? '')?.parentId].find(
          (x) => x && jurisdiction.get(x)?.kind === 'city',
        );
  return city(a.unit) === city(unit) ? 'sibling' : 'other-city';
}

/** May this reader see this marker anywhere (body or export)? */
export function maysee(reader: Reader, m: Marker): boolean {
  const a = reader.actor;
  switch (m.cls) {
    case 'public':
      return true;
    case 'secret':
      return false;
    case 'blacklist':
      return a?.role === 'partner';
    case 'identity':
    case 'planned':
    case 'internal':
      if (!a || a.role === 'hospital' || a.role === 'partner') return false;
      return inScope(reader, m.institution);
    case 'case':
      if (!a) return false;
      if (m.context === 'referrals') return seesExchange(reader, m.institution, m.agency ?? null);
      if (a.role === 'partner' && m.context !== 'credit') return false;
      return inScope(reader, m.institution);
  }
}

/**
 * A referral or a lead (issue 22, item 4): the partner agency it went to or came from, the
 * commission staff whose jurisdiction covers `unit` (the case's institution; a lead's commission),
 * never a hospital, never another agency.
 */
export function seesExchange(reader: Reader, unit: string, agency: string | null): boolean {
  const a = reader.actor;
  if (!a || a.role === 'hospital') return false;
  if (a.role === 'partner') return a.unit === agency;
  return inScope(reader, unit);
}
