import { Module } from '@nestjs/common';
import { NotificationsDispatchModule } from '@bihuan/notifications';
import { WorkerService } from './worker.service';

/**
 * Projections, workflows and the timer consumer. Imported by the API's AppModule when ROLE=all
 * (the embedded default) and by WorkerAppModule when the worker runs alone (ROLE=worker).
 * Needs the platform's global providers.
 */
@Module({
  // The delivery outbox's sender runs wherever the worker runs (ROLE=all or worker).
  imports: [NotificationsDispatchModule],
  providers: [WorkerService],
  exports: [WorkerService],
})
export class WorkerModule {}
