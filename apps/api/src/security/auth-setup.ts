import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule } from '@nestjs/common';
import { AuthModule, DEMO_UNITS, TokenKeys, Unit } from '@bihuan/auth';
import { AppConfig } from '@bihuan/platform';

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

/** JWT_SECRET (HS256), or JWT_PUBLIC_KEY (PEM, RS256) for tokens issued elsewhere. */
export function tokenKeys(config: Pick<AppConfig, 'jwtSecret'>, env: NodeJS.ProcessEnv = process.env): TokenKeys {
  if (config.jwtSecret) return { kind: 'secret', secret: config.jwtSecret };
  const publicKey = env['JWT_PUBLIC_KEY'];
  if (publicKey) return { kind: 'public-key', publicKey };
  throw new Error('Invalid configuration: JWT_SECRET or JWT_PUBLIC_KEY must be set when ESDB_URL is set');
}

export function authModuleFor(config: AppConfig): DynamicModule {
  return AuthModule.forRoot({ keys: tokenKeys(config), units: loadUnits(config) });
}
