import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/** Every audit read of one case sits under this key, so a step taken on the page refreshes them together. */
export const auditKey = (stream: string) => ['audit', stream] as const;

/** Timeline entries a page holds: most cases fit on one, so causes are a scroll away rather than a page away. */
export const TIMELINE_PAGE_SIZE = 200;

/** Roles that may read case audits (the API's @Roles on /audit/cases/… and /audit/ledgers/…; others get 403). */
export const AUDIT_READER_ROLES: readonly string[] = ['leader', 'admin', 'inspector', 'hospital'];
/** Roles that may unfold the bookkeeping (?all=true, the API's FULL_HISTORY_ROLES). */
export const FULL_HISTORY_ROLES: readonly string[] = ['leader', 'admin'];

/** GET /audit/cases/:stream/history — one page of the merged timeline, as it stands now. */
export function useCaseHistory(stream: string, page: number, all: boolean) {
  return useQuery({
    queryKey: [...auditKey(stream), 'history', page, all],
    queryFn: () =>
      call(
        api.GET('/audit/cases/{stream}/history', {
          params: { path: { stream }, query: { page, pageSize: TIMELINE_PAGE_SIZE, ...(all ? { all: 'true' as const } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /audit/cases/:stream/instants — when each event of the timeline was recorded (the slider's stops). */
export function useCaseInstants(stream: string, all: boolean) {
  return useQuery({
    queryKey: [...auditKey(stream), 'instants', all],
    queryFn: () => call(api.GET('/audit/cases/{stream}/instants', { params: { path: { stream }, query: all ? { all: 'true' } : {} } })),
  });
}

/** GET /audit/cases/:stream/state — the case stream's state at `asOf` (null: now); only for categories with a state. */
export function useCaseState(stream: string, asOf: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...auditKey(stream), 'state', asOf],
    queryFn: () => call(api.GET('/audit/cases/{stream}/state', { params: { path: { stream }, query: asOf ? { asOf } : {} } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** GET /audit/cases/:stream/integrity — the SM3 chain of every stream of the case, checked now. */
export function useCaseIntegrity(stream: string) {
  return useQuery({
    queryKey: [...auditKey(stream), 'integrity'],
    queryFn: () => call(api.GET('/audit/cases/{stream}/integrity', { params: { path: { stream } } })),
  });
}

/** GET /audit/ledgers/:institutionId — the rectification ledger recomputed from the log at `asOf` (null: now). */
export function useLedgerAsOf(institutionId: string, asOf: string | null) {
  return useQuery({
    queryKey: ['audit', 'ledger', institutionId, asOf],
    queryFn: () => call(api.GET('/audit/ledgers/{institutionId}', { params: { path: { institutionId }, query: asOf ? { asOf } : {} } })),
    placeholderData: keepPreviousData,
  });
}
