import { Public } from '@bihuan/auth';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { LivenessDto } from './health.dto';
import { ShutdownState } from '../lifecycle/shutdown-state';

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
    private readonly shutdown: ShutdownState,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness with the calendar outlook: 200 when the store (and Redis, if configured) answer and the process is not stopping, else 503. `calendar` reports (never fails on) next year missing from 1 November and the provisional pending deadlines per year',
  })
  check(): Promise<HealthCheckResult> {
    return this.readiness([() => this.calendar('calendar')]);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers, also while it stops (restart it only when this fails)' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok', stopping: this.shutdown.stopping };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: 200 when the store (and Redis, if configured) answer; 503 when one does not, and 503 SHUTTING_DOWN from the first moment of a stop (SIGTERM)',
  })
  ready(): Promise<HealthCheckResult> {
    return this.readiness([]);
  }

  /** Stopping wins without probing anything: the store may already be closing. */
  private readiness(extra: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    if (this.shutdown.stopping) {
      return Promise.reject(
        new ServiceUnavailableException({
          code: 'SHUTTING_DOWN',
          message: 'Stopping: not ready for new requests',
          status: 'shutting_down',
        }),
      );
    }
    const checks: HealthIndicatorFunction[] = [() => this.store.check('store'), ...extra];
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
    // The failing checks by name, for the Chinese message (服务不健康：redis 不可用) and for probes.
    down,
    status: result.status ?? 'error',
    info: result.info ?? {},
    details: result.details ?? {},
  });
}
