import { Actor, Role } from '@bihuan/core';

/**
 * How much of a person's identity each role sees (domain.md §2: "the institution never sees who
 * complained"). `full` and `masked` roles may also call `reveal` for the full identity with a
 * stated purpose; `hidden` roles never get any of it, not even masked.
 *
 * - inspector, leader: full — they handle and audit complaints and may need to call the person.
 * - admin: masked in case views and dossiers (operators run the system, they do not handle cases);
 *   an explicit, recorded `reveal` gives them the full identity for legal requests (access or
 *   erasure requests by the person).
 * - hospital, partner, public, system: hidden.
 */
export type IdentityDisplay = 'full' | 'masked' | 'hidden';

export const IDENTITY_DISPLAY: Readonly<Record<Role, IdentityDisplay>> = Object.freeze({
  inspector: 'full',
  leader: 'full',
  admin: 'masked',
  hospital: 'hidden',
  partner: 'hidden',
  public: 'hidden',
  system: 'hidden',
});

/** Roles that may read personal data at all (through `reveal`). */
export const IDENTITY_READER_ROLES: readonly Role[] = Object.freeze(
  (Object.keys(IDENTITY_DISPLAY) as Role[]).filter((r) => IDENTITY_DISPLAY[r] !== 'hidden'),
);

/** Roles that may erase a subject: operators, and `system` for automatic retention expiry. */
export const ERASER_ROLES: readonly Role[] = Object.freeze(['admin', 'system'] as Role[]);

export function identityDisplayFor(reader: Actor): IdentityDisplay {
  return IDENTITY_DISPLAY[reader.role] ?? 'hidden';
}

/**
 * Jurisdiction check, structurally the `AccessPolicy` of `@bihuan/auth` (a leader of one county
 * does not read complainants of a sibling county). Optional: without it only roles are checked.
 */
export interface ScopePolicy {
  inScope(actor: Actor, unitId: string): boolean;
}
