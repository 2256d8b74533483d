import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { withTimeout } from './with-timeout';

/** Redis answers PING (only checked when REDIS_URL is set: timers depend on it). */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client: Redis | null = null;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.connection().ping(), 2000, 'redis ping');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
    this.client = null;
  }

  private connection(): Redis {
    if (!this.config.redisUrl) throw new Error('REDIS_URL is not set');
    this.client ??= new Redis(this.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1, connectTimeout: 1000 });
    return this.client;
  }
}
