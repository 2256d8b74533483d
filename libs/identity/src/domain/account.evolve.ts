import { assertNever } from '@bihuan/core';
import { AccountEvent } from './account.events';
import { AccountState, OpenAccount } from './account.state';

function base(state: AccountState, userId: string): OpenAccount {
  if (state.status === 'open') return state;
  return {
    status: 'open',
    userId,
    passwordHash: null,
    mustChange: false,
    passwordSetAt: null,
    failures: 0,
    lockedUntil: null,
    externalIdentities: [],
    lastSignInAt: null,
    sessionsRevokedAt: null,
  };
}

export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  const account = base(state, event.data.userId);
  switch (event.type) {
    case 'PasswordSet':
      return { ...account, passwordHash: event.data.passwordHash, mustChange: false, passwordSetAt: event.data.setAt };
    case 'OneTimePasswordIssued':
      return { ...account, passwordHash: event.data.passwordHash, mustChange: true, passwordSetAt: event.data.issuedAt };
    case 'PasswordChanged':
      return { ...account, passwordHash: event.data.passwordHash, mustChange: false, passwordSetAt: event.data.changedAt };
    case 'SignInSucceeded':
      return { ...account, failures: 0, lastSignInAt: event.data.at };
    case 'SignInFailed':
      return { ...account, failures: event.data.failures };
    case 'AccountLocked':
      return { ...account, lockedUntil: event.data.until, failures: event.data.failures };
    case 'AccountUnlocked':
      return { ...account, lockedUntil: null, failures: 0 };
    case 'ExternalIdentityLinked':
      return {
        ...account,
        externalIdentities: [...account.externalIdentities, { issuer: event.data.issuer, subject: event.data.subject }],
      };
    case 'ExternalIdentityUnlinked':
      return {
        ...account,
        externalIdentities: account.externalIdentities.filter((x) => x.issuer !== event.data.issuer || x.subject !== event.data.subject),
      };
    case 'SessionsRevoked':
      return { ...account, sessionsRevokedAt: event.data.at };
    default:
      return assertNever(event, 'account event');
  }
}
