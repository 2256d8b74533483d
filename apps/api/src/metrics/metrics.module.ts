import { Public, Roles } from '@bihuan/auth';
import { Controller, DynamicModule, Get, Header, Inject, Module, Provider } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { Exposure } from '@bihuan/platform';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

abstract class MetricsEndpoint {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Prometheus text format at `GET /metrics` for anyone (METRICS=public; development default). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class PublicMetricsController extends MetricsEndpoint {}

/** The same for an admin bearer token only (METRICS=admin; production default). */
@ApiExcludeController()
@Roles('admin')
@Controller('metrics')
export class AdminMetricsController extends MetricsEndpoint {}

const REGISTRY: Provider = {
  provide: METRICS_REGISTRY,
  useFactory: (): Registry => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'bihuan_' });
    return registry;
  },
};

/**
 * One registry per app instance (not prom-client's global one), so several apps in one test run
 * do not collide. Contexts may inject METRICS_REGISTRY to add their own counters; it exists even
 * when the endpoint is off (METRICS=off: /metrics answers 404).
 */
@Module({})
export class MetricsModule {
  static register(exposure: Exposure): DynamicModule {
    const controllers = exposure === 'public' ? [PublicMetricsController] : exposure === 'admin' ? [AdminMetricsController] : [];
    return { module: MetricsModule, controllers, providers: [REGISTRY], exports: [METRICS_REGISTRY] };
  }
}
