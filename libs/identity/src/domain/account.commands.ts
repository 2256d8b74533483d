import { Command } from '@bihuan/core';
import { RevocationReason, SignInMethod } from './account.events';

/** First password of an account that has none yet (first start, demo): refused once the stream exists. */
export type ProvisionPassword = Command<
  'ProvisionPassword',
  { userId: string; passwordHash: string; kind: 'one-time' | 'demo'; source: 'first-start' | 'demo' }
>;
/** An admin's reset: a one-time password, the lockout lifted, every session ended. */
export type ResetPassword = Command<'ResetPassword', { userId: string; passwordHash: string }>;
/** The person's own change (the current password already checked by the caller). */
export type ChangePassword = Command<'ChangePassword', { userId: string; passwordHash: string }>;
/** The outcome of a password check, with the lockout rule in force (recorded on the events). */
export type RecordSignIn = Command<
  'RecordSignIn',
  {
    userId: string;
    ok: boolean;
    method: SignInMethod;
    sessionId: string;
    maxFailures: number;
    lockMinutes: number;
    policyVersion: string;
  }
>;
export type UnlockAccount = Command<'UnlockAccount', { userId: string }>;
export type LinkExternalIdentity = Command<'LinkExternalIdentity', { userId: string; issuer: string; subject: string }>;
export type UnlinkExternalIdentity = Command<'UnlinkExternalIdentity', { userId: string; issuer: string; subject: string }>;
export type RevokeSessions = Command<'RevokeSessions', { userId: string; reason: RevocationReason }>;

export type AccountCommand =
  | ProvisionPassword
  | ResetPassword
  | ChangePassword
  | RecordSignIn
  | UnlockAccount
  | LinkExternalIdentity
  | UnlinkExternalIdentity
  | RevokeSessions;
