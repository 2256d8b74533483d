import { useQuery } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/**
 * Working days left to each due date a page shows, counted by the API as the to-do list counts
 * them (GET /me/working-days: the calendar in force, the server's clock), in one request per page.
 * Answers a lookup: undefined while loading or for a date not asked.
 */
export function useWorkingDaysLeft(dues: readonly (string | null | undefined)[]): (due: string | null | undefined) => number | undefined {
  const asked = [...new Set(dues.filter((due): due is string => !!due))].sort().slice(0, 100);
  const answer = useQuery({
    queryKey: ['working-days', asked],
    queryFn: () => call(api.GET('/me/working-days', { params: { query: { due: asked.join(',') } } })),
    enabled: asked.length > 0,
    staleTime: 5 * 60_000,
  });
  const left = new Map((answer.data?.items ?? []).map((item) => [item.due, item.workingDaysLeft]));
  return (due) => (due ? left.get(due) : undefined);
}
