import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { CurrentActor, Roles, SystemWide } from '@bihuan/auth';
import { READ_MODELS } from '@bihuan/platform';
import { DeadLetter, TableCheckpointStore, TableDeadLetterStore } from '@bihuan/processing';
import { TIMER_SCHEDULER, TimerScheduler } from '@bihuan/timers';
import { LimitQueryDto, TimerStatusDto } from './admin.dto';
import {
  DeadLetterDto,
  DeadLetterRetryDto,
  PendingTimersDto,
  ProjectionRebuildDto,
  ProjectionsDto,
  ProjectionStatusDto,
} from './admin.response';
import { ProjectionRebuild, ProjectionRebuilds } from './projection-rebuilds';
import { WorkerAccess } from './worker-access';

/** What the worker is doing: dead letters, projection checkpoints (and rebuilds), pending timers. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@SystemWide()
@Controller('admin')
export class AdminWorkerController {
  constructor(
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TIMER_SCHEDULER) private readonly timers: TimerScheduler,
    @Inject(WorkerAccess) private readonly worker: WorkerAccess,
    @Inject(ProjectionRebuilds) private readonly rebuilds: ProjectionRebuilds,
  ) {}

  @Get('dead-letters')
  @ApiOperation({ summary: 'Workflow inputs parked after their retries failed (oldest first)' })
  @ApiOkResponse({ type: [DeadLetterDto] })
  deadLetters(): Promise<DeadLetter[]> {
    return new TableDeadLetterStore(this.database).list();
  }

  @Post('dead-letters/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Handle a parked input again through the in-process worker (ROLE=all)' })
  @ApiOkResponse({ type: DeadLetterRetryDto })
  @ApiServiceUnavailableResponse({ description: 'WORKER.NOT_IN_PROCESS: this process runs no worker' })
  async retry(@Param('id') id: string): Promise<DeadLetterRetryDto> {
    const letters = new TableDeadLetterStore(this.database);
    const letter = await letters.get(id);
    if (!letter) throw DomainError.notFound('ADMIN.NO_DEAD_LETTER', `No dead letter ${id}`);
    const runner = this.worker.require('retry a dead letter').runtime.workflows.find((w) => w.workflow.name === letter.workflow);
    if (!runner)
      throw new DomainError(
        'ADMIN.WORKFLOW_NOT_RUNNING',
        `Workflow ${letter.workflow} of dead letter ${id} does not run in this worker`,
        'conflict',
      );
    const retried = await runner.retryDeadLetter(id);
    return { id, retried, letter: await letters.get(id) };
  }

  @Get('projections')
  @ApiOperation({
    summary:
      'Projections and workflows: checkpoint (last handled position; filtered ones move only on events they read) beside the log head; with the worker in-process also running/failures and how far behind the head each one is (catchingUp)',
  })
  @ApiOkResponse({ type: ProjectionsDto })
  async projections(): Promise<ProjectionsDto> {
    const worker = this.worker.find();
    const rebuildable = this.rebuilds.rebuildable();
    if (worker) {
      const [lags, statuses] = await Promise.all([worker.runtime.lag(), worker.projections()]);
      const status = new Map(statuses.map((p) => [p.name, p]));
      const projections: ProjectionStatusDto[] = lags.map((l) => ({
        name: l.name,
        kind: l.kind,
        checkpoint: l.checkpoint,
        running: status.get(l.name)?.running ?? true,
        failures: status.get(l.name)?.failures ?? null,
        lastError: status.get(l.name)?.lastError ?? null,
        behind: l.behind,
        catchingUp: l.behind > 0,
        rebuildable: rebuildable.has(l.name),
      }));
      return {
        head: lags[0]?.head ?? (await this.store.headPosition()),
        workerInProcess: true,
        projections,
        rebuilds: this.rebuilds.list(),
      };
    }
    const head = await this.store.headPosition();
    const projections: ProjectionStatusDto[] = [...(await this.storedCheckpoints())].map(([name, checkpoint]) => ({
      name,
      kind: name.startsWith('workflow.') ? 'workflow' : 'projection',
      checkpoint,
      running: null,
      failures: null,
      lastError: null,
      behind: null,
      catchingUp: null,
      rebuildable: rebuildable.has(name),
    }));
    return { head, workerInProcess: false, projections, rebuilds: this.rebuilds.list() };
  }

  /** Validated before anything starts: unknown names (404), workflows, in-memory read models and a rebuild under way (409). */
  @Post('projections/:name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Rebuild a read model from the log aside and swap it in (as `cli rebuild` does), in the background: the API keeps answering from the old tables until the swap; follow it in GET /admin/projections (rebuilds)',
  })
  @ApiAcceptedResponse({ type: ProjectionRebuildDto, description: 'Started; state running' })
  rebuild(@Param('name') name: string, @CurrentActor() actor: Actor): Promise<ProjectionRebuild> {
    return this.rebuilds.start(name, actor);
  }

  @Get('timers')
  @ApiOperation({
    summary:
      "Pending deadlines against armed timers, as the in-process worker's timer reconciler last found them (every TIMER_RECONCILE_SECONDS), with its repairs since start",
  })
  @ApiOkResponse({ type: TimerStatusDto })
  @ApiServiceUnavailableResponse({ description: "WORKER.NOT_IN_PROCESS: this process runs no worker (read the worker's own figures)" })
  timerStatus(): TimerStatusDto {
    return this.worker.require('show the timer reconciliation').timers();
  }

  @Get('timers/pending')
  @ApiOperation({ summary: 'Timers not yet handled, by due instant: the count and the first N (?limit, default 20)' })
  @ApiOkResponse({ type: PendingTimersDto })
  async pendingTimers(@Query() query: LimitQueryDto): Promise<PendingTimersDto> {
    const pending = await this.timers.pending();
    return { backend: this.timers.kind, count: pending.length, first: pending.slice(0, query.limit ?? 20) };
  }

  /** By name, as the worker saved them (the map keeps the order of the sorted names). */
  private async storedCheckpoints(): Promise<Map<string, number>> {
    const all = await new TableCheckpointStore(this.database).all();
    return new Map([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
