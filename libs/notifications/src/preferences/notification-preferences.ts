import { Kysely } from 'kysely';
import { Clock } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { ChannelKind } from '../notification';
import { NotificationTables } from '../notifications.migrations';

/** The channels a person chooses; the inbox is always on, webhooks belong to the unit (the policy's endpoints). */
export const PERSONAL_CHANNELS = ['email', 'sms'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/** For one notification kind: what differs from the person's global choice (absent: as global). */
export interface KindOverride {
  readonly kind: string;
  readonly email?: boolean;
  readonly sms?: boolean;
}

/** A person's choice: each channel on or off, and per-kind exceptions (e.g. SMS only for 督办 escalations). */
export interface NotificationPreferencesView {
  readonly email: boolean;
  readonly sms: boolean;
  readonly overrides: readonly KindOverride[];
}

/** Until a person chooses, everything reaches them: a deadline warning must not be lost to a default. */
export const DEFAULT_PREFERENCES: NotificationPreferencesView = Object.freeze({ email: true, sms: true, overrides: [] });

/** What `channelsFor` answers from a view (pure: the producer may also use it on a cached view). */
export function channelsOf(preferences: NotificationPreferencesView, kind: string): ChannelKind[] {
  const override = preferences.overrides.find((o) => o.kind === kind);
  const on = (channel: PersonalChannel): boolean => override?.[channel] ?? preferences[channel];
  return ['inbox', ...PERSONAL_CHANNELS.filter(on)];
}

/**
 * Per-user channel preferences in the shared database (settings of a person, not facts of a case:
 * nothing audits them and a rebuild must not lose them, so they sit beside the inbox rather than in
 * the log). The notification producer asks `channelsFor(userId, kind)` before it enqueues.
 */
export class NotificationPreferences {
  private readonly db: Kysely<NotificationTables>;

  constructor(
    database: SqlDatabase,
    private readonly clock: Clock,
  ) {
    this.db = database.db.withTables<NotificationTables>();
  }

  async get(userId: string): Promise<NotificationPreferencesView> {
    const row = await this.db.selectFrom('notification_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
    return row ? (JSON.parse(row.preferences) as NotificationPreferencesView) : DEFAULT_PREFERENCES;
  }

  /** Replaces the user's preferences as a whole (PUT), keeping only the fields this version knows. */
  async set(userId: string, preferences: NotificationPreferencesView): Promise<NotificationPreferencesView> {
    const clean: NotificationPreferencesView = {
      email: preferences.email,
      sms: preferences.sms,
      overrides: preferences.overrides.map(({ kind, email, sms }) => ({
        kind,
        ...(email === undefined ? {} : { email }),
        ...(sms === undefined ? {} : { sms }),
      })),
    };
    const values = { preferences: JSON.stringify(clean), updated_at: this.clock.now().getTime() };
    await this.db
      .insertInto('notification_preferences')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    return clean;
  }

  /**
   * The channels a notification of `kind` goes to for this user: always `inbox`, then `email` and
   * `sms` as chosen. Webhooks are not a person's choice (the unit's endpoints, policy `notifications`);
   * a channel still needs the recipient's address and a configured channel to be enqueued.
   */
  async channelsFor(userId: string, kind: string): Promise<ChannelKind[]> {
    return channelsOf(await this.get(userId), kind);
  }
}
