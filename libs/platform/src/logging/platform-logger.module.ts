import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as PinoInstance } from 'pino';
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

/** What the request line reads of a request: Node's own, with what Express and the id add. */
interface LoggedRequest extends IncomingMessage {
  readonly originalUrl?: string;
  /** The process's logger, kept for `requestLogger` (a child is made only for a line that needs one). */
  [ROOT_LOGGER]?: PinoInstance;
}

const ROOT_LOGGER = Symbol('bihuan.rootLogger');

/**
 * What a request line says of the request: its id, method, url (as the client sent it), the
 * peer's address and its user agent — never the headers as a whole. The authorization header,
 * cookies and a ticket's secret cannot reach the log however a client names or spells them, where a
 * list of headers to redact would let through any header it did not foresee.
 */
export function requestForLog(req: LoggedRequest): Record<string, unknown> {
  const agent = req.headers['user-agent'];
  return {
    id: req.id,
    method: req.method,
    url: req.originalUrl ?? req.url,
    remoteAddress: req.socket?.remoteAddress,
    ...(typeof agent === 'string' ? { userAgent: agent } : {}),
  };
}

/** 5xx error; 4xx, and a client that went away before its answer, warn; the rest info. */
function levelOf(statusCode: number, completed: boolean): 'error' | 'warn' | 'info' {
  return statusCode >= 500 ? 'error' : !completed || statusCode >= 400 ? 'warn' : 'info';
}

/**
 * The HTTP request logger. Mount it before the body parsers (createApp does), so that requests
 * refused by them (413, malformed JSON) are logged with their id like every other request: once,
 * when the response finishes or the connection closes before it did ("request aborted"), at info,
 * warn (4xx; aborted: the client went away, the server did nothing wrong) or error (5xx). Probes
 * and scrapes (/health, /health/live, /health/ready, /metrics) are not logged.
 *
 * Written here rather than taken from pino-http (ADR 0028): pino-http makes a child logger per
 * request, serialising the request into it whether or not a line is ever written, and that was
 * ~4 % of a read's CPU and ~11 kB of garbage per request (issue 14, item 6). Here a request costs
 * its id and two listeners; the line is built only when its level is enabled, and a logger bound to
 * the request only for the rare line that needs one (`requestLogger`: a 500's stack).
 */
export function httpLogger(config: AppConfig): RequestLogging {
  return requestLogging(rootLogger(config));
}

type RequestLogging = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** `httpLogger` writing to the given logger (tests give theirs). */
export function requestLogging(root: PinoInstance): RequestLogging {
  return function logRequest(req: LoggedRequest, res: ServerResponse, next: () => void): void {
    // `req.id` is declared on IncomingMessage by pino-http's types (nestjs-pino brings them).
    req.id = requestIdOf(req, res);
    req[ROOT_LOGGER] = root;
    if (!UNLOGGED.test(req.url ?? '')) {
      const started = Date.now();
      const complete = (): void => {
        res.off('finish', complete);
        res.off('close', complete);
        const completed = res.writableEnded && !req.readableAborted;
        const level = levelOf(res.statusCode, completed);
        if (!root.isLevelEnabled(level)) return;
        root[level](
          { req: requestForLog(req), res: { statusCode: res.statusCode }, responseTime: Date.now() - started },
          completed ? 'request completed' : 'request aborted',
        );
      };
      res.on('finish', complete);
      res.on('close', complete);
    }
    next();
  };
}

/**
 * Structured JSON logs (pino via nestjs-pino) for every app, at LOG_LEVEL: Nest's `Logger` writes
 * through the root logger. `useExisting`: the HTTP app mounts `httpLogger` itself.
 *
 * `forRoutes: []`: nestjs-pino's own middleware is mounted on no route. It would bind each
 * request's logger in an AsyncLocalStorage, and on Node 20 one AsyncLocalStorage in use turns on
 * promise hooks for every promise of the process — ~5 % of a command's CPU for the request id on
 * the few lines Nest code logs during a request (issue 14, item 6). The request line itself carries
 * `req.id` (`httpLogger`), and so does the one line that matters for a request gone wrong: the 500's
 * stack, which HttpErrorFilter writes through the request's own logger (`requestLogger`).
 */
export function platformLoggerModule(): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [CONFIG],
    useFactory: (config: AppConfig) => ({ pinoHttp: { logger: rootLogger(config) }, useExisting: true, forRoutes: [] }),
  });
}

/**
 * A logger for a line about this request, carrying `req` as the request line does (so its `req.id`
 * too), if the request went through `httpLogger`: made when asked, which is when something went wrong.
 */
export function requestLogger(req: unknown): PinoInstance | undefined {
  const request = req as LoggedRequest | null;
  const root = request?.[ROOT_LOGGER];
  return root ? root.child({ req: requestForLog(request!) }) : undefined;
}
