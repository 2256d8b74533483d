import { IsIn, IsNotEmpty, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { DIRECTORY_SEEDS, EXPOSURES, LOG_LEVELS, NODE_ENVS, ROLES_OF_PROCESS, SQLITE_SYNCHRONOUS_MODES } from './app-config';
import { IsClockSpec, IsIntegerStringInRange, IsPublicKeyPem, IsTrustProxy } from './env-validators';

export { pemFromEnv } from './env-validators';

/**
 * The raw environment, one property per variable, validated with class-validator. Each
 * decorator's message is the rule stated for people; `loadConfig` adds the variable and value.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIntegerStringInRange(1, 65535, { message: 'must be an integer between 1 and 65535' })
  PORT?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or an IP address' })
  HOST?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must be a directory path' })
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^esdb(\+discover)?:\/\/\S+$/, { message: 'must start with esdb:// or esdb+discover://' })
  ESDB_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must start with postgres:// or postgresql://' })
  POSTGRES_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must start with redis:// or rediss://' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^(?!\d+$)[A-Za-z0-9._-]{1,100}$/, { message: 'must be 1-100 of A-Z a-z 0-9 . _ - (not only digits)' })
  TIMER_QUEUE?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,50}$/, { message: 'must be 1-50 of A-Z a-z 0-9 . _ -' })
  REDIS_PREFIX?: string;

  @IsOptional()
  @IsIntegerStringInRange(1, 3600, { message: 'must be a whole number of seconds between 1 and 3600' })
  TIMER_RECONCILE_SECONDS?: string;

  @IsOptional()
  @IsIn([...ROLES_OF_PROCESS], { message: `must be one of ${ROLES_OF_PROCESS.join(', ')}` })
  ROLE?: string;

  @IsOptional()
  @IsIn([...LOG_LEVELS], { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsIn([...SQLITE_SYNCHRONOUS_MODES], { message: `must be one of ${SQLITE_SYNCHRONOUS_MODES.join(', ')}` })
  SQLITE_SYNCHRONOUS?: string;

  @IsOptional()
  @IsIn([...NODE_ENVS], { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV?: string;

  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsPublicKeyPem({ message: 'must be a PEM public key (RSA or EC; \\n may stand for line breaks)' })
  JWT_PUBLIC_KEY?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\S*$/, { message: 'must be an http(s) URL' })
  JWT_JWKS_URL?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  JWT_ISSUER?: string;

  @IsOptional()
  @IsNotEmpty({ message: 'must not be empty' })
  JWT_AUDIENCE?: string;

  @IsOptional()
  @IsIntegerStringInRange(60, 2_592_000, { message: 'must be a number of seconds between 60 and 2592000 (30 days)' })
  JWT_MAX_LIFETIME?: string;

  @IsOptional()
  @IsClockSpec({ message: 'must be "system" or "fake:<ISO-8601 instant>", e.g. fake:2025-03-03T09:00:00+08:00' })
  CLOCK?: string;

  @IsOptional()
  @IsIn([...EXPOSURES], { message: `must be one of ${EXPOSURES.join(', ')}` })
  METRICS?: string;

  @IsOptional()
  @IsIn([...EXPOSURES], { message: `must be one of ${EXPOSURES.join(', ')}` })
  API_DOCS?: string;

  @IsOptional()
  @IsTrustProxy({
    message:
      'must be true, false, a number of proxy hops (0-99) or a comma-separated list of IP addresses, CIDRs (10.0.0.0/8) and loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIntegerStringInRange(1, 720, { message: 'must be a whole number of hours between 1 and 720 (30 days)' })
  IDEMPOTENCY_TTL_HOURS?: string;

  @IsOptional()
  @IsIntegerStringInRange(1, 1440, { message: 'must be a whole number of minutes between 1 and 1440 (24 h)' })
  IDEMPOTENCY_FOLD_WINDOW_MINUTES?: string;

  @IsOptional()
  @IsIntegerStringInRange(1, 120, { message: 'must be a whole number of seconds between 1 and 120' })
  IDEMPOTENCY_WAIT_SECONDS?: string;

  @IsOptional()
  @IsIntegerStringInRange(1, 300, { message: 'must be a whole number of seconds between 1 and 300' })
  SHUTDOWN_GRACE_SECONDS?: string;

  @IsOptional()
  @IsIntegerStringInRange(0, 65535, { message: 'must be an integer between 1 and 65535, or 0 for no listener' })
  WORKER_HTTP_PORT?: string;

  @IsOptional()
  @IsIn([...DIRECTORY_SEEDS], { message: `must be one of ${DIRECTORY_SEEDS.join(', ')}` })
  DIRECTORY_SEED?: string;

  @IsOptional()
  @MaxLength(100, { message: 'must be at most 100 characters long' })
  DIRECTORY_ROOT_NAME?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\S*$/, { message: "must be an http(s) URL (the identity provider's issuer)" })
  OIDC_ISSUER?: string;

  @IsOptional()
  @MaxLength(255, { message: 'must be at most 255 characters long' })
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  OIDC_CLIENT_SECRET?: string;

  /** The console's page /sso/callback (people in a browser), or the API's own callback (a client calling it directly). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\S*\/(sso\/callback|auth\/oidc\/callback)$/, {
    message: 'must be an http(s) URL ending in /sso/callback (the console) or /auth/oidc/callback',
  })
  OIDC_REDIRECT_URI?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'must be a claim name (1-100 of A-Z a-z 0-9 _ . : -)' })
  OIDC_USER_CLAIM?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\/?$/, { message: 'must be an http(s) URL of the server, without a path (e.g. http://127.0.0.1:9000)' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be a bucket name: 3-63 of a-z 0-9 . - starting and ending with a letter or digit',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]{1,50}$/, { message: 'must be a region name such as us-east-1 (a-z 0-9 -)' })
  S3_REGION?: string;

  @IsOptional()
  @Matches(/^\S{1,128}$/, { message: 'must be 1-128 characters without spaces' })
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @Matches(/^\S{1,256}$/, { message: 'must be 1-256 characters without spaces' })
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.cn:587' })
  SMTP_URL?: string;

  @IsOptional()
  @MaxLength(320, { message: 'must be at most 320 characters long' })
  @Matches(/@/, { message: 'must be a sender address, e.g. "闭环督办" <noreply@wjw.example.cn>' })
  SMTP_FROM?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+\S*$/, { message: 'must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  SMS_GATEWAY_TOKEN?: string;

  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters long' })
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an http(s) URL of the console, without query or fragment (e.g. https://bihuan.wjw.example.cn)',
  })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @MaxLength(1000, { message: 'must be at most 1000 characters long' })
  CONSOLE_DIR?: string;
}

/** Every variable the configuration reads, in the order errors are reported. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'ESDB_URL',
  'POSTGRES_URL',
  'REDIS_URL',
  'TIMER_QUEUE',
  'REDIS_PREFIX',
  'TIMER_RECONCILE_SECONDS',
  'ROLE',
  'LOG_LEVEL',
  'SQLITE_SYNCHRONOUS',
  'NODE_ENV',
  'JWT_SECRET',
  'JWT_PUBLIC_KEY',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_MAX_LIFETIME',
  'CLOCK',
  'METRICS',
  'API_DOCS',
  'TRUST_PROXY',
  'IDEMPOTENCY_TTL_HOURS',
  'IDEMPOTENCY_FOLD_WINDOW_MINUTES',
  'IDEMPOTENCY_WAIT_SECONDS',
  'SHUTDOWN_GRACE_SECONDS',
  'WORKER_HTTP_PORT',
  'DIRECTORY_SEED',
  'DIRECTORY_ROOT_NAME',
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_USER_CLAIM',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'SMTP_URL',
  'SMTP_FROM',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TOKEN',
  'PUBLIC_BASE_URL',
  'CONSOLE_DIR',
] as const satisfies readonly (keyof EnvironmentVariables)[];
