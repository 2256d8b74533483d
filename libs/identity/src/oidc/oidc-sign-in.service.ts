import { Inject, Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { DomainError, DomainErrorDetails } from '@bihuan/core';
import { SignInService } from '../application/sign-in.service';
import { SessionTokens } from '../sessions/session.service';
import { SessionStore } from '../sessions/session.store';
import { OIDC_SETTINGS, OidcSettings } from './oidc-settings';
import { openIdClient } from './openid-client.loader';

/** The full code is written at each throw, so the message catalogue's completeness spec sees it. */
const oidcError = (
  code: string,
  message: string,
  kind: 'validation' | 'unauthorized' | 'not_found' = 'unauthorized',
  details: DomainErrorDetails = {},
): DomainError => new DomainError(code, message, kind, details);

/** Login states older than this are refused (the person took too long at the provider). */
const LOGIN_TTL_MS = 10 * 60_000;

/**
 * OpenID Connect authorization code flow with PKCE, state and nonce (openid-client 6). The
 * provider's `sub` maps to a directory user by a stored link (ExternalIdentityLinked) or, when
 * OIDC_USER_CLAIM is set, by that claim naming a user id; the user must be active. Then the
 * person gets our own session, exactly as after a password sign-in.
 */
@Injectable()
export class OidcSignInService {
  private config: Promise<Configuration> | null = null;

  constructor(
    @Inject(OIDC_SETTINGS) private readonly settings: OidcSettings | null,
    private readonly store: SessionStore,
    private readonly signIns: SignInService,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  /** Whether single sign-on is configured (the console shows its button only then). */
  get enabled(): boolean {
    return this.settings !== null;
  }

  /** The provider's authorization URL for a new login (state, nonce and PKCE verifier kept for the callback). */
  async loginUrl(now: string): Promise<string> {
    const settings = this.required();
    const client = openIdClient();
    const config = await this.configuration();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    await this.store.putLogin(state, nonce, verifier, now);
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid profile',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** The callback: the code exchanged and the ID token checked, then our session for the mapped user. */
  async callback(query: Record<string, string>, now: string): Promise<SessionTokens> {
    const settings = this.required();
    const state = query['state'];
    if (!state) throw oidcError('AUTH.OIDC_STATE', 'state: the login state parameter is missing', 'validation', { missing: 'state' });
    const login = await this.store.takeLogin(state);
    if (!login || Date.parse(now) - Date.parse(login.created_at) > LOGIN_TTL_MS) {
      throw oidcError('AUTH.OIDC_STATE', 'The single sign-on state is invalid or has expired; sign in again');
    }
    const client = openIdClient();
    const url = new URL(settings.redirectUri);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    let claims: Record<string, unknown>;
    try {
      const config = await this.configuration();
      const tokens = await client.authorizationCodeGrant(config, url, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      const sub = claims['sub'];
      // Many providers put profile claims only in userinfo, not in the ID token.
      if (typeof sub === 'string' && settings.userClaim && claims[settings.userClaim] === undefined) {
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, sub)), ...claims };
      }
    } catch (error) {
      const reason = (error as Error).message;
      throw oidcError('AUTH.OIDC_FAILED', `The identity provider did not confirm the sign-in: ${reason}`, 'unauthorized', { reason });
    }
    const sub = claims['sub'];
    if (typeof sub !== 'string')
      throw oidcError('AUTH.OIDC_FAILED', "The identity provider's ID token has no sub", 'unauthorized', { claim: 'sub' });
    return this.signIns.signInExternal(await this.userFor(sub, claims));
  }

  private async userFor(subject: string, claims: Record<string, unknown>): Promise<DirectoryUser> {
    const settings = this.required();
    const linked = await this.store.linkedUser(settings.issuer, subject);
    const claimed = settings.userClaim ? claims[settings.userClaim] : undefined;
    const userId = linked ?? (typeof claimed === 'string' ? claimed : undefined);
    const user = userId ? this.directory.get(userId) : undefined;
    if (!user || !user.active)
      throw oidcError('AUTH.OIDC_UNKNOWN_USER', 'This external identity is not linked to an active user here; ask an administrator');
    return user;
  }

  private required(): OidcSettings {
    if (!this.settings) throw oidcError('AUTH.OIDC_NOT_CONFIGURED', 'Single sign-on is not configured (OIDC_*)', 'not_found');
    return this.settings;
  }

  /** Discovery once per process; a failure is retried by the next login. */
  private configuration(): Promise<Configuration> {
    const settings = this.required();
    const client = openIdClient();
    this.config ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { redirect_uris: [settings.redirectUri] },
        client.ClientSecretPost(settings.clientSecret),
        settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.config = null;
        const reason = (error as Error).message;
        throw new DomainError('AUTH.OIDC_UNAVAILABLE', `Cannot reach the identity provider: ${reason}`, 'rule', { reason });
      });
    return this.config;
  }
}
