import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { LiveUpdates } from '../live/live-updates';
import { RedisLiveBridge } from '../live/redis-live-bridge';

/**
 * With REDIS_URL set, live events travel between processes (API replicas, a separate worker) over
 * Redis pub/sub; without it they stay in-process. A Redis that does not answer at start is logged,
 * not fatal: live updates are a convenience, the lists stay right.
 */
@Injectable()
export class LiveBridgeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private bridge: RedisLiveBridge | null = null;

  constructor(
    private readonly live: LiveUpdates,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.redisUrl) return;
    const open = () => new Redis(this.config.redisUrl!, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    const bridge = new RedisLiveBridge(this.live, open(), open());
    try {
      await bridge.start();
      this.bridge = bridge;
    } catch (error) {
      bridge.stop();
      new Logger('Notifications').warn(`Live updates stay in this process: Redis pub/sub failed (${String(error)})`);
    }
  }

  onApplicationShutdown(): void {
    this.bridge?.stop();
    this.bridge = null;
  }
}
