import type { IncomingMessage, ServerResponse } from 'node:http';
import { LiveEvent, LiveUpdates } from './live-updates';

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  readonly heartbeatMs: number;
  /** The browser's `retry:` hint: how long EventSource waits before it reconnects. */
  readonly retryMs: number;
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = Object.freeze({ heartbeatMs: 25_000, retryMs: 5_000 });

/** One SSE frame; `data` is one JSON line, so no newline inside it can break the frame. */
export const sseFrame = (event: LiveEvent): string => `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/**
 * Turns the response into the user's text/event-stream: the retry hint, a `ready` event, then their
 * live events and heartbeats until the client goes away or the process stops. Exactly one cleanup
 * runs (listener removed, heartbeat cleared) whichever end comes first, so nothing outlives the stream.
 */
export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  live: LiveUpdates,
  userId: string,
  options: EventStreamOptions,
): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('Connection', 'keep-alive');
  // nginx buffers responses unless told otherwise; an event must not wait for a buffer to fill.
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.write(`retry: ${options.retryMs}\n\n`);
  response.write(`event: ready\ndata: {}\n\n`);

  let open = true;
  const heartbeat = setInterval(() => response.write(`: heartbeat\n\n`), options.heartbeatMs);
  heartbeat.unref();
  const unsubscribe = live.subscribe(userId, {
    send: (event) => {
      if (open) response.write(sseFrame(event));
    },
    end: () => finish(true),
  });
  function finish(endResponse: boolean): void {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
    if (endResponse && !response.writableEnded) response.end();
  }
  request.on('close', () => finish(false));
  response.on('close', () => finish(false));
}
