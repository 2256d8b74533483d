import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/** Every query of the admins' workspace sits under this key, so one change can refresh what it touches. */
export const MANAGE_KEY = ['manage'] as const;
export const manageKey = (...parts: readonly unknown[]) => [...MANAGE_KEY, ...parts] as const;

/** The calendar in force, the years it knows and the year-end outlook (GET /admin/calendar). */
export function useCalendarStatus() {
  return useQuery({ queryKey: manageKey('calendar'), queryFn: () => call(api.GET('/admin/calendar')) });
}

/** Deadlines counted on a provisional year, soonest first (GET /admin/calendar/provisional-deadlines). */
export function useProvisionalDeadlines(limit: number) {
  return useQuery({
    queryKey: manageKey('calendar', 'provisional', limit),
    queryFn: () => call(api.GET('/admin/calendar/provisional-deadlines', { params: { query: { limit } } })),
  });
}

/** Projections and workflows with their checkpoints, lag and rebuilds (GET /admin/projections); asked every second while a rebuild runs. */
export function useProjections() {
  return useQuery({
    queryKey: manageKey('projections'),
    queryFn: () => call(api.GET('/admin/projections')),
    refetchInterval: (query) => (query.state.data?.rebuilds.some((rebuild) => rebuild.state === 'running') ? 1000 : false),
  });
}

/** Workflow inputs parked after their retries failed (GET /admin/dead-letters). */
export function useDeadLetters() {
  return useQuery({ queryKey: manageKey('dead-letters'), queryFn: () => call(api.GET('/admin/dead-letters')) });
}

export type DeliveryStatus = 'queued' | 'sent' | 'retrying' | 'failed';

/** Notification deliveries, newest first, optionally of one status (GET /admin/deliveries). */
export function useDeliveries(status: DeliveryStatus | undefined, limit = 100) {
  return useQuery({
    queryKey: manageKey('deliveries', status ?? 'all', limit),
    queryFn: () => call(api.GET('/admin/deliveries', { params: { query: { ...(status ? { status } : {}), limit } } })),
  });
}

/** The units of the admin's subtree, parents first (GET /directory/units). */
export function useUnits() {
  return useQuery({ queryKey: manageKey('directory', 'units'), queryFn: () => call(api.GET('/directory/units')) });
}

/** Refreshes the workspace's queries under `parts` (all of them without). */
export function useManageRefresh() {
  const queries = useQueryClient();
  return (...parts: readonly unknown[]): Promise<void> => queries.invalidateQueries({ queryKey: manageKey(...parts) });
}
