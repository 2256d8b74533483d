import createClient from 'openapi-fetch';
import type { components, paths } from './schema.gen';
import { exclusively, sessionStore, SessionTokens, StoredSession } from '../session/session-store';

export type Schemas = components['schemas'];

/** Routes that sign in or out themselves: a 401 there is an answer, not an expired token. */
const SESSION_ROUTES = /^\/auth\/(sign-in|refresh|oidc\/)/;

/**
 * New tokens for a session whose access token `stale` was refused: another tab (or call) may
 * already have refreshed it — then its tokens are taken; otherwise this one refreshes, once.
 * A refused refresh ends the session (the console then shows the sign-in page).
 */
export function refreshSession(stale: string): Promise<StoredSession | null> {
  return exclusively(async () => {
    const current = sessionStore.read();
    if (!current) return null;
    if (current.accessToken !== stale) return current;
    const response = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).catch(() => null);
    if (!response) return null;
    if (!response.ok) {
      sessionStore.clear();
      return null;
    }
    return sessionStore.write((await response.json()) as SessionTokens);
  });
}

/**
 * Read-your-writes (docs/operations.md): the furthest log position a write of this tab answered
 * (`Bihuan-Position`), sent with every later read as `Bihuan-Min-Position`. The API answers such a
 * read once its read models have taken that write in, so the page a step refreshes shows the step
 * even when the read models lag the step's answer (a loaded host, another host behind the same
 * address); if they do not within 5 s it answers 503 READ_MODEL_BEHIND and the query tries again.
 */
let writtenPosition: number | null = null;

function noteWrittenPosition(response: Response): void {
  const position = Number(response.headers.get('Bihuan-Position') ?? NaN);
  if (response.ok && Number.isSafeInteger(position) && position > (writtenPosition ?? -1)) writtenPosition = position;
}

/**
 * fetch with the session's bearer token (and, for a read, the position of this tab's last write);
 * on 401 it refreshes the session once and repeats the request with the new token. Used by the
 * generated client, downloads and uploads alike.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  if (writtenPosition !== null && (request.method === 'GET' || request.method === 'HEAD')) {
    request.headers.set('Bihuan-Min-Position', String(writtenPosition));
  }
  const retry = request.clone();
  let session = sessionStore.read();
  if (session && session.expiresAt - Date.now() < 10_000) session = await refreshSession(session.accessToken);
  if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
  const response = await fetch(request);
  noteWrittenPosition(response);
  if (response.status !== 401 || !session || SESSION_ROUTES.test(new URL(request.url).pathname)) return response;
  const fresh = await refreshSession(session.accessToken);
  if (!fresh) return response;
  retry.headers.set('Authorization', `Bearer ${fresh.accessToken}`);
  const retried = await fetch(retry);
  noteWrittenPosition(retried);
  return retried;
}

/** The API, typed by its OpenAPI document (schema.gen.ts; `npm run openapi` regenerates it). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorizedFetch });
