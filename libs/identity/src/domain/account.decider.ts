import { assertNever, Decider, DomainErrorKind, domainErrorBuilder } from '@bihuan/core';
import { AccountCommand, RecordSignIn } from './account.commands';
import { AccountEvent } from './account.events';
import { AccountState, initialAccountState, lockedAt, OpenAccount } from './account.state';
import { evolveAccount } from './account.evolve';

/** The account's refusals (AUTH.*): a registry, so the message catalogue's completeness spec checks each has zh-CN words. */
export const ACCOUNT_ERRORS = {
  ACCOUNT_EXISTS: 'conflict',
  NO_ACCOUNT: 'not_found',
  NO_PASSWORD: 'rule',
  LINK_TAKEN: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export const accountError = domainErrorBuilder<keyof typeof ACCOUNT_ERRORS>('AUTH', ACCOUNT_ERRORS);

function open(state: AccountState, userId: string): OpenAccount {
  if (state.status !== 'open') throw accountError('NO_ACCOUNT', `User ${userId} has no account (no password set)`, { userId });
  return state;
}

function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

function signIn(command: RecordSignIn, state: AccountState): AccountEvent[] {
  const { userId, ok, method, sessionId, maxFailures, lockMinutes, policyVersion } = command.data;
  const now = command.metadata.now;
  // A sign-in proven by the identity provider needs no password: its account may start with it.
  if (state.status === 'none' && ok && method === 'oidc')
    return [{ type: 'SignInSucceeded', data: { userId, method, sessionId, at: now } }];
  const account = open(state, userId);
  if (lockedAt(account, now)) {
    return [{ type: 'SignInFailed', data: { userId, reason: 'locked', failures: account.failures, at: now, policyVersion } }];
  }
  const events: AccountEvent[] = [];
  let failures = account.failures;
  // A lockout whose time is up ends on the record before the attempt that found it over.
  if (account.lockedUntil) {
    events.push({ type: 'AccountUnlocked', data: { userId, reason: 'lock-expired', at: now } });
    failures = 0;
  }
  if (ok) return [...events, { type: 'SignInSucceeded', data: { userId, method, sessionId, at: now } }];
  failures += 1;
  events.push({ type: 'SignInFailed', data: { userId, reason: 'bad-password', failures, at: now, policyVersion } });
  if (maxFailures > 0 && failures >= maxFailures) {
    events.push({ type: 'AccountLocked', data: { userId, until: addMinutes(now, lockMinutes), failures, policyVersion } });
  }
  return events;
}

function decide(command: AccountCommand, state: AccountState): readonly AccountEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'ProvisionPassword': {
      const { userId, passwordHash, kind, source } = command.data;
      if (state.status !== 'none') throw accountError('ACCOUNT_EXISTS', `User ${userId} already has an account`, { userId });
      return kind === 'one-time'
        ? [{ type: 'OneTimePasswordIssued', data: { userId, passwordHash, source: 'first-start', issuedAt: now } }]
        : [{ type: 'PasswordSet', data: { userId, passwordHash, source: source === 'demo' ? 'demo' : 'admin', setAt: now } }];
    }
    case 'ResetPassword': {
      const { userId, passwordHash } = command.data;
      const events: AccountEvent[] = [
        { type: 'OneTimePasswordIssued', data: { userId, passwordHash, source: 'admin-reset', issuedAt: now } },
      ];
      if (state.status === 'open' && state.lockedUntil)
        events.push({ type: 'AccountUnlocked', data: { userId, reason: 'password-reset', at: now } });
      if (state.status === 'open') events.push({ type: 'SessionsRevoked', data: { userId, reason: 'password-reset', at: now } });
      return events;
    }
    case 'ChangePassword': {
      const { userId, passwordHash } = command.data;
      const account = open(state, userId);
      if (!account.passwordHash) throw accountError('NO_PASSWORD', `User ${userId} has no password`, { userId });
      return [
        { type: 'PasswordChanged', data: { userId, passwordHash, changedAt: now } },
        { type: 'SessionsRevoked', data: { userId, reason: 'password-changed', at: now } },
      ];
    }
    case 'RecordSignIn':
      return signIn(command, state);
    case 'UnlockAccount': {
      const account = open(state, command.data.userId);
      return account.lockedUntil ? [{ type: 'AccountUnlocked', data: { userId: account.userId, reason: 'admin', at: now } }] : [];
    }
    case 'LinkExternalIdentity': {
      const { userId, issuer, subject } = command.data;
      const known = state.status === 'open' && state.externalIdentities.some((x) => x.issuer === issuer && x.subject === subject);
      return known ? [] : [{ type: 'ExternalIdentityLinked', data: { userId, issuer, subject } }];
    }
    case 'UnlinkExternalIdentity': {
      const { userId, issuer, subject } = command.data;
      const known = state.status === 'open' && state.externalIdentities.some((x) => x.issuer === issuer && x.subject === subject);
      return known ? [{ type: 'ExternalIdentityUnlinked', data: { userId, issuer, subject } }] : [];
    }
    case 'RevokeSessions': {
      const account = open(state, command.data.userId);
      return [{ type: 'SessionsRevoked', data: { userId: account.userId, reason: command.data.reason, at: now } }];
    }
    default:
      return assertNever(command, 'account command');
  }
}

/** The account of one directory user: passwords, lockout, external links, session revocations. */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide,
};
