import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { ChannelKind, NotificationRecipient } from '../notification';
import { NotificationsPolicy } from '../notifications.policy';
import { Audience } from '../workflows/notification-intent';

/** Which channels a user wants for a kind (h-8's per-user preferences plug in here); the inbox is always added. */
export type ChannelPreference = (userId: string, kind: string) => Promise<readonly ChannelKind[]> | readonly ChannelKind[];

/** Every channel: what a user without preferences gets (each still only when it has an address and is configured). */
export const ALL_CHANNELS: ChannelPreference = () => ['inbox', 'email', 'webhook', 'sms'];

/** Where a unit sits in the directory (Jurisdiction answers it): enough to find who oversees it. */
export interface UnitParents {
  get(unitId: string): { readonly parentId: string | null } | undefined;
}

function inUnit(directory: UserDirectory, unitId: string, role: string): DirectoryUser[] {
  return directory
    .all()
    .filter((u) => u.active && u.unit === unitId && u.role === role)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The active directory users an audience names, sorted by id (so "the first recipient" is the same
 * in every worker). A unit-and-role audience is everyone of that role at that unit (a hospital's
 * quality office users, a commission's inspectors); overseers the inspectors of the unit's parent
 * commission; named users count only while active.
 */
export function usersOf(directory: UserDirectory, audience: Audience, units: UnitParents): DirectoryUser[] {
  switch (audience.kind) {
    case 'unitRole':
      return inUnit(directory, audience.unitId, audience.role);
    case 'overseers': {
      const parentId = units.get(audience.unitId)?.parentId;
      return parentId ? inUnit(directory, parentId, 'inspector') : [];
    }
    case 'users':
      return audience.userIds
        .map((id) => directory.get(id))
        .filter((u): u is DirectoryUser => !!u && u.active)
        .sort((a, b) => a.id.localeCompare(b.id));
    case 'complainant':
      return [];
    default: {
      const never: never = audience;
      return never;
    }
  }
}

/**
 * A user's recipient record: the addresses the directory has. The webhook endpoints of the user's
 * unit (policy endpoints taking the kind and, when they list units, this unit) are attached by the
 * producer to one recipient per unit only, so a group robot gets one message, not one per person.
 */
export function recipientOf(user: DirectoryUser): NotificationRecipient {
  return {
    userId: user.id,
    unitId: user.unit,
    ...(user.email ? { email: user.email } : {}),
    ...(user.phone ? { phone: user.phone } : {}),
  };
}

/** The endpoint ids of the `notifications` policy that take `kind` for `unitId` (an endpoint without `units` takes every unit). */
export function webhooksFor(policy: Pick<NotificationsPolicy, 'webhooks'>, kind: string, unitId: string): string[] {
  return policy.webhooks
    .filter((e) => e.kinds.length === 0 || e.kinds.includes(kind))
    .filter((e) => !e.units || e.units.length === 0 || e.units.includes(unitId))
    .map((e) => e.id);
}
