import { UserDirectory } from '@bihuan/auth';
import { streamName } from '@bihuan/core';
import { EventStore, RecordedEvent } from '@bihuan/event-store';
import { Projection } from '@bihuan/processing';
import { ChannelKind, Notification } from '../notification';
import { NotificationsPolicy } from '../notifications.policy';
import { DeliveryOutbox, DeliveryTarget } from '../outbox/delivery-outbox';
import { CaseFacts, foldCaseFacts, NOTIFYING_CATEGORIES } from '../workflows/case-facts';
import { COMPLAINANT_RECIPIENT, NotificationIntent, notificationId } from '../workflows/notification-intent';
import { NOTIFYING_EVENT_TYPES, notificationsFor } from '../workflows/notification-rules';
import { ALL_CHANNELS, ChannelPreference, recipientOf, UnitParents, usersOf, webhooksFor } from './recipient-resolver';

export const NOTIFICATION_PRODUCER = 'notifications.producer';

export interface NotificationProducerDeps {
  readonly store: EventStore;
  readonly outbox: DeliveryOutbox;
  readonly directory: UserDirectory;
  /** The units' places in the directory: the overseers of an institution are its parent commission's inspectors. */
  readonly units: UnitParents;
  readonly policy: () => Promise<NotificationsPolicy>;
  /** The channels this deployment has (inbox and webhook always; e-mail and SMS when configured). */
  readonly channels: ReadonlySet<ChannelKind>;
  /**
   * The phone a named complainant left, decrypted from the ticket's identity ciphertext (null when
   * none, erased, or unreadable). The one place a phone is read; it goes to the outbox row only.
   */
  readonly complainantPhone: (subjectId: string, identityCiphertext: string) => Promise<string | null>;
  readonly preferences?: ChannelPreference;
  /**
   * Told of each staff recipient of an event: what people are told about is what changed on their
   * to-do list (a notice issued, a sign-off requested), so their open consoles re-read it.
   */
  readonly todoChanged?: (userId: string) => void;
}

/**
 * Events → notifications (issue 19): a projection over the log whose "read model" is the delivery
 * outbox. Run by a ProjectionRunner with its own checkpoint; a crash between an enqueue and the
 * checkpoint replays the event, and the enqueue adds nothing the second time (deterministic
 * notification ids, one outbox row per notification × channel × address) — exactly once in effect,
 * in one worker or several. A case's facts are read as of the event (its stream up to its revision),
 * so a replay addresses the same people; only the directory (who is in a unit now) may have changed.
 */
export class NotificationProducer implements Projection {
  readonly name = NOTIFICATION_PRODUCER;
  readonly filter = { categories: NOTIFYING_CATEGORIES, eventTypes: [...NOTIFYING_EVENT_TYPES] };

  constructor(private readonly deps: NotificationProducerDeps) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (!NOTIFYING_EVENT_TYPES.has(event.type)) return;
    const facts = await this.factsOf(event);
    for (const intent of notificationsFor(event, facts)) {
      if (intent.audience.some((a) => a.kind === 'complainant')) await this.toComplainant(intent, facts);
      else await this.toStaff(intent);
    }
  }

  private async factsOf(event: RecordedEvent): Promise<CaseFacts> {
    const history = await this.deps.store.readStream(event.streamName, { maxCount: event.revision + 1 });
    const facts = foldCaseFacts(history);
    if (!facts.visitId) return facts;
    return foldCaseFacts(await this.deps.store.readStream(streamName('visit', facts.visitId)), facts);
  }

  private async toStaff(intent: NotificationIntent): Promise<void> {
    const { directory, channels, outbox } = this.deps;
    const users = new Map(intent.audience.flatMap((a) => usersOf(directory, a, this.deps.units)).map((u) => [u.id, u]));
    const policy = await this.deps.policy();
    const unitsWithWebhook = new Set<string>();
    for (const user of [...users.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      const wanted = new Set(await (this.deps.preferences ?? ALL_CHANNELS)(user.id, intent.kind));
      const recipient = recipientOf(user);
      const targets: DeliveryTarget[] = [{ channel: 'inbox', address: user.id }];
      if (wanted.has('email') && channels.has('email') && recipient.email) targets.push({ channel: 'email', address: recipient.email });
      if (wanted.has('sms') && channels.has('sms') && recipient.phone) targets.push({ channel: 'sms', address: recipient.phone });
      // A unit's webhooks (a group robot, its OA) once per notification, on its first user: the
      // unit's endpoints (policy `notifications`) decide, not a person's preferences.
      const hooks = unitsWithWebhook.has(user.unit) || !channels.has('webhook') ? [] : webhooksFor(policy, intent.kind, user.unit);
      unitsWithWebhook.add(user.unit);
      for (const id of hooks) targets.push({ channel: 'webhook', address: id });
      await outbox.enqueue(this.notification(intent, { ...recipient, ...(hooks.length > 0 ? { webhookEndpoints: hooks } : {}) }), targets);
      this.deps.todoChanged?.(user.id);
    }
  }

  /** SMS with the ticket code only, when the complainant consented and left a phone, and SMS is configured. */
  private async toComplainant(intent: NotificationIntent, facts: CaseFacts): Promise<void> {
    if (!this.deps.channels.has('sms') || !facts.complainant) return;
    const phone = await this.deps.complainantPhone(facts.complainant.subjectId, facts.complainant.identityCiphertext);
    if (!phone) return;
    const recipient = { userId: COMPLAINANT_RECIPIENT, unitId: facts.receivingUnit ?? '', phone };
    await this.deps.outbox.enqueue(this.notification(intent, recipient), [{ channel: 'sms', address: phone }]);
  }

  private notification(intent: NotificationIntent, recipient: Notification['recipient']): Notification {
    return {
      id: notificationId(intent.sourceEventId, recipient.userId),
      kind: intent.kind,
      title: intent.title,
      body: intent.body,
      link: intent.link,
      stream: intent.stream,
      recipient,
      occurredAt: intent.occurredAt,
    };
  }
}
