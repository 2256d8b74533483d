import { createPublicKey } from 'node:crypto';
import { IsIn, IsNotEmpty, IsOptional, Matches, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { EXPOSURES, LOG_LEVELS, NODE_ENVS, ROLES_OF_PROCESS, SQLITE_SYNCHRONOUS_MODES } from './app-config';

/** A decimal integer string within [min, max]. */
function IsIntegerStringInRange(min: number, max: number, options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntegerStringInRange',
      validator: {
        validate: (value: unknown): boolean =>
          typeof value === 'string' && /^\d{1,7}$/.test(value) && Number(value) >= min && Number(value) <= max,
      },
    },
    options,
  );
}

/** `system` or `fake:<ISO-8601 instant>`. */
function IsClockSpec(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isClockSpec',
      validator: {
        validate: (value: unknown): boolean => {
          if (value === 'system') return true;
          if (typeof value !== 'string' || !value.startsWith('fake:')) return false;
          const iso = value.slice('fake:'.length);
          return /^\d{4}-\d{2}-\d{2}T/.test(iso) && !Number.isNaN(Date.parse(iso));
        },
      },
    },
    options,
  );
}

/** A PEM public key (or certificate) Node can read, RSA or EC: the kinds RS256/ES256 verify with. */
function IsPublicKeyPem(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPublicKeyPem',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string' || !value.includes('-----BEGIN')) return false;
          try {
            const type = createPublicKey(pemFromEnv(value)).asymmetricKeyType;
            return type === 'rsa' || type === 'ec';
          } catch {
            return false;
          }
        },
      },
    },
    options,
  );
}

/** PEM in one environment line: `\n` escapes stand for line breaks. */
export function pemFromEnv(value: string): string {
  return value.replace(/\\n/g, '\n');
}

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
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must start with redis:// or rediss://' })
  REDIS_URL?: string;

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
}

/** Every variable the configuration reads, in the order errors are reported. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'ESDB_URL',
  'REDIS_URL',
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
] as const satisfies readonly (keyof EnvironmentVariables)[];
