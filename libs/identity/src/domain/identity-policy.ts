/**
 * The sign-in policy (policy context `identity`, changed at PUT /admin/policies/identity with a
 * reason). Defaults meet 等保 2.0 level 3 (GB/T 22239-2019 8.1.4.1 身份鉴别): complex passwords,
 * lockout after repeated failures, forced change of a first or one-time password, sessions that end.
 * Numbers only (the policy mechanism compares override types with these): 0 means "off" where noted.
 */
export interface IdentityPolicy {
  readonly policyVersion: string;
  /** Shortest password accepted. */
  readonly minLength: number;
  /** Of lower case, upper case, digits and other characters, at least this many kinds. */
  readonly minCharacterClasses: number;
  /** Failed sign-ins in a row that lock the account. */
  readonly maxFailures: number;
  /** How long a lockout lasts (minutes). */
  readonly lockMinutes: number;
  /** A password older than this must be changed at the next sign-in; 0: passwords do not expire. */
  readonly passwordExpiryDays: number;
  /** Lifetime of an access token (minutes; capped by JWT_MAX_LIFETIME). */
  readonly accessTokenMinutes: number;
  /** Longest a session (its refresh tokens) lives from sign-in (hours). */
  readonly sessionHours: number;
}

export const IDENTITY_POLICY_CONTEXT = 'identity';

export const DEFAULT_IDENTITY_POLICY: IdentityPolicy = Object.freeze({
  policyVersion: 'identity-2026.1',
  minLength: 8,
  minCharacterClasses: 3,
  maxFailures: 5,
  lockMinutes: 30,
  passwordExpiryDays: 0,
  accessTokenMinutes: 15,
  sessionHours: 12,
});

/** A password rule a new password breaks: the rule's stable name and what to tell the person. */
export interface PasswordViolation {
  readonly rule: 'minLength' | 'minCharacterClasses' | 'notUserId' | 'notCurrent' | 'maxLength';
  readonly message: string;
  /** The policy's number the password missed (minLength 8 …), for the zh-CN message of AUTH.PASSWORD_POLICY. */
  readonly limit?: number;
}

/** scrypt is fed the whole password; a cap keeps one request from costing unbounded work. */
export const MAX_PASSWORD_LENGTH = 128;

function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((c) => c.test(password)).length;
}

/** The first rule of the policy `password` breaks, or null. Pure: the hash comparison with the current password is the caller's. */
export function passwordViolation(password: string, userId: string, policy: IdentityPolicy): PasswordViolation | null {
  const length = [...password].length;
  if (length > MAX_PASSWORD_LENGTH)
    return { rule: 'maxLength', message: `must be at most ${MAX_PASSWORD_LENGTH} characters`, limit: MAX_PASSWORD_LENGTH };
  if (length < policy.minLength)
    return { rule: 'minLength', message: `must be at least ${policy.minLength} characters`, limit: policy.minLength };
  if (characterClasses(password) < policy.minCharacterClasses) {
    return {
      rule: 'minCharacterClasses',
      message: `must mix at least ${policy.minCharacterClasses} of: lower case, upper case, digits, other characters`,
      limit: policy.minCharacterClasses,
    };
  }
  if (password.toLowerCase().includes(userId.toLowerCase())) return { rule: 'notUserId', message: 'must not contain the user name' };
  return null;
}

/** Whether a password set at `setAt` has expired at `now` under the policy. */
export function passwordExpired(setAt: string, now: string, policy: IdentityPolicy): boolean {
  if (policy.passwordExpiryDays <= 0) return false;
  return Date.parse(now) - Date.parse(setAt) >= policy.passwordExpiryDays * 86_400_000;
}
