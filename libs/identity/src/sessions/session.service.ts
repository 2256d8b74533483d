import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryUser, TokenService } from '@bihuan/auth';
import { Clock, CLOCK, DomainError, DomainErrorDetails, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { SignInMethod } from '../domain/account.events';
import { IdentityPolicy } from '../domain/identity-policy';
import { SessionStore } from './session.store';

/** What a sign-in, refresh or password change answers. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly mustChangePassword: boolean;
}

/** Refresh tokens are stored only as their SHA-256: a copy of the table signs nobody in. */
export function refreshHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const unauthorized = (code: string, message: string, details: DomainErrorDetails = {}): DomainError =>
  new DomainError(code, message, 'unauthorized', details);
const REUSED = 'The refresh token was already used: every session of it is signed out; sign in again';

/**
 * Sessions: a short access JWT (TokenService's keys, `sid` = session id) and an opaque refresh
 * token that rotates at every use. A refresh token used twice means a copy is loose: the whole
 * session (every token rotated from the same sign-in) is revoked (reuse detection).
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly store: SessionStore,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  now(): string {
    return this.clock.now().toISOString();
  }

  newSessionId(): string {
    return this.ids.next();
  }

  /** A new session for a user whose sign-in is already on the record under `sessionId`. */
  async open(
    sessionId: string,
    user: DirectoryUser,
    method: SignInMethod,
    mustChange: boolean,
    policy: IdentityPolicy,
  ): Promise<SessionTokens> {
    this.assertCanMint();
    const now = this.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.store.create(
      {
        session_id: sessionId,
        user_id: user.id,
        role: user.role,
        unit: user.unit,
        method,
        must_change: mustChange ? 1 : 0,
        created_at: now,
        expires_at: new Date(Date.parse(now) + policy.sessionHours * 3_600_000).toISOString(),
        revoked_at: null,
        revoked_reason: null,
      },
      refreshHash(refreshToken),
    );
    return this.answer(sessionId, user, refreshToken, mustChange, policy);
  }

  /** 422 AUTH.SIGN_IN_UNAVAILABLE when only a public key is configured: the identity provider issues tokens. */
  assertCanMint(): void {
    if (!this.tokens.canMint) {
      throw new DomainError(
        'AUTH.SIGN_IN_UNAVAILABLE',
        'Tokens here are issued by an external identity provider (JWT_PUBLIC_KEY / JWT_JWKS_URL); password sign-in is unavailable',
        'rule',
      );
    }
  }

  /**
   * Rotates a refresh token. Unknown → 401 AUTH.INVALID_REFRESH_TOKEN; already used → the session
   * is revoked and 401 AUTH.REFRESH_TOKEN_REUSED; revoked or expired session, or a user no longer
   * active with the same role and unit → 401 AUTH.SESSION_REVOKED.
   */
  async refresh(refreshToken: string, userOf: (id: string) => DirectoryUser | undefined, policy: IdentityPolicy): Promise<SessionTokens> {
    const hash = refreshHash(refreshToken);
    const found = await this.store.lookupRefresh(hash);
    const now = this.now();
    if (found.kind === 'unknown') throw unauthorized('AUTH.INVALID_REFRESH_TOKEN', 'Invalid refresh token');
    const session = found.session;
    if (found.kind === 'reused') {
      await this.store.revoke(session.session_id, 'refresh-token-reused', now);
      throw unauthorized('AUTH.REFRESH_TOKEN_REUSED', REUSED);
    }
    if (session.revoked_at || Date.parse(session.expires_at) <= Date.parse(now)) {
      throw unauthorized('AUTH.SESSION_REVOKED', 'The session was signed out or has expired; sign in again');
    }
    const user = userOf(session.user_id);
    if (!user || !user.active || user.role !== session.role || user.unit !== session.unit) {
      await this.store.revoke(session.session_id, 'user-changed', now);
      throw unauthorized('AUTH.SESSION_REVOKED', `User ${session.user_id} was disabled or their role or unit changed; sign in again`, {
        userId: session.user_id,
      });
    }
    const next = randomBytes(32).toString('base64url');
    if (!(await this.store.rotate(hash, refreshHash(next), session.session_id, now))) {
      await this.store.revoke(session.session_id, 'refresh-token-reused', now);
      throw unauthorized('AUTH.REFRESH_TOKEN_REUSED', REUSED);
    }
    return this.answer(session.session_id, user, next, session.must_change === 1, policy);
  }

  signOut(sessionId: string): Promise<void> {
    return this.store.revoke(sessionId, 'sign-out', this.now());
  }

  signOutAll(userId: string, reason: string): Promise<void> {
    return this.store.revokeAllOf(userId, reason, this.now());
  }

  private answer(sessionId: string, user: DirectoryUser, refreshToken: string, mustChange: boolean, policy: IdentityPolicy): SessionTokens {
    const expiresIn = Math.min(policy.accessTokenMinutes * 60, this.tokens.maxLifetimeSeconds);
    const accessToken = this.tokens.mint({ sub: user.id, role: user.role, unit: user.unit, name: user.name, sid: sessionId }, expiresIn);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn, mustChangePassword: mustChange };
  }
}
