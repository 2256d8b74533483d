import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Jurisdiction, UserDirectory } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { AppConfig, CONFIG, POLICIES, PolicyRegistry, READ_MODELS } from '@bihuan/platform';
import { PersonalDataCipher } from '@bihuan/privacy';
import { ProjectionRunner, TableCheckpointStore } from '@bihuan/processing';
import { ChannelKind } from '../notification';
import { NotificationPreferences } from '../preferences/notification-preferences';
import { LiveUpdates } from '../live/live-updates';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { NotificationProducer } from '../producer/notification-producer';
import { notificationsPolicy } from './notification-channels';

/**
 * Runs the notification producer in the worker (ROLE=all or worker) with a checkpoint in the
 * read-model database. On its first start (no checkpoint yet) it begins at the log's head: a
 * deployment that gains notifications does not announce its whole history. It needs the directory
 * (who is in a unit) and the personal-data cipher (a consenting complainant's phone); a process
 * without them (a test module without them) logs that and produces nothing.
 */
@Injectable()
export class NotificationProducerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runner: ProjectionRunner | null = null;
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly modules: ModuleRef,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outbox: DeliveryOutbox,
  ) {}

  get producer(): ProjectionRunner | null {
    return this.runner;
  }

  async onApplicationBootstrap(): Promise<void> {
    const directory = this.optional(UserDirectory);
    const units = this.optional(Jurisdiction);
    const cipher = this.optional(PersonalDataCipher);
    if (!directory || !units || !cipher) {
      this.logger.warn('No directory or personal-data cipher in this process: it produces no notifications');
      return;
    }
    const preferences = new NotificationPreferences(this.database, this.clock);
    const live = this.optional(LiveUpdates);
    const { smtp, sms } = this.config.notifications;
    const channels = new Set<ChannelKind>(['inbox', 'webhook', ...(smtp ? (['email'] as const) : []), ...(sms ? (['sms'] as const) : [])]);
    const producer = new NotificationProducer({
      store: this.store,
      outbox: this.outbox,
      directory,
      units,
      policy: notificationsPolicy(this.policies),
      channels,
      complainantPhone: (subjectId, ciphertext) => this.phoneOf(cipher, subjectId, ciphertext),
      // Each person's choice of e-mail and SMS (the inbox is always on; webhooks are the unit's).
      preferences: (userId, kind) => preferences.channelsFor(userId, kind),
      // Their open consoles re-read GET /me/todos (relayed to every API process when REDIS_URL is set).
      ...(live ? { todoChanged: (userId: string) => live.publish(userId, { type: 'todo', data: {} }) } : {}),
    });
    const checkpoints = new TableCheckpointStore(this.database);
    if ((await checkpoints.load(producer.name)) === null) await checkpoints.save(producer.name, (await this.store.headPosition()) ?? 0);
    this.runner = new ProjectionRunner(this.store, producer, {
      checkpoints,
      onError: (error) => this.logger.error(`Notification producer: ${error instanceof Error ? error.message : String(error)}`),
    });
    await this.runner.start();
    this.logger.log(`Notification producer started (channels: ${[...channels].join(', ')})`);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runner?.stop() ?? Promise.resolve();
  }

  /** The phone only; an erased or unreadable identity sends nothing. Never logged (no phone, no name). */
  private async phoneOf(cipher: PersonalDataCipher, subjectId: string, ciphertext: string): Promise<string | null> {
    try {
      const identity = await cipher.decrypt(subjectId, ciphertext);
      return 'phone' in identity && identity.phone ? identity.phone : null;
    } catch (error) {
      this.logger.warn(`Complainant SMS skipped for subject ${subjectId}: ${(error as { code?: string }).code ?? 'identity unreadable'}`);
      return null;
    }
  }

  private optional<T>(token: abstract new (...args: never[]) => T): T | null {
    try {
      return this.modules.get(token, { strict: false });
    } catch {
      return null;
    }
  }
}
