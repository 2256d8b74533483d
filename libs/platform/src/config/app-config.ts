import { NotificationsConfig } from './notifications-config';
import { OidcConfig } from './oidc-config';
import { S3Config } from './s3-config';

/** Which parts of Bihuan a process runs: `all` (embedded default: API + worker), `api` or `worker`. */
export const ROLES_OF_PROCESS = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof ROLES_OF_PROCESS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const SQLITE_SYNCHRONOUS_MODES = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Who may read an operational endpoint (/metrics, the API docs): anyone, an admin token, nobody. */
export const EXPOSURES = ['public', 'admin', 'off'] as const;
export type Exposure = (typeof EXPOSURES)[number];

/**
 * What an empty directory starts with (DIRECTORY_SEED): `none` — one root unit and one administrator
 * (production); `demo` — the demo jurisdiction and users with known passwords (demo command, tests).
 */
export const DIRECTORY_SEEDS = ['none', 'demo'] as const;
export type DirectorySeed = (typeof DIRECTORY_SEEDS)[number];

export interface DirectoryConfig {
  readonly seed: DirectorySeed;
  /** Name of the root unit created on first start when seed is `none` (DIRECTORY_ROOT_NAME). */
  readonly rootName: string;
}

/**
 * Where token keys come from — exactly one: a key generated into DATA_DIR on first start (embedded
 * default), JWT_SECRET (HS256), JWT_PUBLIC_KEY (PEM, verify only) or JWT_JWKS_URL (identity provider).
 */
export type JwtKeySource =
  | { readonly kind: 'generated' }
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly publicKey: string }
  | { readonly kind: 'jwks'; readonly url: string };

export interface JwtConfig {
  readonly source: JwtKeySource;
  readonly issuer: string;
  readonly audience: string | null;
  /** Longest a token may live (exp − iat, and exp − now), seconds. */
  readonly maxLifetimeSeconds: number;
}

/** `system`, or a demo clock that starts at a fixed instant and then runs (`fake:<iso>`). */
export type ClockSpec = { readonly kind: 'system' } | { readonly kind: 'fake'; readonly start: string };

/**
 * Express `trust proxy` (TRUST_PROXY): `false` — `req.ip` is the TCP peer; a hop count; the proxies'
 * addresses, CIDRs or the names loopback/linklocal/uniquelocal; `true` — anyone (refused in production).
 */
export type TrustProxy = boolean | number | readonly string[];

/** Idempotency timings in the units operators set them in (docs/api/idempotency.md). */
export interface IdempotencyConfig {
  /** How long an `Idempotency-Key` answer is kept (IDEMPOTENCY_TTL_HOURS). */
  readonly ttlHours: number;
  /** Identical public submissions from one client within this window make one ticket (IDEMPOTENCY_FOLD_WINDOW_MINUTES). */
  readonly foldWindowMinutes: number;
  /** How long a duplicate of a running keyed request waits for its answer (IDEMPOTENCY_WAIT_SECONDS). */
  readonly waitSeconds: number;
}

/** Timer backend settings (docs/operations.md, docs/timers.md). */
export interface TimerConfig {
  /** BullMQ queue name (TIMER_QUEUE), default `bihuan-timers`. */
  readonly queue: string;
  /** BullMQ key prefix (REDIS_PREFIX), default `bull`: deployments sharing a Redis differ in prefix or queue. */
  readonly redisPrefix: string;
  /** Seconds between the worker's timer reconciliations (TIMER_RECONCILE_SECONDS), default 30. */
  readonly reconcileSeconds: number;
}

/**
 * The validated configuration every app boots from. Built once by `loadConfig(process.env)`
 * so that a bad setting stops the process before it opens anything.
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute path; holds `bihuan.sqlite` (log, timers, read models) in the embedded default. */
  readonly dataDir: string;
  /** EventStoreDB connection string; null: the embedded SQLite log. */
  readonly esdbUrl: string | null;
  /** PostgreSQL connection string; the log lives there (schema `eventlog`) unless ESDB_URL is set. */
  readonly postgresUrl: string | null;
  /** Redis URL; null: timers in the SQLite file instead of BullMQ. */
  readonly redisUrl: string | null;
  readonly timers: TimerConfig;
  readonly role: ProcessRole;
  readonly logLevel: LogLevel;
  readonly sqliteSynchronous: SqliteSynchronous;
  readonly nodeEnv: NodeEnv;
  readonly jwt: JwtConfig;
  readonly clock: ClockSpec;
  readonly metrics: Exposure;
  readonly apiDocs: Exposure;
  readonly trustProxy: TrustProxy;
  readonly idempotency: IdempotencyConfig;
  /** How long a stop waits for in-flight requests before it closes their connections (SHUTDOWN_GRACE_SECONDS). */
  readonly shutdownGraceSeconds: number;
  /** The worker process's health and metrics listener (WORKER_HTTP_PORT); null: none (0). */
  readonly workerHttpPort: number | null;
  readonly directory: DirectoryConfig;
  /** Single sign-on (OIDC_*); null: none. */
  readonly oidc: OidcConfig | null;
  /** Evidence files in S3-compatible object storage (S3_*); null: under `<DATA_DIR>/files`. */
  readonly s3: S3Config | null;
  /** Delivery channels beyond the inbox (SMTP_*, SMS_GATEWAY_*, NOTIFY_WEBHOOK_SECRET_*). */
  readonly notifications: NotificationsConfig;
  /**
   * PUBLIC_BASE_URL: where people open the console (https://bihuan.wjw.example.cn); links that leave
   * the system (e-mail, webhooks, SMS) are made absolute with it. Null: they stay paths.
   */
  readonly publicBaseUrl: string | null;
  /**
   * CONSOLE_DIR: the built web console (`npm run build` writes it to dist/console); the API serves it
   * at `/` when its index.html is there, and answers only the API otherwise.
   */
  readonly consoleDir: string;
}

/** The generated signing key of the embedded default (0600, beside the log). */
export function signingKeyFileOf(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir.replace(/[\\/]+$/, '')}/jwt-signing.key`;
}

/** The one SQLite file of the embedded default (store, timers, checkpoints, read models). */
/** Where the log is, for start-up lines: the adapter openEventStore picks. */
export function storeKindOf(config: Pick<AppConfig, 'esdbUrl' | 'postgresUrl'>): 'esdb' | 'postgres' | 'sqlite' {
  return config.esdbUrl ? 'esdb' : config.postgresUrl ? 'postgres' : 'sqlite';
}

export function sqliteFileOf(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir.replace(/[\\/]+$/, '')}/bihuan.sqlite`;
}

/** Evidence files of the embedded default (the fs blob store), unless S3_BUCKET moves them to object storage. */
export function filesDirOf(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir.replace(/[\\/]+$/, '')}/files`;
}

/** Where uploads are streamed while they are checked (`<DATA_DIR>/staging`), removed once answered. */
export function stagingDirOf(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir.replace(/[\\/]+$/, '')}/staging`;
}

/** Whether this process serves HTTP / runs the worker. */
export function runsApi(config: Pick<AppConfig, 'role'>): boolean {
  return config.role === 'all' || config.role === 'api';
}

export function runsWorker(config: Pick<AppConfig, 'role'>): boolean {
  return config.role === 'all' || config.role === 'worker';
}
