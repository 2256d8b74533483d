import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, DirectoryUser, UserDirectory } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { CommandOutcome } from '@bihuan/platform';
import { AccountState } from '../domain/account.state';
import { SessionStore } from '../sessions/session.store';
import { AccountWriter } from './account-writes';
import { hashPassword, oneTimePassword } from './password-hasher';

export interface ResetPasswordAnswer {
  readonly userId: string;
  /** Shown once to the admin who reset it; only its hash is kept. */
  readonly oneTimePassword: string;
  readonly mustChangePassword: true;
}

export interface AccountAnswer {
  readonly userId: string;
  readonly events: readonly string[];
  readonly locked: boolean;
  readonly externalIdentities: readonly { issuer: string; subject: string }[];
}

function answer(outcome: CommandOutcome<AccountState>): AccountAnswer {
  const s = outcome.state;
  return {
    userId: outcome.id,
    events: outcome.events,
    locked: s.status === 'open' && !!s.lockedUntil,
    externalIdentities: s.status === 'open' ? s.externalIdentities.map((x) => ({ ...x })) : [],
  };
}

/**
 * An administrator's acts on accounts: reset password (a one-time password, every session ended),
 * unlock, and link an identity provider's subject to the user. The user must be in the directory
 * and in the admin's jurisdiction (a city's admin manages its own subtree only).
 */
@Injectable()
export class AccountAdminService {
  constructor(
    private readonly accounts: AccountWriter,
    private readonly store: SessionStore,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async resetPassword(admin: Actor, userId: string): Promise<ResetPasswordAnswer> {
    this.user(admin, userId);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    await this.accounts.write(admin, userId, () => ({ type: 'ResetPassword', data: { userId, passwordHash } }));
    await this.store.revokeAllOf(userId, 'password-reset', this.accounts.now());
    return { userId, oneTimePassword: password, mustChangePassword: true };
  }

  async unlock(admin: Actor, userId: string): Promise<AccountAnswer> {
    this.user(admin, userId);
    return answer(await this.accounts.write(admin, userId, () => ({ type: 'UnlockAccount', data: { userId } })));
  }

  async link(admin: Actor, userId: string, issuer: string, subject: string): Promise<AccountAnswer> {
    this.user(admin, userId);
    const holder = await this.store.linkedUser(issuer, subject);
    if (holder && holder !== userId) {
      throw new DomainError('AUTH.LINK_TAKEN', `This external identity is already linked to another user (${holder})`, 'conflict', {
        field: 'subject',
        holder,
      });
    }
    const outcome = await this.accounts.write(admin, userId, () => ({ type: 'LinkExternalIdentity', data: { userId, issuer, subject } }));
    await this.store.putLink(issuer, subject, userId);
    return answer(outcome);
  }

  async unlink(admin: Actor, userId: string, issuer: string, subject: string): Promise<AccountAnswer> {
    this.user(admin, userId);
    const outcome = await this.accounts.write(admin, userId, () => ({ type: 'UnlinkExternalIdentity', data: { userId, issuer, subject } }));
    if ((await this.store.linkedUser(issuer, subject)) === userId) await this.store.deleteLink(issuer, subject);
    return answer(outcome);
  }

  private user(admin: Actor, userId: string): DirectoryUser {
    const user = this.directory.get(userId);
    if (!user) throw new DomainError('AUTH.UNKNOWN_USER', `No user ${userId} in the directory`, 'not_found', { field: 'userId', userId });
    this.access.assertInScope(admin, user.unit, `the account of user ${userId}`);
    return user;
  }
}
