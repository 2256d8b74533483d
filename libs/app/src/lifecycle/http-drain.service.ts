import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { LiveUpdates } from '@bihuan/notifications';
import { ShutdownState } from './shutdown-state';

/**
 * The first step of a stop (SIGTERM/SIGINT through Nest's shutdown hooks, or app.close()). It runs
 * in `onModuleDestroy`, which Nest finishes for every module before any `beforeApplicationShutdown`
 * (the worker stops there) and `onApplicationShutdown` (the store closes there): so readiness goes
 * 503 and new requests are refused at once, and requests already running finish on a live worker
 * and an open store — answering truthfully — within SHUTDOWN_GRACE_SECONDS. The listener itself
 * stays open until Nest disposes the HTTP adapter, so probes keep seeing live 200 / ready 503.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly state: ShutdownState,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(LiveUpdates) private readonly live: LiveUpdates | null = null,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.state.begin();
    // Event streams (GET /me/stream) never finish by themselves: end them now (browsers reconnect to
    // another process after `retry:`) instead of waiting out the grace period and cutting them.
    this.live?.endAll();
    const waiting = this.state.inFlight;
    this.logger.log(`Stopping: unready, refusing new requests, ${waiting} in flight (grace ${this.config.shutdownGraceSeconds} s)`);
    if (await this.state.drained(this.config.shutdownGraceSeconds * 1000)) {
      if (waiting > 0) this.logger.log('Every request in flight was answered');
      return;
    }
    this.logger.warn(`Grace period over: cut ${this.state.inFlight} request(s) still running (their outcome is unknown to the client)`);
  }
}
