import { OidcConfig } from '@bihuan/platform';

/** The SSO settings in force (AppConfig.oidc), null when SSO is off. */
export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');
export type OidcSettings = OidcConfig & {
  /** Plain-http issuer allowed (a local test provider only; never from the environment). */
  readonly allowInsecure?: boolean;
};
