import { Public } from '@bihuan/auth';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { AppConfig, CONFIG } from '@bihuan/platform';
import { CalendarOutlookService } from './calendar-outlook.module';
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
    private readonly indicators: HealthIndicatorService,
    private readonly outlook: CalendarOutlookService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 when the store (and Redis, if configured) answer, else 503. `calendar` reports (never fails on) next year missing from 1 November and the provisional pending deadlines per year',
  })
  check(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [() => this.store.check('store'), () => this.calendar('calendar')];
    if (this.config.redisUrl) checks.push(() => this.redis.check('redis'));
    return this.health.check(checks).catch((error: unknown) => {
      throw unhealthy(error);
    });
  }

  /**
   * Next year's calendar missing is a task for operators, not an outage: deadlines are computed
   * provisionally and recomputed on import (docs/calendar.md), so the check stays up and says so.
   */
  private async calendar(key: string): Promise<HealthIndicatorResult> {
    const o = await this.outlook.outlook();
    return this.indicators.check(key).up({ ...o });
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
