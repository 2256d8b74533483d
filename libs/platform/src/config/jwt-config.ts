import { createHash, randomBytes } from 'node:crypto';
import { JwtConfig, JwtKeySource, NodeEnv } from './app-config';
import { EnvironmentVariables, pemFromEnv } from './environment-variables';
import { ConfigProblem } from './config-error';

/** Default and production ceiling of a token's lifetime (seconds). */
export const DEFAULT_JWT_MAX_LIFETIME = 12 * 3600;
export const PRODUCTION_JWT_MAX_LIFETIME = 24 * 3600;

/**
 * SHA-256 of the development secret earlier versions published in the source. Only the hash is kept,
 * so the secret itself appears nowhere any more; a JWT_SECRET equal to it is refused.
 */
const PUBLISHED_DEV_SECRET_SHA256 = 'ec9e69a8880ed227f8c0b696f7350a9d14d4064fe4a3cb4aa1bd3f2579586e48';

const KEY_VARIABLES = ['JWT_SECRET', 'JWT_PUBLIC_KEY', 'JWT_JWKS_URL'] as const;

/** The token settings, or the problems that forbid them (one key source; nothing weak in production). */
export function jwtConfigOf(raw: EnvironmentVariables, nodeEnv: NodeEnv): { jwt: JwtConfig | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const set = KEY_VARIABLES.filter((name) => raw[name] !== undefined);
  if (set.length > 1) {
    problems.push({ variable: set.join(', '), rule: 'are alternatives: set at most one of them', value: '…' });
  }
  const secret = raw.JWT_SECRET;
  if (secret !== undefined && createHash('sha256').update(secret).digest('hex') === PUBLISHED_DEV_SECRET_SHA256) {
    problems.push({ variable: 'JWT_SECRET', rule: 'must not be the development secret published in the source', value: '…' });
  }
  const maxLifetimeSeconds = Number(raw.JWT_MAX_LIFETIME ?? DEFAULT_JWT_MAX_LIFETIME);
  if (nodeEnv === 'production') {
    if (maxLifetimeSeconds > PRODUCTION_JWT_MAX_LIFETIME) {
      problems.push({
        variable: 'JWT_MAX_LIFETIME',
        rule: `must be at most ${PRODUCTION_JWT_MAX_LIFETIME} seconds (24 h) when NODE_ENV=production`,
        value: String(maxLifetimeSeconds),
      });
    }
    if (raw.JWT_JWKS_URL !== undefined && !raw.JWT_JWKS_URL.startsWith('https://')) {
      problems.push({ variable: 'JWT_JWKS_URL', rule: 'must be an https URL when NODE_ENV=production', value: raw.JWT_JWKS_URL });
    }
  }
  if (problems.length > 0) return { jwt: null, problems };
  const source: JwtKeySource =
    secret !== undefined
      ? { kind: 'secret', secret }
      : raw.JWT_PUBLIC_KEY !== undefined
        ? { kind: 'public-key', publicKey: pemFromEnv(raw.JWT_PUBLIC_KEY).trim() }
        : raw.JWT_JWKS_URL !== undefined
          ? { kind: 'jwks', url: raw.JWT_JWKS_URL }
          : { kind: 'generated' };
  return { jwt: { source, issuer: raw.JWT_ISSUER ?? 'bihuan', audience: raw.JWT_AUDIENCE ?? null, maxLifetimeSeconds }, problems };
}

let testSecret: string | null = null;

/** Tests sign with a random per-process secret: nothing is written to a data directory. */
export function testJwtConfig(): JwtConfig {
  testSecret ??= randomBytes(32).toString('base64url');
  return { source: { kind: 'secret', secret: testSecret }, issuer: 'bihuan', audience: null, maxLifetimeSeconds: DEFAULT_JWT_MAX_LIFETIME };
}
