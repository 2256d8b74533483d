import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { AppConfig, CONFIG, POLICIES, PolicyRegistry, READ_MODELS } from '@bihuan/platform';
import { AdminDeliveriesController } from './admin-deliveries.controller';
import { EmailChannel } from '../channels/email.channel';
import { InboxChannel } from '../channels/inbox.channel';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notification-channel.port';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { channelsFrom } from './notification-channels';

/** Closes the SMTP connections when the process stops (after the dispatcher has stopped sending). */
@Injectable()
export class NotificationChannelsCloser implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[]) {}

  onApplicationShutdown(): void {
    for (const channel of this.channels) if (channel instanceof EmailChannel) channel.close();
  }
}

/**
 * The delivery channels and the outbox, for whoever enqueues (the notification workflow, later)
 * and reads (inbox and admin routes). Sending is the worker's: NotificationsDispatchModule.
 */
@Module({
  providers: [
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [CONFIG, READ_MODELS, CLOCK, POLICIES],
      useFactory: (config: AppConfig, database: SqlDatabase, clock: Clock, policies: PolicyRegistry) =>
        channelsFrom(config, database, clock, policies),
    },
    {
      provide: DeliveryOutbox,
      inject: [READ_MODELS, CLOCK],
      useFactory: (database: SqlDatabase, clock: Clock) => new DeliveryOutbox(database, clock),
    },
    {
      provide: InboxChannel,
      inject: [NOTIFICATION_CHANNELS],
      useFactory: (channels: readonly NotificationChannel[]) => channels.find((c): c is InboxChannel => c instanceof InboxChannel),
    },
    NotificationChannelsCloser,
  ],
  exports: [NOTIFICATION_CHANNELS, DeliveryOutbox, InboxChannel],
})
export class NotificationsModule {}

/** The admin routes over the outbox: for the HTTP application only (never the worker's operator port). */
@Module({
  imports: [NotificationsModule],
  controllers: [AdminDeliveriesController],
})
export class NotificationsHttpModule {}
