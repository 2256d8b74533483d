import { DynamicModule, Type } from '@nestjs/common';
import { AuthModule, TokenKeys, TokenRules } from '@bihuan/auth';
import { AppConfig } from './app-config';
import { ensureSigningKey } from './signing-key';

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

/**
 * Auth for an app: tokens from the configuration, Jurisdiction and UserDirectory from `directory`
 * (@bihuan/directory's DirectoryViewModule: the event-sourced directory, seeded on first start).
 */
export function authModuleFor(config: AppConfig, directory: DynamicModule | Type<unknown>): DynamicModule {
  return AuthModule.forRoot({ keys: tokenKeys(config), rules: tokenRules(config), directory });
}
