import { DynamicModule } from '@nestjs/common';
import { AuthModule, TokenKeys } from '@bihuan/auth';
import { AppConfig } from '@bihuan/platform';
import { loadDirectory } from './directory-file';

/** JWT_SECRET (HS256), or JWT_PUBLIC_KEY (PEM, RS256) for tokens issued elsewhere. */
export function tokenKeys(config: Pick<AppConfig, 'jwtSecret'>, env: NodeJS.ProcessEnv = process.env): TokenKeys {
  if (config.jwtSecret) return { kind: 'secret', secret: config.jwtSecret };
  const publicKey = env['JWT_PUBLIC_KEY'];
  if (publicKey) return { kind: 'public-key', publicKey };
  throw new Error('Invalid configuration: JWT_SECRET or JWT_PUBLIC_KEY must be set when ESDB_URL is set');
}

export function authModuleFor(config: AppConfig): DynamicModule {
  const { units, users } = loadDirectory(config);
  return AuthModule.forRoot({ keys: tokenKeys(config), units, users });
}
