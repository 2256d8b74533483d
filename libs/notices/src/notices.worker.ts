import { WorkerContribution } from '@bihuan/platform';
import { noticesProjection } from './read-models/notices.projection';

/**
 * What the notices context adds to the worker: its list read model. Notices keep no deadlines and
 * no saga addresses them, so no decider is registered (a publicity period ends by a read's clock).
 */
export const NOTICES_WORKER: WorkerContribution = {
  name: 'notices',
  projections: ({ database }) => [noticesProjection(database)],
};
