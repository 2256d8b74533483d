/** Who may act in Bihuan. `public` is an unauthenticated complainant, `system` a saga or timer. */
export const ROLES = ['inspector', 'hospital', 'leader', 'admin', 'partner', 'public', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** 角色 as offices name them: the one home of these words (catalogue, directory lists, histories, dossiers). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  inspector: '监督员',
  hospital: '医院',
  leader: '领导',
  admin: '管理员',
  partner: '协同单位',
  public: '公众',
  system: '系统',
};

/** The person behind a message: user id, role, and the unit (jurisdiction node) they act for. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly unit: string;
}

/** The actor recorded on events produced by sagas, timers and projections. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system', unit: 'root' });
