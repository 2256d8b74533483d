import type { NotificationKind } from './notification-kinds';
import { derivedId } from '@bihuan/core';

/**
 * Who is to be told, before the directory is asked: the users of a unit in a role (a hospital's
 * quality office, the commission's inspectors), named users (a visit's inspectors), or the
 * complainant by SMS (ticket code only; the producer decrypts the phone, the rules never see it).
 */
export type Audience =
  | { readonly kind: 'unitRole'; readonly unitId: string; readonly role: 'hospital' | 'inspector' | 'leader' | 'partner' }
  | { readonly kind: 'users'; readonly userIds: readonly string[] }
  /**
   * The inspectors of the commission directly above `unitId` (its parent unit): who oversees what an
   * institution's own office does — 督办, 通报 and extension approval stay the commission's (ADR 0023).
   */
  | { readonly kind: 'overseers'; readonly unitId: string }
  | { readonly kind: 'complainant' };

/** What the rules decide for one event: one message for everyone in `audience`. */
export interface NotificationIntent {
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly stream: string;
  readonly occurredAt: string;
  readonly sourceEventId: string;
  readonly audience: readonly Audience[];
}

/** The user id a complainant's notification is addressed to (no person: a ticket has no account). */
export const COMPLAINANT_RECIPIENT = 'complainant';

/**
 * The notification id of one event for one recipient: the same event and person always give the
 * same id, so a redelivered event, a restarted worker or a second worker enqueue nothing new.
 */
export function notificationId(sourceEventId: string, recipientUserId: string): string {
  return derivedId(sourceEventId, 'notify', recipientUserId);
}
