import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorBody, statusText } from '../http/error-body';
import { ShutdownState } from './shutdown-state';

/** Paths that keep answering while the process stops: probes must see it unready, scrapers its last figures. */
const OPERATIONAL = /^\/(health(\/(live|ready))?|metrics)\/?$/;

/** Seconds a refused client is told to wait: enough for a load balancer to route elsewhere or a restart. */
export const RETRY_AFTER_SECONDS = 5;

export const SHUTTING_DOWN: ErrorBody = {
  statusCode: 503,
  error: statusText(503),
  code: 'SHUTTING_DOWN',
  message: 'The server is stopping and took no action on this request; retry it',
};

/**
 * The first middleware after the request log: counts every request in flight for the drain and,
 * once the process is stopping, refuses new ones with 503 + Retry-After before anything reads
 * the body or writes — so a refused command was certainly not written and is safe to retry.
 */
export function requestGate(state: ShutdownState) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (OPERATIONAL.test((req.url ?? '/').split('?')[0]!)) return next();
    if (state.stopping) {
      res.writeHead(503, {
        'Retry-After': String(RETRY_AFTER_SECONDS),
        Connection: 'close',
        'Content-Type': 'application/json; charset=utf-8',
      });
      res.end(JSON.stringify(SHUTTING_DOWN));
      return;
    }
    state.track(res);
    next();
  };
}
