import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../client/client';
import { call } from '../client/errors';
import { sessionStore, StoredSession } from './session-store';

/** The stored session, re-rendering when it changes here or in another tab. */
export function useStoredSession(): StoredSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.read);
}

/** Who is signed in (GET /me): id, role, unit and the unit's path. */
export function useMe(enabled = true) {
  return useQuery({ queryKey: ['me'], queryFn: () => call(api.GET('/me')), enabled, staleTime: 5 * 60_000 });
}
