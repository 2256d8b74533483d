import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';
import { LIVE_KEYS } from '../session/live-updates';
import { CASE_FILES_KEYS } from '../shared/CaseFiles';

/** The finding's own queries (page, actions) all sit under this key, so one step refreshes them together. */
export const findingKey = (findingId: string) => ['finding', findingId] as const;
export const complaintKey = (ticketId: string) => ['complaint', ticketId] as const;
export const visitKey = (visitId: string) => ['visit', visitId] as const;

/** The finding as its stream says now (GET /findings/:id). */
export function useFinding(findingId: string) {
  return useQuery({
    queryKey: [...findingKey(findingId), 'detail'],
    queryFn: () => call(api.GET('/findings/{findingId}', { params: { path: { findingId } } })),
  });
}

/** The ticket with its history (GET /complaints/:id). */
export function useComplaint(ticketId: string) {
  return useQuery({
    queryKey: [...complaintKey(ticketId), 'detail'],
    queryFn: () => call(api.GET('/complaints/{id}', { params: { path: { id: ticketId } } })),
  });
}

/**
 * After a step: everything shown about the case, its file list (CaseFiles: a re-check's photos), the
 * to-do lists and the workspace's lists (visits, reviews, complaints).
 */
export function useRefreshAfterStep() {
  const queries = useQueryClient();
  return (key: readonly string[]): Promise<unknown> =>
    Promise.all([
      queries.invalidateQueries({ queryKey: key }),
      queries.invalidateQueries({ queryKey: CASE_FILES_KEYS }),
      queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }),
      queries.invalidateQueries({ queryKey: ['inspector'] }),
      queries.invalidateQueries({ queryKey: ['visits'] }),
      queries.invalidateQueries({ queryKey: ['complaints'] }),
    ]);
}

/** The institutions (医疗机构) of the inspector's jurisdiction, for pickers: from the directory. */
export function useInstitutions() {
  const units = useQuery({
    queryKey: ['directory', 'units'],
    queryFn: () => call(api.GET('/directory/units')),
    staleTime: 10 * 60_000,
  });
  const institutions = (units.data?.units ?? []).filter((unit) => unit.kind === 'institution');
  return {
    loading: units.isLoading,
    institutions,
    nameOf: (id: string | null | undefined): string => (id ? (institutions.find((unit) => unit.id === id)?.name ?? id) : '—'),
  };
}

/** A fresh key for one intended action (docs/api/idempotency.md): a retry of it never acts twice. */
export function newActionKey(): string {
  // randomUUID exists only in secure contexts; a hospital intranet may serve the console over plain http.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
