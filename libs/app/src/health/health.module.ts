import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CalendarOutlookModule } from './calendar-outlook.module';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';
import { LifecycleModule } from '../lifecycle/lifecycle.module';

/** `GET /health`, `/health/live` and `/health/ready` for load balancers and orchestrators. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), CalendarOutlookModule, LifecycleModule],
  controllers: [HealthController],
  providers: [StoreHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
