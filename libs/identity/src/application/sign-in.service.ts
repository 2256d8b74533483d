import { HttpException, Inject, Injectable } from '@nestjs/common';
import { DirectoryUser, UserDirectory } from '@bihuan/auth';
import { Actor, DomainError, isDomainError } from '@bihuan/core';
import { AppConfig, CONFIG, POLICIES, PolicyRegistry } from '@bihuan/platform';
import { SignInMethod } from '../domain/account.events';
import { AccountState, lockedAt } from '../domain/account.state';
import { IdentityPolicy, passwordExpired, passwordViolation } from '../domain/identity-policy';
import { SessionService, SessionTokens } from '../sessions/session.service';
import { AccountWriter, actorOf, IDENTITY_POLICY } from './account-writes';
import { DEMO_PASSWORD } from './demo-password';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password-hasher';

const badCredentials = (): DomainError => new DomainError('AUTH.BAD_CREDENTIALS', 'Wrong username or password', 'unauthorized');

/** 423 with the end of the lockout: the one answer the domain error kinds have no status for. */
function locked(until: string): HttpException {
  return new HttpException(
    {
      code: 'AUTH.LOCKED',
      error: 'Locked',
      message: `The account is locked until ${until}; retry then or ask an administrator to unlock it`,
      until,
    },
    423,
  );
}

/**
 * Sign-in by password, change of one's own password, and the session a sign-in opens. Every
 * attempt by a directory user with an account is on the record (SignInSucceeded / SignInFailed /
 * AccountLocked); an unknown user, one without a password, a disabled one and a wrong password
 * all get the same 401 AUTH.BAD_CREDENTIALS after the same amount of hashing.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly accounts: AccountWriter,
    private readonly sessions: SessionService,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  policy(): Promise<IdentityPolicy> {
    return this.policies.current(IDENTITY_POLICY.context, IDENTITY_POLICY.defaults);
  }

  async signIn(username: string, password: string): Promise<SessionTokens> {
    this.sessions.assertCanMint();
    const user = this.directory.get(username);
    const state = user ? await this.stateWithDemoPassword(user) : null;
    if (!user || !state || state.status !== 'open' || !state.passwordHash) {
      await burnPasswordCheck(password);
      throw badCredentials();
    }
    const ok = await verifyPassword(password, state.passwordHash);
    if (!user.active) throw badCredentials();
    const sessionId = this.sessions.newSessionId();
    const outcome = await this.record(user, ok, 'password', sessionId);
    const until = lockedAt(outcome.state, this.sessions.now());
    if (until) throw locked(until);
    if (!ok) throw badCredentials();
    const policy = await this.policy();
    const after = outcome.state;
    const mustChange =
      after.status === 'open' &&
      (after.mustChange || (!!after.passwordSetAt && passwordExpired(after.passwordSetAt, this.sessions.now(), policy)));
    return this.sessions.open(sessionId, user, 'password', mustChange, policy);
  }

  /** A sign-in proven elsewhere (OIDC): recorded on the account, then a session like any other. */
  async signInExternal(user: DirectoryUser): Promise<SessionTokens> {
    const sessionId = this.sessions.newSessionId();
    const outcome = await this.record(user, true, 'oidc', sessionId);
    const until = lockedAt(outcome.state, this.sessions.now());
    if (until) throw locked(until);
    return this.sessions.open(sessionId, user, 'oidc', false, await this.policy());
  }

  /**
   * The person's own change: the current password must match (400 AUTH.WRONG_CURRENT_PASSWORD),
   * the new one meet the policy (400 AUTH.PASSWORD_POLICY naming the rule). Every session of the
   * user ends (the caller's too); the answer is a fresh session.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SessionTokens> {
    const user = this.directory.get(actor.id);
    const state = await this.accounts.state(actor.id);
    if (!user || state.status !== 'open' || !state.passwordHash) {
      throw DomainError.invalid(
        'AUTH.NO_PASSWORD',
        'currentPassword',
        'This user has no password (single sign-on users change it at their identity provider)',
      );
    }
    if (!(await verifyPassword(currentPassword, state.passwordHash))) {
      throw DomainError.invalid('AUTH.WRONG_CURRENT_PASSWORD', 'currentPassword', 'The current password is wrong');
    }
    const policy = await this.policy();
    const violation =
      passwordViolation(newPassword, actor.id, policy) ??
      (newPassword === currentPassword ? { rule: 'notCurrent' as const, message: 'must differ from the current password' } : null);
    if (violation) {
      throw new DomainError('AUTH.PASSWORD_POLICY', `newPassword: ${violation.message}`, 'validation', {
        field: 'newPassword',
        rule: violation.rule,
        ...(violation.limit === undefined ? {} : { [violation.rule]: violation.limit }),
      });
    }
    const passwordHash = await hashPassword(newPassword);
    await this.accounts.write(actor, actor.id, () => ({ type: 'ChangePassword', data: { userId: actor.id, passwordHash } }));
    await this.sessions.signOutAll(actor.id, 'password-changed');
    const sessionId = this.sessions.newSessionId();
    await this.record(user, true, 'password', sessionId);
    return this.sessions.open(sessionId, user, 'password', false, policy);
  }

  refresh(refreshToken: string): Promise<SessionTokens> {
    return this.policy().then((policy) => this.sessions.refresh(refreshToken, (id) => this.directory.get(id), policy));
  }

  /** Every session of the caller ends; on the record when the caller has an account. */
  async signOutAll(actor: Actor): Promise<void> {
    if ((await this.accounts.state(actor.id)).status === 'open') {
      await this.accounts.write(actor, actor.id, () => ({ type: 'RevokeSessions', data: { userId: actor.id, reason: 'sign-out-all' } }));
    }
    await this.sessions.signOutAll(actor.id, 'sign-out-all');
  }

  private record(user: DirectoryUser, ok: boolean, method: SignInMethod, sessionId: string) {
    return this.accounts.write(actorOf(user), user.id, (_state, policy) => ({
      type: 'RecordSignIn',
      data: {
        userId: user.id,
        ok,
        method,
        sessionId,
        maxFailures: policy.maxFailures,
        lockMinutes: policy.lockMinutes,
        policyVersion: policy.policyVersion,
      },
    }));
  }

  /**
   * In demo mode (DIRECTORY_SEED=demo) a demo user's account is made at their first sign-in with
   * the demo password: nothing is written at start, and two processes racing make it once.
   */
  private async stateWithDemoPassword(user: DirectoryUser): Promise<AccountState> {
    const state = await this.accounts.state(user.id);
    if (state.status !== 'none' || this.config.directory.seed !== 'demo' || !user.active) return state;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    try {
      const outcome = await this.accounts.write(actorOf(null), user.id, () => ({
        type: 'ProvisionPassword',
        data: { userId: user.id, passwordHash, kind: 'demo', source: 'demo' },
      }));
      return outcome.state;
    } catch (error) {
      if (isDomainError(error) && error.code === 'AUTH.ACCOUNT_EXISTS') return this.accounts.state(user.id);
      throw error;
    }
  }
}
