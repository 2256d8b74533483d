import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { findingKey } from '../../inspector/inspector-api';
import { LIVE_KEYS } from '../../session/live-updates';
import { caseFilesKey } from '../../shared/CaseFiles';

/** The finding's stream, as the audit's file routes name it. */
export const findingStream = (findingId: string): string => `finding-${findingId}`;

/* The finding itself is read by useFinding in inspector-api (one query for both workspaces' views). */

/** GET /findings/:id/history — the readable timeline. */
export function useFindingHistory(findingId: string) {
  return useQuery({
    queryKey: [...findingKey(findingId), 'history'],
    queryFn: () => call(api.GET('/findings/{findingId}/history', { params: { path: { findingId } } })),
  });
}

/** After a step: the finding, its timeline, its files, the ledger and the to-dos are re-read. */
export function useRefreshFinding(findingId: string): () => Promise<unknown> {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: findingKey(findingId) }),
      queries.invalidateQueries({ queryKey: caseFilesKey(findingStream(findingId)) }),
      queries.invalidateQueries({ queryKey: ['ledger'] }),
      queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }),
    ]);
}
