import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, Clock, CLOCK, DomainError } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { READ_MODELS, rebuildReadModel, workerProjections } from '@bihuan/platform';
import { asideLocationOf, Projection, RebuildRefused } from '@bihuan/processing';
import { WORKER_CONTRIBUTIONS } from '../worker/worker-contributions';

/** Catalogue `projectionKinds`: what GET /admin/projections lists. */
export const PROJECTION_KIND_LABELS: Readonly<Record<'projection' | 'workflow', string>> = { projection: '读模型', workflow: '流程' };
/** Catalogue `rebuildStates`. */
export const REBUILD_STATE_LABELS: Readonly<Record<ProjectionRebuild['state'], string>> = {
  running: '重建中',
  swapped: '已重建并替换',
  failed: '重建失败',
};

/** One rebuild asked for over HTTP, as this process ran it. */
export interface ProjectionRebuild {
  readonly projection: string;
  readonly state: 'running' | 'swapped' | 'failed';
  readonly startedAt: string;
  readonly startedBy: Actor;
  /** The log head when it started: how far the build has to go at least. */
  readonly head: number | null;
  /** The log position the new generation has reached (the swapped checkpoint once done). */
  readonly position: number | null;
  readonly finishedAt: string | null;
  /** Rows per swapped table, once swapped. */
  readonly rows: Readonly<Record<string, number>> | null;
  readonly error: string | null;
}

/** Thrown into a running build from its page callback when the app shuts down: the scratch is discarded, the live model untouched. */
class ShuttingDown extends Error {}

/**
 * `POST /admin/projections/{name}/rebuild`: the CLI's `rebuild` (rebuildReadModel, built aside and
 * swapped in, docs/processing.md) run in this process in the background, so the request answers at
 * once and a long log does not hold it open. The build yields to the event loop between pages, so
 * the API keeps answering and a worker keeps projecting meanwhile. The last rebuild of each
 * projection is kept in memory for GET /admin/projections; one at a time per projection.
 */
@Injectable()
export class ProjectionRebuilds implements BeforeApplicationShutdown {
  private readonly logger = new Logger('ProjectionRebuilds');
  private readonly latest = new Map<string, ProjectionRebuild>();
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly live: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The projections a rebuild here would accept (none while the read models are in memory). */
  rebuildable(): ReadonlySet<string> {
    const projections = this.projections();
    return new Set(
      projections
        .filter((p) => {
          try {
            this.refuseUnbuildable(p.name, projections);
            return true;
          } catch {
            return false;
          }
        })
        .map((p) => p.name),
    );
  }

  /** The last rebuild of each projection this process ran, by name. */
  list(): ProjectionRebuild[] {
    return [...this.latest.values()].sort((a, b) => (a.projection < b.projection ? -1 : a.projection > b.projection ? 1 : 0));
  }

  /**
   * Checks that `name` can be rebuilt here and starts it: 404 ADMIN.UNKNOWN_PROJECTION naming the
   * known ones, 409 ADMIN.REBUILD_REFUSED (a workflow, no tables, an in-memory database) or
   * ADMIN.REBUILD_RUNNING. Nothing is touched before every check has passed.
   */
  async start(name: string, actor: Actor): Promise<ProjectionRebuild> {
    this.refuseUnbuildable(name, this.projections());
    if (this.running.has(name)) {
      throw new DomainError('ADMIN.REBUILD_RUNNING', `Projection ${name} is being rebuilt already`, 'conflict', { projection: name });
    }
    // Claimed before the first await: two requests at once cannot both start (they would share the scratch file).
    this.running.set(name, Promise.resolve());
    let head: number | null;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      this.running.delete(name);
      throw error;
    }
    const started = this.record(name, actor, head);
    this.running.set(
      name,
      this.run(started).finally(() => this.running.delete(name)),
    );
    return started;
  }

  /** Stops running builds at their next page (before the platform closes the store in `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.running.values());
  }

  private record(name: string, actor: Actor, head: number | null): ProjectionRebuild {
    const started: ProjectionRebuild = {
      projection: name,
      state: 'running',
      startedAt: this.clock.now().toISOString(),
      startedBy: actor,
      head,
      position: null,
      finishedAt: null,
      rows: null,
      error: null,
    };
    this.latest.set(name, started);
    return started;
  }

  private projections(): Projection[] {
    return workerProjections(this.store, this.live, this.clock, WORKER_CONTRIBUTIONS);
  }

  private refuseUnbuildable(name: string, projections: readonly Projection[]): void {
    const refused = (reason: 'workflow' | 'noTables' | 'inMemory'): DomainError =>
      new DomainError('ADMIN.REBUILD_REFUSED', `Projection ${name} cannot be rebuilt aside (${reason})`, 'conflict', {
        projection: name,
        [reason]: true,
      });
    if (name.startsWith('workflow.')) throw refused('workflow');
    const projection = projections.find((p) => p.name === name);
    if (!projection) {
      const known = projections.map((p) => p.name);
      throw new DomainError('ADMIN.UNKNOWN_PROJECTION', `No projection "${name}" (known: ${known.join(', ')})`, 'not_found', {
        projection: name,
        known,
      });
    }
    if (!projection.readModelTables || !projection.handleBatch) throw refused('noTables');
    try {
      asideLocationOf(this.live, name);
    } catch (error) {
      if (error instanceof RebuildRefused) throw refused('inMemory');
      throw error;
    }
  }

  private async run(started: ProjectionRebuild): Promise<void> {
    const name = started.projection;
    const update = (change: Partial<ProjectionRebuild>): void => {
      this.latest.set(name, { ...(this.latest.get(name) ?? started), ...change });
    };
    try {
      const result = await rebuildReadModel({
        store: this.store,
        clock: this.clock,
        contributions: WORKER_CONTRIBUTIONS,
        live: this.live,
        name,
        afterPage: (position) => {
          if (this.stopping) throw new ShuttingDown(`Rebuild of ${name} stopped: the process is shutting down`);
          update({ position });
        },
      });
      update({ state: 'swapped', position: result.position, rows: result.rows, finishedAt: this.clock.now().toISOString() });
      this.logger.log(`Projection ${name} rebuilt and swapped in at position ${result.position ?? 'none'}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      update({ state: 'failed', error: message, finishedAt: this.clock.now().toISOString() });
      if (!(error instanceof ShuttingDown)) this.logger.error(`Rebuilding projection ${name} failed: ${message}`);
    }
  }
}
