import { Module } from '@nestjs/common';
import { CalendarOutlookModule } from '../health/calendar-outlook.module';
import { AdminCalendarController } from './admin-calendar.controller';
import { AdminPoliciesController } from './admin-policies.controller';
import { AdminWorkerController } from './admin-worker.controller';
import { ProjectionRebuilds } from './projection-rebuilds';
import { WorkerAccess } from './worker-access';

/**
 * The admin surface (role admin): calendar imports, policy settings, dead letters, projection
 * checkpoints and rebuilds, and pending timers. Documented in docs/operations.md.
 */
@Module({
  imports: [CalendarOutlookModule],
  controllers: [AdminCalendarController, AdminPoliciesController, AdminWorkerController],
  providers: [WorkerAccess, ProjectionRebuilds],
})
export class AdminModule {}
