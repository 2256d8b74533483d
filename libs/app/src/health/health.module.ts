import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CalendarOutlookModule } from './calendar-outlook.module';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';

/** `GET /health` for load balancers and orchestrators. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), CalendarOutlookModule],
  controllers: [HealthController],
  providers: [StoreHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
