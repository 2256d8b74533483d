import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, filesDirOf, loadConfig, sqliteFileOf, stagingDirOf } from '../index';

const noDisk = { createDataDir: false, cwd: '/srv/bihuan' };

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env, noDisk);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({}, noDisk);
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/bihuan/data',
      esdbUrl: null,
      postgresUrl: null,
      redisUrl: null,
      timers: { queue: 'bihuan-timers', redisPrefix: 'bull', reconcileSeconds: 30 },
      role: 'all',
      logLevel: 'info',
      sqliteSynchronous: 'FULL',
      nodeEnv: 'development',
      jwt: { source: { kind: 'generated' }, issuer: 'bihuan', audience: null, maxLifetimeSeconds: 43_200 },
      clock: { kind: 'system' },
      metrics: 'public',
      apiDocs: 'public',
      trustProxy: false,
      idempotency: { ttlHours: 24, foldWindowMinutes: 10, waitSeconds: 10 },
      shutdownGraceSeconds: 25,
      workerHttpPort: 3001,
      directory: { seed: 'none', rootName: '卫生健康委员会' },
      oidc: null,
      s3: null,
      notifications: { smtp: null, sms: null, webhookSecrets: {} },
      publicBaseUrl: null,
      consoleDir: resolve(__dirname, '../../../../dist/console'),
    });
    expect(sqliteFileOf(config)).toBe('/srv/bihuan/data/bihuan.sqlite');
    expect(filesDirOf(config)).toBe('/srv/bihuan/data/files');
    expect(stagingDirOf(config)).toBe('/srv/bihuan/data/staging');
  });

  it('takes single sign-on settings all four or none, naming the missing ones', () => {
    const all = {
      OIDC_ISSUER: 'https://idp.example/realms/gov',
      OIDC_CLIENT_ID: 'bihuan',
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_REDIRECT_URI: 'https://bihuan.example/auth/oidc/callback',
    };
    expect(loadConfig(all, noDisk).oidc).toEqual({
      issuer: 'https://idp.example/realms/gov',
      clientId: 'bihuan',
      clientSecret: 's3cret',
      redirectUri: 'https://bihuan.example/auth/oidc/callback',
      userClaim: null,
    });
    expect(loadConfig({ ...all, OIDC_USER_CLAIM: 'preferred_username' }, noDisk).oidc?.userClaim).toBe('preferred_username');
    expect(problemOf({ OIDC_ISSUER: all.OIDC_ISSUER, OIDC_CLIENT_ID: 'bihuan' })).toContain(
      'OIDC_CLIENT_SECRET,OIDC_REDIRECT_URI must be set together with OIDC_ISSUER, OIDC_CLIENT_ID',
    );
    expect(problemOf({ ...all, OIDC_REDIRECT_URI: 'https://bihuan.example/callback' })).toContain(
      'OIDC_REDIRECT_URI must be an http(s) URL ending in /sso/callback (the console) or /auth/oidc/callback',
    );
    expect(loadConfig({ ...all, OIDC_REDIRECT_URI: 'https://bihuan.example/sso/callback' }, noDisk).oidc?.redirectUri).toBe(
      'https://bihuan.example/sso/callback',
    );
  });

  it('takes the e-mail and SMS channels in pairs, and webhook secrets by name', () => {
    const env = {
      SMTP_URL: 'smtp://bihuan:pw@mail.example.cn:587',
      SMTP_FROM: '"闭环督办" <noreply@wjw.example.cn>',
      SMS_GATEWAY_URL: 'https://sms.example.cn/send',
      SMS_GATEWAY_TOKEN: 'tok',
      NOTIFY_WEBHOOK_SECRET_OA: 'a-secret-of-16-chars',
    };
    expect(loadConfig(env, noDisk).notifications).toEqual({
      smtp: { url: 'smtp://bihuan:pw@mail.example.cn:587', from: '"闭环督办" <noreply@wjw.example.cn>' },
      sms: { url: 'https://sms.example.cn/send', token: 'tok' },
      webhookSecrets: { OA: 'a-secret-of-16-chars' },
    });
    expect(problemOf({ SMTP_URL: env.SMTP_URL })).toContain('SMTP_FROM must be set together with SMTP_URL');
    expect(problemOf({ SMS_GATEWAY_TOKEN: 'tok' })).toContain('SMS_GATEWAY_URL must be set together with SMS_GATEWAY_TOKEN');
    expect(problemOf({ SMTP_URL: 'mail.example.cn', SMTP_FROM: env.SMTP_FROM })).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(problemOf({ NOTIFY_WEBHOOK_SECRET_OA: 'short' })).toContain('NOTIFY_WEBHOOK_SECRET_OA must be at least 16 characters long');
  });

  it('serves the console built into dist/console unless CONSOLE_DIR names another folder (relative to the working directory)', () => {
    expect(loadConfig({ CONSOLE_DIR: 'web' }, noDisk).consoleDir).toBe('/srv/bihuan/web');
  });

  it('takes PUBLIC_BASE_URL as an http(s) URL without a trailing slash, refusing anything else by name', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://bihuan.wjw.example.cn/' }, noDisk).publicBaseUrl).toBe('https://bihuan.wjw.example.cn');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://10.0.0.5:8080/console' }, noDisk).publicBaseUrl).toBe('http://10.0.0.5:8080/console');
    for (const bad of ['bihuan.example.cn', 'ftp://bihuan.example.cn', 'https://bihuan.example.cn/?a=1', 'https://x.cn/#top']) {
      expect(problemOf({ PUBLIC_BASE_URL: bad })).toContain('PUBLIC_BASE_URL must be an http(s) URL of the console');
    }
  });

  it('reads every variable, treating empty values as unset', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/bihuan',
        ESDB_URL: 'esdb+discover://es.local:2113?tls=false',
        POSTGRES_URL: 'postgresql://bihuan@db.local:5432/bihuan',
        REDIS_URL: 'rediss://cache:6380',
        TIMER_QUEUE: 'bihuan-timers.staging',
        REDIS_PREFIX: 'staging',
        TIMER_RECONCILE_SECONDS: '5',
        ROLE: 'worker',
        LOG_LEVEL: 'debug',
        SQLITE_SYNCHRONOUS: 'NORMAL',
        JWT_SECRET: 'a-long-enough-secret-value-of-32+chars',
        JWT_ISSUER: 'https://idp.example',
        JWT_AUDIENCE: 'bihuan-api',
        JWT_MAX_LIFETIME: '3600',
        METRICS: 'off',
        API_DOCS: 'admin',
        CLOCK: 'fake:2025-03-03T09:00:00+08:00',
        TRUST_PROXY: '10.0.0.5',
        IDEMPOTENCY_TTL_HOURS: '48',
        IDEMPOTENCY_FOLD_WINDOW_MINUTES: '5',
        IDEMPOTENCY_WAIT_SECONDS: '30',
        SHUTDOWN_GRACE_SECONDS: '60',
        WORKER_HTTP_PORT: '9464',
        DIRECTORY_SEED: 'demo',
        DIRECTORY_ROOT_NAME: '某省卫生健康委员会',
      },
      noDisk,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/bihuan',
      esdbUrl: 'esdb+discover://es.local:2113?tls=false',
      postgresUrl: 'postgresql://bihuan@db.local:5432/bihuan',
      redisUrl: 'rediss://cache:6380',
      timers: { queue: 'bihuan-timers.staging', redisPrefix: 'staging', reconcileSeconds: 5 },
      role: 'worker',
      logLevel: 'debug',
      sqliteSynchronous: 'NORMAL',
      jwt: {
        source: { kind: 'secret', secret: 'a-long-enough-secret-value-of-32+chars' },
        issuer: 'https://idp.example',
        audience: 'bihuan-api',
        maxLifetimeSeconds: 3600,
      },
      metrics: 'off',
      apiDocs: 'admin',
      clock: { kind: 'fake', start: '2025-03-03T01:00:00.000Z' },
      trustProxy: ['10.0.0.5'],
      idempotency: { ttlHours: 48, foldWindowMinutes: 5, waitSeconds: 30 },
      shutdownGraceSeconds: 60,
      workerHttpPort: 9464,
      directory: { seed: 'demo', rootName: '某省卫生健康委员会' },
    });
    expect(problemOf({ DIRECTORY_SEED: 'demos' })).toContain('DIRECTORY_SEED must be one of none, demo');
    expect(loadConfig({ PORT: '', REDIS_URL: '  ' }, noDisk)).toMatchObject({ port: 3000, redisUrl: null });
    expect(loadConfig({ WORKER_HTTP_PORT: '0' }, noDisk).workerHttpPort).toBeNull();
  });

  it('names a bad PORT, its rule and its value', () => {
    expect(problemOf({ PORT: 'abc' })).toBe('Invalid configuration: PORT must be an integer between 1 and 65535 (got "abc")');
    expect(problemOf({ PORT: '0' })).toContain('PORT must be an integer between 1 and 65535 (got "0")');
    expect(problemOf({ PORT: '65536' })).toContain('PORT must be an integer between 1 and 65535');
    expect(problemOf({ PORT: '80.5' })).toContain('PORT');
  });

  it('names a bad POSTGRES_URL, and takes either scheme', () => {
    expect(problemOf({ POSTGRES_URL: 'mysql://db:3306/bihuan' })).toBe(
      'Invalid configuration: POSTGRES_URL must start with postgres:// or postgresql:// (got "mysql://db:3306/bihuan")',
    );
    expect(loadConfig({ POSTGRES_URL: 'postgres://postgres@127.0.0.1:5432/bihuan' }, noDisk).postgresUrl).toBe(
      'postgres://postgres@127.0.0.1:5432/bihuan',
    );
  });

  it('names a bad ESDB_URL', () => {
    expect(problemOf({ ESDB_URL: 'http://es:2113' })).toBe(
      'Invalid configuration: ESDB_URL must start with esdb:// or esdb+discover:// (got "http://es:2113")',
    );
  });

  it('names bad timer settings and their rules', () => {
    expect(problemOf({ TIMER_RECONCILE_SECONDS: '0' })).toBe(
      'Invalid configuration: TIMER_RECONCILE_SECONDS must be a whole number of seconds between 1 and 3600 (got "0")',
    );
    expect(problemOf({ TIMER_QUEUE: 'a:b' })).toContain('TIMER_QUEUE must be 1-100 of A-Z a-z 0-9 . _ - (not only digits)');
    expect(problemOf({ TIMER_QUEUE: '42' })).toContain('TIMER_QUEUE must be');
    expect(problemOf({ REDIS_PREFIX: 'bull:x' })).toContain('REDIS_PREFIX must be 1-50 of A-Z a-z 0-9 . _ -');
  });

  it('names a bad REDIS_URL', () => {
    expect(problemOf({ REDIS_URL: 'localhost:6379' })).toBe(
      'Invalid configuration: REDIS_URL must start with redis:// or rediss:// (got "localhost:6379")',
    );
  });

  it.each([
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '100'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', '10.0.0.256'],
    ['TRUST_PROXY', 'loopback, 10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.0/0'],
    ['TRUST_PROXY', 'fd00::/129'],
    ['TRUST_PROXY', 'proxy.internal'],
    ['TRUST_PROXY', ','],
  ])('names a bad %s and its value %p', (variable, value) => {
    expect(problemOf({ [variable]: value })).toBe(
      `Invalid configuration: ${variable} must be true, false, a number of proxy hops (0-99) or a comma-separated list of IP addresses, CIDRs (10.0.0.0/8) and loopback, linklocal, uniquelocal (got "${value}")`,
    );
  });

  it.each([
    ['IDEMPOTENCY_TTL_HOURS', '0', 'hours between 1 and 720 (30 days)'],
    ['IDEMPOTENCY_TTL_HOURS', '721', 'hours between 1 and 720 (30 days)'],
    ['IDEMPOTENCY_TTL_HOURS', '1.5', 'hours between 1 and 720 (30 days)'],
    ['IDEMPOTENCY_FOLD_WINDOW_MINUTES', 'ten', 'minutes between 1 and 1440 (24 h)'],
    ['IDEMPOTENCY_FOLD_WINDOW_MINUTES', '1441', 'minutes between 1 and 1440 (24 h)'],
    ['IDEMPOTENCY_WAIT_SECONDS', '-5', 'seconds between 1 and 120'],
    ['IDEMPOTENCY_WAIT_SECONDS', '121', 'seconds between 1 and 120'],
    ['SHUTDOWN_GRACE_SECONDS', '0', 'seconds between 1 and 300'],
    ['SHUTDOWN_GRACE_SECONDS', '301', 'seconds between 1 and 300'],
  ])('names a bad %s and its value %p', (variable, value, rule) => {
    expect(problemOf({ [variable]: value })).toBe(`Invalid configuration: ${variable} must be a whole number of ${rule} (got "${value}")`);
  });

  it('names a bad WORKER_HTTP_PORT', () => {
    expect(problemOf({ WORKER_HTTP_PORT: '70000' })).toBe(
      'Invalid configuration: WORKER_HTTP_PORT must be an integer between 1 and 65535, or 0 for no listener (got "70000")',
    );
  });

  it('names every bad variable at once, in a stable order', () => {
    const message = problemOf({ REDIS_URL: 'x', PORT: 'y', ROLE: 'boss', CLOCK: 'fake:yesterday', SQLITE_SYNCHRONOUS: 'OFF' });
    expect(message.indexOf('PORT')).toBeLessThan(message.indexOf('REDIS_URL'));
    expect(message).toContain('ROLE must be one of all, api, worker (got "boss")');
    expect(message).toContain('SQLITE_SYNCHRONOUS must be one of FULL, NORMAL (got "OFF")');
    expect(message).toContain('CLOCK must be "system" or "fake:<ISO-8601 instant>"');
    let thrown: unknown;
    try {
      loadConfig({ REDIS_URL: 'x', PORT: 'y' }, noDisk);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ConfigError).problems.map((p) => p.variable)).toEqual(['PORT', 'REDIS_URL']);
  });

  it('takes one token key source, whatever the log backend', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(loadConfig({ ESDB_URL: 'esdb://es:2113' }, noDisk).jwt.source).toEqual({ kind: 'generated' });
    expect(loadConfig({ JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n') }, noDisk).jwt.source).toEqual({
      kind: 'public-key',
      publicKey: pem.trim(),
    });
    expect(loadConfig({ JWT_JWKS_URL: 'https://idp.example/jwks.json' }, noDisk).jwt.source).toEqual({
      kind: 'jwks',
      url: 'https://idp.example/jwks.json',
    });
    expect(problemOf({ JWT_SECRET: 'short' })).toContain('JWT_SECRET must be at least 32 characters long');
    expect(problemOf({ JWT_PUBLIC_KEY: 'not a key' })).toContain('JWT_PUBLIC_KEY must be a PEM public key');
    expect(problemOf({ JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URL: 'https://idp.example/jwks' })).toContain(
      'JWT_SECRET, JWT_JWKS_URL are alternatives: set at most one of them',
    );
    expect(problemOf({ JWT_SECRET: 'bihuan-dev-secret-do-not-use-in-production' })).toContain(
      'JWT_SECRET must not be the development secret published in the source',
    );
  });

  it('defaults metrics to admin and the API docs to off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }, noDisk)).toMatchObject({ nodeEnv: 'production', metrics: 'admin', apiDocs: 'off' });
    expect(problemOf({ NODE_ENV: 'staging' })).toContain('NODE_ENV must be one of development, production, test');
  });

  it.each([
    [{ JWT_SECRET: 'x'.repeat(31) }, 'JWT_SECRET must be at least 32 characters long'],
    [{ JWT_SECRET: 'bihuan-dev-secret-do-not-use-in-production' }, 'JWT_SECRET must not be the development secret'],
    [{ JWT_MAX_LIFETIME: '86401' }, 'JWT_MAX_LIFETIME must be at most 86400 seconds (24 h) when NODE_ENV=production'],
    [{ JWT_JWKS_URL: 'http://idp.example/jwks' }, 'JWT_JWKS_URL must be an https URL when NODE_ENV=production'],
    [{ CLOCK: 'fake:2025-03-03T09:00:00+08:00' }, 'CLOCK must be "system" when NODE_ENV=production'],
    [{ METRICS: 'public' }, 'METRICS must be admin or off when NODE_ENV=production'],
    [{ API_DOCS: 'public' }, 'API_DOCS must be admin or off when NODE_ENV=production'],
    [
      { TRUST_PROXY: 'true' },
      'TRUST_PROXY must name the proxies (addresses or a hop count), not true, when NODE_ENV=production (got "true")',
    ],
  ])('refuses to start in production on %o', (env, message) => {
    expect(problemOf({ NODE_ENV: 'production', ...env })).toContain(message);
  });

  it('accepts in development what production refuses (except a published secret)', () => {
    expect(
      loadConfig(
        {
          JWT_MAX_LIFETIME: '86401',
          JWT_JWKS_URL: 'http://localhost:8080/jwks',
          CLOCK: 'fake:2025-03-03T09:00:00+08:00',
          TRUST_PROXY: 'true',
        },
        noDisk,
      ),
    ).toMatchObject({ jwt: { maxLifetimeSeconds: 86_401 }, trustProxy: true });
    expect(loadConfig({ NODE_ENV: 'production', TRUST_PROXY: 'loopback' }, noDisk)).toMatchObject({ trustProxy: ['loopback'] });
  });

  it('creates DATA_DIR when missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'bihuan-config-'));
    try {
      const config = loadConfig({ DATA_DIR: join(root, 'nested', 'data') });
      expect(existsSync(config.dataDir)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
