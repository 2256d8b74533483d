/** Who may act in Bihuan. `public` is an unauthenticated complainant, `system` a saga or timer. */
export const ROLES = ['inspector', 'hospital', 'leader', 'admin', 'partner', 'public', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** The person behind a message: user id, role, and the unit (jurisdiction node) they act for. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly unit: string;
}

/** The actor recorded on events produced by sagas, timers and projections. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system', unit: 'root' });
