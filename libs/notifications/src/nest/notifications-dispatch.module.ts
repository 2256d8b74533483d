import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { POLICIES, PolicyRegistry } from '@bihuan/platform';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notification-channel.port';
import { DeliveryDispatcher } from '../outbox/delivery-dispatcher';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { notificationsPolicy } from './notification-channels';
import { NotificationsModule } from './notifications.module';
import { NotificationProducerService } from './notification-producer.service';

/**
 * The worker's delivery loop. Starts with the worker (it is imported by WorkerModule, so only a
 * process whose ROLE runs the worker sends) and stops in `beforeApplicationShutdown`, like the
 * worker's runners: no new claims, the deliveries in flight finish (each within its channel's
 * timeout), and only then does the platform close the database.
 */
@Injectable()
export class DeliveryDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly dispatcher: DeliveryDispatcher;

  constructor(
    outbox: DeliveryOutbox,
    @Inject(NOTIFICATION_CHANNELS) channels: readonly NotificationChannel[],
    @Inject(POLICIES) policies: PolicyRegistry,
  ) {
    const logger = new Logger('Notifications');
    const policy = notificationsPolicy(policies);
    this.dispatcher = new DeliveryDispatcher(outbox, channels, {
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      settings: async () => (await policy()).delivery,
      log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    });
    logger.log(`Delivery channels: ${channels.map((c) => c.kind).join(', ')}`);
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.dispatcher.stop();
  }
}

/** Imported by the worker: the producer (events → outbox) and the outbox's sender. */
@Module({
  imports: [NotificationsModule],
  providers: [DeliveryDispatcherService, NotificationProducerService],
  exports: [DeliveryDispatcherService, NotificationProducerService],
})
export class NotificationsDispatchModule {}
