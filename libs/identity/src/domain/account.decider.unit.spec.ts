import { CommandMetadata } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { AccountCommand, RecordSignIn } from './account.commands';
import { accountDecider } from './account.decider';
import { AccountEvent } from './account.events';

const spec = DeciderSpecification(accountDecider);
const at = (now: string): CommandMetadata => ({
  commandId: 'c',
  correlationId: 'c',
  causationId: null,
  actor: { id: 'u1', role: 'inspector', unit: 'county-a1' },
  now,
});
const T0 = '2026-01-05T01:00:00.000Z';
const cmd = <C extends AccountCommand>(type: C['type'], data: C['data'], now = T0): C => ({ type, data, metadata: at(now) }) as C;
const attempt = (ok: boolean, now = T0): RecordSignIn =>
  cmd<RecordSignIn>(
    'RecordSignIn',
    { userId: 'u1', ok, method: 'password', sessionId: 's1', maxFailures: 3, lockMinutes: 30, policyVersion: 'p1' },
    now,
  );
const set: AccountEvent = { type: 'PasswordSet', data: { userId: 'u1', passwordHash: 'h', source: 'demo', setAt: T0 } };
const failed = (failures: number): AccountEvent => ({
  type: 'SignInFailed',
  data: { userId: 'u1', reason: 'bad-password', failures, at: T0, policyVersion: 'p1' },
});
const locked: AccountEvent = {
  type: 'AccountLocked',
  data: { userId: 'u1', until: '2026-01-05T01:30:00.000Z', failures: 3, policyVersion: 'p1' },
};

describe('account decider', () => {
  it('provisions a first password once; a second provisioning (the other process of a race) is refused', () => {
    spec
      .given([])
      .when(cmd('ProvisionPassword', { userId: 'u1', passwordHash: 'h', kind: 'one-time', source: 'first-start' }))
      .then([{ type: 'OneTimePasswordIssued', data: { userId: 'u1', passwordHash: 'h', source: 'first-start', issuedAt: T0 } }]);
    spec
      .given([set])
      .when(cmd('ProvisionPassword', { userId: 'u1', passwordHash: 'h2', kind: 'demo', source: 'demo' }))
      .thenThrows('AUTH.ACCOUNT_EXISTS');
  });

  it('locks at the policy’s number of failures in a row, until now + lock minutes', () => {
    spec
      .given([set, failed(1)])
      .when(attempt(false))
      .then([failed(2)]);
    spec
      .given([set, failed(1), failed(2)])
      .when(attempt(false))
      .then([failed(3), locked]);
  });

  it('records an attempt while locked without counting it, and ends an expired lock before the attempt', () => {
    spec
      .given([set, failed(1), failed(2), failed(3), locked])
      .when(attempt(true, '2026-01-05T01:10:00.000Z'))
      .then([
        {
          type: 'SignInFailed',
          data: { userId: 'u1', reason: 'locked', failures: 3, at: '2026-01-05T01:10:00.000Z', policyVersion: 'p1' },
        },
      ]);
    spec
      .given([set, failed(1), failed(2), failed(3), locked])
      .when(attempt(true, '2026-01-05T01:30:00.000Z'))
      .then([
        { type: 'AccountUnlocked', data: { userId: 'u1', reason: 'lock-expired', at: '2026-01-05T01:30:00.000Z' } },
        { type: 'SignInSucceeded', data: { userId: 'u1', method: 'password', sessionId: 's1', at: '2026-01-05T01:30:00.000Z' } },
      ]);
  });

  it('starts an account with a sign-in proven by the identity provider, not with a password one', () => {
    const oidc = cmd<RecordSignIn>('RecordSignIn', { ...attempt(true).data, method: 'oidc' });
    spec
      .given([])
      .when(oidc)
      .then([{ type: 'SignInSucceeded', data: { userId: 'u1', method: 'oidc', sessionId: 's1', at: T0 } }]);
    spec.given([]).when(attempt(true)).thenThrows('AUTH.NO_ACCOUNT');
  });

  it('resets the failure count on success', () => {
    const success: AccountEvent = { type: 'SignInSucceeded', data: { userId: 'u1', method: 'password', sessionId: 's0', at: T0 } };
    spec
      .given([set, failed(1), failed(2), success])
      .when(attempt(false))
      .then([failed(1)]);
  });

  it('ends every session on a password change and a reset; a reset also lifts a lock', () => {
    spec
      .given([set])
      .when(cmd('ChangePassword', { userId: 'u1', passwordHash: 'h2' }))
      .then([
        { type: 'PasswordChanged', data: { userId: 'u1', passwordHash: 'h2', changedAt: T0 } },
        { type: 'SessionsRevoked', data: { userId: 'u1', reason: 'password-changed', at: T0 } },
      ]);
    spec
      .given([set, locked])
      .when(cmd('ResetPassword', { userId: 'u1', passwordHash: 'h3' }))
      .thenMatches([{ type: 'OneTimePasswordIssued' }, { type: 'AccountUnlocked' }, { type: 'SessionsRevoked' }]);
  });

  it('unlocks only a locked account, and links an external identity once', () => {
    spec
      .given([set])
      .when(cmd('UnlockAccount', { userId: 'u1' }))
      .thenNothing();
    spec
      .given([])
      .when(cmd('UnlockAccount', { userId: 'u1' }))
      .thenThrows('AUTH.NO_ACCOUNT');
    const link = cmd('LinkExternalIdentity', { userId: 'u1', issuer: 'https://idp', subject: 's' });
    spec
      .given([])
      .when(link)
      .then([{ type: 'ExternalIdentityLinked', data: { userId: 'u1', issuer: 'https://idp', subject: 's' } }]);
    spec
      .given([{ type: 'ExternalIdentityLinked', data: { userId: 'u1', issuer: 'https://idp', subject: 's' } }])
      .when(link)
      .thenNothing();
  });
});
