import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../client/client';
import { call } from '../client/errors';

/** Query keys the live stream refreshes: a page showing to-dos or notifications uses these. */
export const LIVE_KEYS = { todos: ['todos'], notifications: ['notifications'] } as const;

/**
 * Opens the signed-in person's event stream (GET /me/stream with a one-time ticket, since
 * EventSource sends no Authorization header) and refreshes to-dos and notifications as events
 * arrive; reconnects with a fresh ticket after a drop.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queries = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const open = async (): Promise<void> => {
      try {
        const { url } = await call(api.POST('/me/stream-ticket'));
        if (stopped) return;
        source = new EventSource(url);
        source.addEventListener('todo', () => void queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }));
        const notified = (): void => void queries.invalidateQueries({ queryKey: LIVE_KEYS.notifications });
        source.addEventListener('notification', notified);
        source.addEventListener('unread', notified);
        source.onerror = () => {
          source?.close();
          if (!stopped) retry = setTimeout(() => void open(), 5_000);
        };
      } catch {
        if (!stopped) retry = setTimeout(() => void open(), 15_000);
      }
    };
    void open();
    return () => {
      stopped = true;
      source?.close();
      if (retry) clearTimeout(retry);
    };
  }, [enabled, queries]);
}
