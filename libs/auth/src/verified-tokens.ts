/** The claims a token's time rules read: checked again on every request, against the clock. */
export interface TokenTimes {
  readonly exp: number;
  readonly nbf?: number;
  readonly iat?: number;
}

/** A token that passed every check once: what it proved (`verified`), and its times. */
export interface KnownToken<T> {
  readonly verified: T;
  readonly times: TokenTimes;
}

/** Enough for every person signed in at once, and then some; a bound on memory, not a tuning knob. */
const MAX_TOKENS = 10_000;

/**
 * Tokens whose signature, algorithm, issuer, audience and claims have been checked, by their exact
 * text: a client sends the same token with every request until it expires, and checking the
 * signature again each time (HMAC or RSA, base64 and JSON of header and payload) was ~5 % of a
 * request's CPU under load (issue 14, item 6). Only what cannot change is remembered, and only for
 * keys fixed for the process's life; the time rules are checked on every request (TokenService),
 * and the session on every request (SessionValidator). Bounded: the oldest entry goes first.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, KnownToken<T>>();

  constructor(private readonly max = MAX_TOKENS) {}

  get(token: string): KnownToken<T> | undefined {
    return this.entries.get(token);
  }

  remember(token: string, known: KnownToken<T>): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, known);
  }

  /** A token whose time is up is not asked about again (or only to be refused again). */
  forget(token: string): void {
    this.entries.delete(token);
  }
}
