import { Public } from '@bihuan/auth';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly store: StoreHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the store (and Redis, if configured) answer, else 503' })
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.store.check('store')];
    if (this.config.redisUrl) checks.push(() => this.redis.check('redis'));
    return this.health.check(checks).catch((error: unknown) => {
      throw unhealthy(error);
    });
  }
}

/** Terminus's 503 in the API's error shape: `code: 'UNHEALTHY'`, the failing checks named, details kept. */
function unhealthy(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const result = error.getResponse() as Partial<HealthCheckResult>;
  const down = Object.keys(result.error ?? {});
  return new ServiceUnavailableException({
    code: 'UNHEALTHY',
    message: `Unhealthy: ${down.length > 0 ? down.join(', ') : 'a check'} down`,
    status: result.status ?? 'error',
    info: result.info ?? {},
    details: result.details ?? {},
  });
}
