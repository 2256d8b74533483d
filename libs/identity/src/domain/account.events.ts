import { DomainEvent } from '@bihuan/core';

/** Stream `account-<userId>`: one per directory user who has ever had a password or an external link. */
export const ACCOUNT_CATEGORY = 'account';

/** How a sign-in was proven. */
export type SignInMethod = 'password' | 'oidc';

/**
 * Why sessions ended at once. Only the scrypt hash of a password is ever recorded (never the
 * password, never a token); its parameters and salt are part of the hash string.
 */
export type RevocationReason = 'sign-out-all' | 'password-changed' | 'password-reset';

export type PasswordSet = DomainEvent<'PasswordSet', { userId: string; passwordHash: string; source: 'demo' | 'admin'; setAt: string }>;
export type OneTimePasswordIssued = DomainEvent<
  'OneTimePasswordIssued',
  { userId: string; passwordHash: string; source: 'first-start' | 'admin-reset'; issuedAt: string }
>;
export type PasswordChanged = DomainEvent<'PasswordChanged', { userId: string; passwordHash: string; changedAt: string }>;
export type SignInSucceeded = DomainEvent<'SignInSucceeded', { userId: string; method: SignInMethod; sessionId: string; at: string }>;
export type SignInFailed = DomainEvent<
  'SignInFailed',
  { userId: string; reason: 'bad-password' | 'locked'; failures: number; at: string; policyVersion: string }
>;
export type AccountLocked = DomainEvent<'AccountLocked', { userId: string; until: string; failures: number; policyVersion: string }>;
export type AccountUnlocked = DomainEvent<
  'AccountUnlocked',
  { userId: string; reason: 'admin' | 'lock-expired' | 'password-reset'; at: string }
>;
export type ExternalIdentityLinked = DomainEvent<'ExternalIdentityLinked', { userId: string; issuer: string; subject: string }>;
export type ExternalIdentityUnlinked = DomainEvent<'ExternalIdentityUnlinked', { userId: string; issuer: string; subject: string }>;
export type SessionsRevoked = DomainEvent<'SessionsRevoked', { userId: string; reason: RevocationReason; at: string }>;

export type AccountEvent =
  | PasswordSet
  | OneTimePasswordIssued
  | PasswordChanged
  | SignInSucceeded
  | SignInFailed
  | AccountLocked
  | AccountUnlocked
  | ExternalIdentityLinked
  | ExternalIdentityUnlinked
  | SessionsRevoked;

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = [
  'PasswordSet',
  'OneTimePasswordIssued',
  'PasswordChanged',
  'SignInSucceeded',
  'SignInFailed',
  'AccountLocked',
  'AccountUnlocked',
  'ExternalIdentityLinked',
  'ExternalIdentityUnlinked',
  'SessionsRevoked',
];
