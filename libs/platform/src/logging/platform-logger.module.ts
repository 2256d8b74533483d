import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as PinoInstance } from 'pino';
import pinoHttp, { HttpLogger } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../platform.tokens';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * A request id per HTTP request: the caller's `x-request-id` when it is a safe token (so ids
 * follow a request across proxies), else a fresh UUID. It is echoed in the response header and
 * carried on every log line of the request as `req.id`.
 */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

const roots = new WeakMap<AppConfig, PinoInstance>();

/** The process's pino logger: JSON lines on stdout, level names, ISO times. */
export function rootLogger(config: AppConfig): PinoInstance {
  let logger = roots.get(config);
  if (!logger) {
    logger = pino({
      level: config.logLevel,
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    });
    roots.set(config, logger);
  }
  return logger;
}

const UNLOGGED = /^\/(health(\/(live|ready))?|metrics)$/;

/** pino's view of a request (pino-std-serializers), of which the log keeps only what is listed below. */
type SerializedRequest = { id?: unknown; method?: string; url?: string; remoteAddress?: string; headers?: Record<string, unknown> };

/**
 * What a request line says of the request: its id, method, url, the peer's address and its user
 * agent — never the headers as a whole. The authorization header, cookies and a ticket's secret
 * cannot reach the log however a client names or spells them, where a list of headers to redact
 * would let through any header it did not foresee. Also cheaper: pino-http serialises the request
 * for every request, logged or not (its child logger), and stringifying and redacting every header
 * was ~5 % of a read's CPU (issue 14, item 6).
 */
export function requestForLog(req: SerializedRequest): Record<string, unknown> {
  const agent = req.headers?.['user-agent'];
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    remoteAddress: req.remoteAddress,
    ...(typeof agent === 'string' ? { userAgent: agent } : {}),
  };
}

/** A response line keeps its status; the answer's headers say nothing the status and time do not. */
export function responseForLog(res: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

/**
 * The HTTP request logger. Mount it before the body parsers (createApp does), so that requests
 * refused by them (413, malformed JSON) are logged with their id like every other request: once,
 * on completion, at info / warn (4xx) / error (5xx). Probes and scrapes (/health, /health/live,
 * /health/ready, /metrics) are not logged.
 */
export function httpLogger(config: AppConfig): HttpLogger {
  return pinoHttp({
    logger: rootLogger(config),
    genReqId: requestIdOf,
    serializers: { req: requestForLog, res: responseForLog },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => UNLOGGED.test(req.url ?? '') },
  });
}

/**
 * Structured JSON logs (pino via nestjs-pino) for every app, at LOG_LEVEL: Nest's `Logger` writes
 * through the root logger. `useExisting`: the HTTP app mounts `httpLogger` itself.
 *
 * `forRoutes: []`: nestjs-pino's own middleware is mounted on no route. It would bind each
 * request's logger in an AsyncLocalStorage, and on Node 20 one AsyncLocalStorage in use turns on
 * promise hooks for every promise of the process — ~5 % of a command's CPU for the request id on
 * the few lines Nest code logs during a request (issue 14, item 6). The request line itself carries
 * `req.id` (pino-http), and so does the one line that matters for a request gone wrong: the 500's
 * stack, which HttpErrorFilter writes through the request's own logger (`requestLogger`).
 */
export function platformLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [CONFIG],
    useFactory: (config: AppConfig) => ({ pinoHttp: { logger: rootLogger(config) }, useExisting: true, forRoutes: [] }),
  });
}

/** The logger pino-http gave this request (its lines carry `req.id`), if the request went through it. */
export function requestLogger(req: unknown): PinoInstance | undefined {
  const log = (req as { log?: unknown } | null)?.log;
  return typeof log === 'object' && log !== null && typeof (log as { error?: unknown }).error === 'function'
    ? (log as PinoInstance)
    : undefined;
}
