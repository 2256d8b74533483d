import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { LIVE_KEYS } from '../../session/live-updates';
import { BEIJING } from '../../shared/time';

/** Query keys of the ethics pages: everything under ['ethics', institutionId, year]. */
export const ethicsKey = (institutionId: string, year: number): readonly unknown[] => ['ethics', institutionId, year];

/** The year being evaluated by default: the past year until the end of February, then this one. */
export function defaultEthicsYear(): number {
  const now = dayjs().tz(BEIJING);
  return now.month() < 2 ? now.year() - 1 : now.year();
}

/** After a step: the year's list, the evaluation and the to-dos are re-read. */
export function useRefreshEthics(institutionId: string, year: number): () => Promise<unknown> {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ethicsKey(institutionId, year) }),
      queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }),
    ]);
}
