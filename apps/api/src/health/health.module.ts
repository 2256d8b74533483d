import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { StoreHealthIndicator } from './store.health';

/** `GET /health` for load balancers and orchestrators. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [StoreHealthIndicator, RedisHealthIndicator],
})
export class HealthModule {}
