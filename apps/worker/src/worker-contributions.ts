import { streamStatsProjection } from './projections/stream-stats.projection';
import { WorkerContribution } from '@bihuan/platform';

/** The platform's own read models. */
const PLATFORM: WorkerContribution = {
  name: 'platform',
  projections: ({ readModels }) => [streamStatsProjection(readModels)],
};

/**
 * Everything the worker runs. Add one entry per bounded context (inspection, complaints, ethics,
 * credit, audit …): its deciders (so timers and workflows can reach its streams), its
 * projections and its workflows. Order does not matter; names must be unique.
 */
export const WORKER_CONTRIBUTIONS: readonly WorkerContribution[] = [PLATFORM];
