/** An external identity: the provider (its issuer URL) and its subject for the person. */
export interface ExternalIdentity {
  readonly issuer: string;
  readonly subject: string;
}

/**
 * `none`: no stream yet (no password, no link). `open`: the account, with or without a password
 * (an account made only by linking an external identity has none).
 */
export type AccountState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly userId: string;
      readonly passwordHash: string | null;
      /** Set by a one-time password (first start, admin reset) until the person changes it. */
      readonly mustChange: boolean;
      readonly passwordSetAt: string | null;
      readonly failures: number;
      readonly lockedUntil: string | null;
      readonly externalIdentities: readonly ExternalIdentity[];
      readonly lastSignInAt: string | null;
      /** Tokens issued before this instant are void (sign-out-all, password change). */
      readonly sessionsRevokedAt: string | null;
    };

export type OpenAccount = Extract<AccountState, { status: 'open' }>;

export const initialAccountState: AccountState = { status: 'none' };

/** Locked at `now`: a lockout whose end lies ahead. */
export function lockedAt(state: AccountState, now: string): string | null {
  if (state.status !== 'open' || !state.lockedUntil) return null;
  return Date.parse(state.lockedUntil) > Date.parse(now) ? state.lockedUntil : null;
}
