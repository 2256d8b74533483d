import { streamStatsProjection, WorkerContribution } from '@bihuan/platform';
import { INSPECTION_WORKER } from '@bihuan/inspection';
import { AUDIT_WORKER } from '@bihuan/audit';
import { ETHICS_WORKER } from '@bihuan/ethics';
import { CREDIT_WORKER } from '@bihuan/credit';
import { CAMPAIGNS_WORKER } from '@bihuan/campaigns';
import { NOTICES_WORKER } from '@bihuan/notices';
import { COMPLAINTS_WORKER } from '@bihuan/complaints';
import { REFERRALS_WORKER } from '@bihuan/referrals';

/** The platform's own read models. */
const PLATFORM: WorkerContribution = {
  name: 'platform',
  projections: ({ database }) => [streamStatsProjection(database)],
};

/**
 * Everything the worker runs. Add one entry per bounded context (inspection, complaints, ethics,
 * credit, audit …): its deciders (so timers and workflows can reach its streams), its
 * projections and its workflows. Order does not matter; names must be unique.
 */
export const WORKER_CONTRIBUTIONS: readonly WorkerContribution[] = [
  PLATFORM,
  INSPECTION_WORKER,
  AUDIT_WORKER,
  ETHICS_WORKER,
  CREDIT_WORKER,
  CAMPAIGNS_WORKER,
  NOTICES_WORKER,
  COMPLAINTS_WORKER,
  REFERRALS_WORKER,
];
