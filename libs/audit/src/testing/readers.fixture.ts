import { Actor } from '@bihuan/core';

export const LEADER: Actor = { id: 'u-leader-1', role: 'leader', unit: 'city-9' };
export const ADMIN: Actor = { id: 'u-admin', role: 'admin', unit: 'city-9' };
