import { Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { TICKET_REDEEMER } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { AppConfig, CONFIG, POLICIES, PolicyRegistry, READ_MODELS } from '@bihuan/platform';
import { AdminDeliveriesController } from './admin-deliveries.controller';
import { EmailChannel } from '../channels/email.channel';
import { InboxChannel } from '../channels/inbox.channel';
import { NOTIFICATION_CHANNELS, NotificationChannel } from '../notification-channel.port';
import { DeliveryOutbox } from '../outbox/delivery-outbox';
import { DEFAULT_EVENT_STREAM_OPTIONS } from '../live/event-stream';
import { LiveUpdates } from '../live/live-updates';
import { StreamTickets } from '../live/stream-tickets';
import { MeNotificationsController } from '../me/me-notifications.controller';
import { EVENT_STREAM_OPTIONS, MeStreamController } from '../me/me-stream.controller';
import { NotificationPreferences } from '../preferences/notification-preferences';
import { channelsFrom } from './notification-channels';
import { LiveBridgeService } from './live-bridge.service';

/** Closes the SMTP connections when the process stops (after the dispatcher has stopped sending). */
@Injectable()
export class NotificationChannelsCloser implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[]) {}

  onApplicationShutdown(): void {
    for (const channel of this.channels) if (channel instanceof EmailChannel) channel.close();
  }
}

/** Ends every open live stream first thing on shutdown, so the HTTP server does not wait for them to close. */
@Injectable()
export class LiveStreamsCloser implements OnModuleDestroy {
  constructor(private readonly live: LiveUpdates) {}

  onModuleDestroy(): void {
    this.live.endAll();
  }
}

/**
 * The delivery channels and the outbox, for whoever enqueues (the notification producer) and reads
 * (inbox and admin routes); the preferences the producer asks, and LiveUpdates, which anything may
 * publish to (the inbox on delivery, the to-do projection). Global, so that one LiveUpdates serves
 * the API and the in-process worker, and AuthGuard finds the stream tickets (TICKET_REDEEMER).
 * Sending is the worker's: NotificationsDispatchModule.
 */
@Global()
@Module({
  providers: [
    { provide: LiveUpdates, useValue: new LiveUpdates() },
    LiveStreamsCloser,
    LiveBridgeService,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [CONFIG, READ_MODELS, CLOCK, POLICIES, LiveUpdates],
      useFactory: (config: AppConfig, database: SqlDatabase, clock: Clock, policies: PolicyRegistry, live: LiveUpdates) =>
        channelsFrom(config, database, clock, policies, live),
    },
    {
      provide: NotificationPreferences,
      inject: [READ_MODELS, CLOCK],
      useFactory: (database: SqlDatabase, clock: Clock) => new NotificationPreferences(database, clock),
    },
    {
      provide: StreamTickets,
      inject: [READ_MODELS, CLOCK],
      useFactory: (database: SqlDatabase, clock: Clock) => new StreamTickets(database, clock),
    },
    { provide: TICKET_REDEEMER, useExisting: StreamTickets },
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
  exports: [NOTIFICATION_CHANNELS, DeliveryOutbox, InboxChannel, LiveUpdates, NotificationPreferences, StreamTickets, TICKET_REDEEMER],
})
export class NotificationsModule {}

/** The admin routes over the outbox and a person's own routes (/me/…): for the HTTP application only (never the worker's operator port). */
@Module({
  imports: [NotificationsModule],
  controllers: [AdminDeliveriesController, MeNotificationsController, MeStreamController],
  providers: [{ provide: EVENT_STREAM_OPTIONS, useValue: DEFAULT_EVENT_STREAM_OPTIONS }],
})
export class NotificationsHttpModule {}
