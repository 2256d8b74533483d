/** Which parts of Bihuan a process runs: `all` (embedded default: API + worker), `api` or `worker`. */
export const ROLES_OF_PROCESS = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof ROLES_OF_PROCESS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const SQLITE_SYNCHRONOUS_MODES = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

/** `system`, or a demo clock that starts at a fixed instant and then runs (`fake:<iso>`). */
export type ClockSpec = { readonly kind: 'system' } | { readonly kind: 'fake'; readonly start: string };

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
  /** Redis URL; null: timers in the SQLite file instead of BullMQ. */
  readonly redisUrl: string | null;
  readonly role: ProcessRole;
  readonly logLevel: LogLevel;
  readonly sqliteSynchronous: SqliteSynchronous;
  /** Secret for signing tokens; null only when ESDB_URL is set and none was given. */
  readonly jwtSecret: string | null;
  /** True when jwtSecret is the built-in development secret (embedded default only). */
  readonly jwtSecretIsDevDefault: boolean;
  readonly clock: ClockSpec;
}

/** The development secret, used only on the embedded default when JWT_SECRET is unset. */
export const DEV_JWT_SECRET = 'bihuan-dev-secret-do-not-use-in-production';

/** The one SQLite file of the embedded default (store, timers, checkpoints, read models). */
export function sqliteFileOf(config: Pick<AppConfig, 'dataDir'>): string {
  return `${config.dataDir.replace(/[\\/]+$/, '')}/bihuan.sqlite`;
}

/** Whether this process serves HTTP / runs the worker. */
export function runsApi(config: Pick<AppConfig, 'role'>): boolean {
  return config.role === 'all' || config.role === 'api';
}

export function runsWorker(config: Pick<AppConfig, 'role'>): boolean {
  return config.role === 'all' || config.role === 'worker';
}
