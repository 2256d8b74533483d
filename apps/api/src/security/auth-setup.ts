import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule } from '@nestjs/common';
import { AuthModule, DEMO_UNITS, TokenKeys, TokenRules, Unit } from '@bihuan/auth';
import { AppConfig, ensureSigningKey } from '@bihuan/platform';

/**
 * Where the jurisdiction tree comes from: `${DATA_DIR}/jurisdiction.json` (an array of units) when
 * present, else the seeded demo jurisdiction of the embedded default.
 */
export function loadUnits(config: Pick<AppConfig, 'dataDir'>): readonly Unit[] {
  const file = join(config.dataDir, 'jurisdiction.json');
  if (!existsSync(file)) return DEMO_UNITS;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} must hold a JSON array of units`);
  return parsed as Unit[];
}

/**
 * The keys tokens are checked (and, with a secret, minted) with — the same for the API and the CLI:
 * the key generated in DATA_DIR on the embedded default, JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL.
 */
export function tokenKeys(config: Pick<AppConfig, 'jwt' | 'dataDir'>): TokenKeys {
  const source = config.jwt.source;
  switch (source.kind) {
    case 'generated':
      return { kind: 'secret', secret: ensureSigningKey(config) };
    case 'secret':
      return { kind: 'secret', secret: source.secret };
    case 'public-key':
      return { kind: 'public-key', publicKey: source.publicKey };
    case 'jwks':
      return { kind: 'jwks', url: source.url };
  }
}

export function tokenRules(config: Pick<AppConfig, 'jwt'>): TokenRules {
  return { issuer: config.jwt.issuer, audience: config.jwt.audience, maxLifetimeSeconds: config.jwt.maxLifetimeSeconds };
}

export function authModuleFor(config: AppConfig): DynamicModule {
  return AuthModule.forRoot({ keys: tokenKeys(config), rules: tokenRules(config), units: loadUnits(config) });
}
