import { Inject, Injectable } from '@nestjs/common';
import { SessionCheck, SessionValidator, UserDirectory } from '@bihuan/auth';
import { Clock, CLOCK, DomainError, DomainErrorDetails } from '@bihuan/core';
import { SessionStore } from './session.store';

const unauthorized = (code: string, message: string, details: DomainErrorDetails = {}): DomainError =>
  new DomainError(code, message, 'unauthorized', details);

/**
 * AuthGuard's per-request check (SESSION_VALIDATOR): revocation takes effect on the next request.
 * A token with a session: the session must be live (not signed out, not revoked by a password
 * change or refresh-token reuse, not expired) and its user still active with the role and unit it
 * was issued for — a disabled user or a changed role ends the session for good. A token without
 * one (CLI, scripts, an identity provider's): a user the directory knows must be active with the
 * token's role and unit; a subject the directory does not know passes as before (tokens of others).
 */
@Injectable()
export class IdentitySessionValidator implements SessionValidator {
  constructor(
    private readonly store: SessionStore,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async validate({ actor, sessionId, allowedBeforePasswordChange }: SessionCheck): Promise<void> {
    const user = this.directory.get(actor.id);
    if (!sessionId) {
      if (user && !user.active) throw unauthorized('AUTH.USER_DISABLED', `User ${actor.id} is disabled`, { userId: actor.id });
      if (user && (user.role !== actor.role || user.unit !== actor.unit)) {
        throw unauthorized(
          'AUTH.TOKEN_OUTDATED',
          `The token's role or unit differs from the directory (${user.role} / ${user.unit}); get a new token`,
          { role: user.role, unit: user.unit },
        );
      }
      return;
    }
    const now = this.clock.now().toISOString();
    const session = await this.store.get(sessionId);
    if (!session || session.user_id !== actor.id || session.revoked_at || Date.parse(session.expires_at) <= Date.parse(now)) {
      throw unauthorized('AUTH.SESSION_REVOKED', 'The session was signed out or has expired; sign in again');
    }
    if (!user || !user.active) {
      await this.store.revoke(sessionId, 'user-disabled', now);
      throw unauthorized('AUTH.USER_DISABLED', `User ${actor.id} is disabled`, { userId: actor.id });
    }
    if (user.role !== session.role || user.unit !== session.unit || actor.role !== session.role || actor.unit !== session.unit) {
      await this.store.revoke(sessionId, 'user-changed', now);
      throw unauthorized('AUTH.SESSION_REVOKED', `The role or unit of user ${actor.id} changed; sign in again`, { userId: actor.id });
    }
    if (session.must_change === 1 && !allowedBeforePasswordChange) {
      throw DomainError.forbidden('AUTH.PASSWORD_CHANGE_REQUIRED', 'Change your password first (POST /auth/password)');
    }
  }
}
