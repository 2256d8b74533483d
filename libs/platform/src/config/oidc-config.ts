import { ConfigProblem } from './config-error';

/**
 * Single sign-on with an OpenID Connect provider (统一身份认证平台): all four of OIDC_ISSUER,
 * OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI, or none (no SSO). OIDC_USER_CLAIM
 * optionally names a claim whose value is a directory user id (else only linked subjects sign in).
 */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly userClaim: string | null;
}

export const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;

type OidcRaw = Partial<Record<(typeof OIDC_VARIABLES)[number] | 'OIDC_USER_CLAIM', string>>;

/** The SSO settings, or null when none is set; a problem naming the missing ones when only some are. */
export function oidcConfigOf(raw: OidcRaw): { oidc: OidcConfig | null; problems: ConfigProblem[] } {
  const set = OIDC_VARIABLES.filter((name) => raw[name] !== undefined);
  if (set.length === 0) return { oidc: null, problems: [] };
  const missing = OIDC_VARIABLES.filter((name) => raw[name] === undefined);
  if (missing.length > 0) {
    return {
      oidc: null,
      problems: [{ variable: missing.join(','), rule: `must be set together with ${set.join(', ')} (all four OIDC_* or none)`, value: '' }],
    };
  }
  return {
    oidc: {
      issuer: raw.OIDC_ISSUER!,
      clientId: raw.OIDC_CLIENT_ID!,
      clientSecret: raw.OIDC_CLIENT_SECRET!,
      redirectUri: raw.OIDC_REDIRECT_URI!,
      userClaim: raw.OIDC_USER_CLAIM ?? null,
    },
    problems: [],
  };
}
