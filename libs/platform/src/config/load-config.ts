import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateSync } from 'class-validator';
import { AppConfig, ClockSpec, DirectorySeed, Exposure, LogLevel, NodeEnv, ProcessRole, SqliteSynchronous } from './app-config';
import { CONFIG_VARIABLES, EnvironmentVariables } from './environment-variables';
import { ConfigError, ConfigProblem } from './config-error';
import { jwtConfigOf, testJwtConfig } from './jwt-config';
import { oidcConfigOf } from './oidc-config';
import { notificationsConfigOf } from './notifications-config';
import { parseTrustProxy } from './trust-proxy';
import { s3ConfigOf } from './s3-config';

export interface LoadConfigOptions {
  /** Create DATA_DIR when missing (default true); false for checks that must not touch the disk. */
  readonly createDataDir?: boolean;
  /** Base for a relative DATA_DIR (default: the working directory). */
  readonly cwd?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): AppConfig {
  const raw = new EnvironmentVariables();
  for (const name of CONFIG_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const problems: ConfigProblem[] = validateSync(raw).map((error) => ({
    variable: error.property,
    rule: Object.values(error.constraints ?? {})[0] ?? 'is invalid',
    value: String(raw[error.property as keyof EnvironmentVariables] ?? ''),
  }));
  const nodeEnv = (raw.NODE_ENV ?? 'development') as NodeEnv;
  const production = nodeEnv === 'production';
  const { jwt, problems: jwtProblems } = problems.length > 0 ? { jwt: null, problems: [] } : jwtConfigOf(raw, nodeEnv);
  const { oidc, problems: oidcProblems } = oidcConfigOf(raw);
  const { s3, problems: s3Problems } = s3ConfigOf(raw);
  const { notifications, problems: notificationProblems } = notificationsConfigOf(raw, env);
  problems.push(...jwtProblems, ...oidcProblems, ...s3Problems, ...notificationProblems, ...(production ? productionProblems(raw) : []));
  if (problems.length > 0 || !jwt) {
    // Unlisted names (NOTIFY_WEBHOOK_SECRET_*) sort last: indexOf's -1 would put them first.
    const order = (v: string): number => {
      const at = (CONFIG_VARIABLES as readonly string[]).indexOf(v.split(',')[0]!);
      return at < 0 ? CONFIG_VARIABLES.length : at;
    };
    throw new ConfigError(problems.sort((a, b) => order(a.variable) - order(b.variable)));
  }
  const dataDir = resolve(options.cwd ?? process.cwd(), raw.DATA_DIR ?? './data');
  if (options.createDataDir ?? true) {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError([{ variable: 'DATA_DIR', rule: `must be a directory that can be created (${reason})`, value: dataDir }]);
    }
  }
  return {
    port: Number(raw.PORT ?? 3000),
    host: raw.HOST ?? '0.0.0.0',
    dataDir,
    esdbUrl: raw.ESDB_URL ?? null,
    postgresUrl: raw.POSTGRES_URL ?? null,
    redisUrl: raw.REDIS_URL ?? null,
    timers: {
      queue: raw.TIMER_QUEUE ?? 'bihuan-timers',
      redisPrefix: raw.REDIS_PREFIX ?? 'bull',
      reconcileSeconds: Number(raw.TIMER_RECONCILE_SECONDS ?? 30),
    },
    role: (raw.ROLE ?? 'all') as ProcessRole,
    logLevel: (raw.LOG_LEVEL ?? 'info') as LogLevel,
    sqliteSynchronous: (raw.SQLITE_SYNCHRONOUS ?? 'FULL') as SqliteSynchronous,
    nodeEnv,
    jwt,
    clock: parseClockSpec(raw.CLOCK ?? 'system'),
    metrics: (raw.METRICS ?? (production ? 'admin' : 'public')) as Exposure,
    apiDocs: (raw.API_DOCS ?? (production ? 'off' : 'public')) as Exposure,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
    idempotency: {
      ttlHours: Number(raw.IDEMPOTENCY_TTL_HOURS ?? 24),
      foldWindowMinutes: Number(raw.IDEMPOTENCY_FOLD_WINDOW_MINUTES ?? 10),
      waitSeconds: Number(raw.IDEMPOTENCY_WAIT_SECONDS ?? 10),
    },
    shutdownGraceSeconds: Number(raw.SHUTDOWN_GRACE_SECONDS ?? 25),
    workerHttpPort: workerHttpPortOf(raw.WORKER_HTTP_PORT),
    directory: {
      seed: (raw.DIRECTORY_SEED ?? 'none') as DirectorySeed,
      rootName: raw.DIRECTORY_ROOT_NAME ?? '卫生健康委员会',
    },
    oidc,
    s3,
    notifications,
    publicBaseUrl: raw.PUBLIC_BASE_URL ? raw.PUBLIC_BASE_URL.replace(/\/+$/, '') : null,
    consoleDir: raw.CONSOLE_DIR ? resolve(options.cwd ?? process.cwd(), raw.CONSOLE_DIR) : builtConsoleDir(),
  };
}

/**
 * dist/console of this checkout: the nearest folder above this file holding package.json is the
 * project root, both when running from source (tests) and from dist/ (npm start).
 */
function builtConsoleDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/** NODE_ENV=production refuses what is only acceptable on a developer's machine. */
function productionProblems(raw: EnvironmentVariables): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (raw.CLOCK?.startsWith('fake:'))
    problems.push({ variable: 'CLOCK', rule: 'must be "system" when NODE_ENV=production', value: raw.CLOCK });
  if (raw.METRICS === 'public')
    problems.push({ variable: 'METRICS', rule: 'must be admin or off when NODE_ENV=production', value: raw.METRICS });
  if (raw.API_DOCS === 'public')
    problems.push({ variable: 'API_DOCS', rule: 'must be admin or off when NODE_ENV=production', value: raw.API_DOCS });
  // `true` believes any sender's X-Forwarded-For: clients could forge the address rate limits key on.
  if (raw.TRUST_PROXY === 'true') {
    problems.push({
      variable: 'TRUST_PROXY',
      rule: 'must name the proxies (addresses or a hop count), not true, when NODE_ENV=production',
      value: raw.TRUST_PROXY,
    });
  }
  return problems;
}

/** 3001 beside the api's 3000 by default; `0` turns the listener off (e.g. several workers on one host). */
function workerHttpPortOf(value: string | undefined): number | null {
  const port = Number(value ?? 3001);
  return port === 0 ? null : port;
}

function parseClockSpec(value: string): ClockSpec {
  return value === 'system' ? { kind: 'system' } : { kind: 'fake', start: new Date(value.slice('fake:'.length)).toISOString() };
}

/** A configuration for tests and tools: the defaults, overridden, without touching the disk. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const base = loadConfig({}, { createDataDir: false });
  return { ...base, role: 'api', logLevel: 'silent', jwt: testJwtConfig(), directory: { ...base.directory, seed: 'demo' }, ...overrides };
}

/** Warnings worth logging at start (e.g. a demo clock). */
export function configWarnings(config: AppConfig): string[] {
  const warnings: string[] = [];
  if (config.jwt.source.kind === 'generated')
    warnings.push('No JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL: tokens are signed with the key generated in DATA_DIR/jwt-signing.key');
  if (config.clock.kind === 'fake') warnings.push(`CLOCK=fake: time starts at ${config.clock.start} (demo only)`);
  return warnings;
}
