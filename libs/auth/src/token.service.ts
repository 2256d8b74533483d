import { createPublicKey, createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { JwksClient } from 'jwks-rsa';
import { Actor, Clock, DomainError, SystemClock } from '@bihuan/core';
import { isUserRole, UserRole } from './role-units';
import { TokenTimes, VerifiedTokens } from './verified-tokens';

/**
 * How tokens are checked: a shared secret (HS256, also mints: the generated key or JWT_SECRET), an
 * issuer's public key (RS256/ES256, verify only; the private key only in tests) or an identity
 * provider's JWKS (keys fetched, cached and chosen by `kid`).
 */
export type TokenKeys =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly publicKey: string; readonly privateKey?: string }
  | { readonly kind: 'jwks'; readonly url: string };

/** What every token must satisfy besides its signature. */
export interface TokenRules {
  readonly issuer: string;
  readonly audience: string | null;
  /** Longest lifetime accepted and minted (exp − iat, exp − now), seconds. */
  readonly maxLifetimeSeconds: number;
}

export const DEFAULT_TOKEN_RULES: TokenRules = { issuer: 'bihuan', audience: null, maxLifetimeSeconds: 12 * 3600 };

export interface TokenClaims {
  readonly sub: string;
  readonly role: UserRole;
  readonly unit: string;
  readonly name?: string;
  /**
   * The sign-in session the token belongs to (@bihuan/identity): such a token is refused once its
   * session is revoked. Tokens without one (CLI, scripts, an identity provider's) have no session.
   */
  readonly sid?: string;
}

/** What a verified token says: the actor, and its session when it has one. */
export type VerifiedToken = Actor & { readonly name?: string; readonly sid?: string };

/** Clocks of an identity provider and of this server may differ by this much (seconds). */
const CLOCK_TOLERANCE = 30;

type Algorithm = jwt.Algorithm;

/** The one algorithm family a public key may verify: no `none`, no HS256 with a public key as secret. */
function algorithmsOf(key: KeyObject): Algorithm[] {
  if (key.asymmetricKeyType === 'rsa') return ['RS256'];
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return ['ES256'];
    if (curve === 'secp384r1') return ['ES384'];
    if (curve === 'secp521r1') return ['ES512'];
  }
  throw new Error(`Unsupported token key type ${key.asymmetricKeyType ?? 'unknown'} (RSA or EC P-256/384/521)`);
}

/** jsonwebtoken's nbf and exp rules, with its messages, for a token verified before (its claims are numbers by then). */
function checkTimes(times: TokenTimes, now: number): void {
  if (times.nbf !== undefined && times.nbf > now + CLOCK_TOLERANCE) throw rejected('jwt not active');
  if (now >= times.exp + CLOCK_TOLERANCE) throw rejected('jwt expired');
}

function rejected(reason: string): DomainError {
  return new DomainError('AUTH.INVALID_TOKEN', `Bearer token rejected: ${reason}`, 'unauthorized');
}

/** Mints (embedded default, CLI, tests) and verifies bearer tokens carrying user, role and unit. */
export class TokenService {
  private readonly publicAlgorithms: Algorithm[] = [];
  private readonly jwks: JwksClient | null = null;
  /**
   * The verification key parsed once: given a string, jsonwebtoken parses it on every verify (and
   * for a secret first fails createPublicKey, an exception per request) — 1.2 s of 8 s under load.
   */
  private readonly verifyingKey: KeyObject | null = null;
  /**
   * Tokens already verified with that fixed key (none for JWKS: jwks-rsa's cache decides how long
   * a withdrawn key is believed, and a remembered token would outlive it).
   */
  private readonly known: VerifiedTokens<VerifiedToken> | null = null;

  constructor(
    private readonly keys: TokenKeys,
    private readonly rules: TokenRules = DEFAULT_TOKEN_RULES,
    private readonly clock: Clock = new SystemClock(),
  ) {
    if (keys.kind !== 'jwks') this.known = new VerifiedTokens();
    if (keys.kind === 'secret') this.verifyingKey = createSecretKey(Buffer.from(keys.secret));
    if (keys.kind === 'public-key') {
      this.verifyingKey = createPublicKey(keys.publicKey);
      this.publicAlgorithms = algorithmsOf(this.verifyingKey);
    }
    if (keys.kind === 'jwks') {
      this.jwks = new JwksClient({
        jwksUri: keys.url,
        cache: true,
        cacheMaxAge: 10 * 60_000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        timeout: 5000,
      });
    }
  }

  /** Whether this service can mint (a secret, or a key pair in tests); false when an identity provider issues the tokens. */
  get canMint(): boolean {
    return this.keys.kind === 'secret' || (this.keys.kind === 'public-key' && !!this.keys.privateKey);
  }

  get maxLifetimeSeconds(): number {
    return this.rules.maxLifetimeSeconds;
  }

  /** A token issued now (the injected clock) that lives `expiresInSeconds` (at most the maximum lifetime). */
  mint(claims: TokenClaims, expiresInSeconds = this.rules.maxLifetimeSeconds): string {
    if (expiresInSeconds > this.rules.maxLifetimeSeconds) {
      throw new Error(`Tokens may live at most ${this.rules.maxLifetimeSeconds} s (JWT_MAX_LIFETIME), asked for ${expiresInSeconds} s`);
    }
    const [key, algorithm] = this.signingKey();
    const iat = this.nowSeconds();
    const sid = claims.sid ? { sid: claims.sid } : {};
    return jwt.sign({ role: claims.role, unit: claims.unit, name: claims.name, ...sid, iat }, key, {
      algorithm,
      subject: claims.sub,
      issuer: this.rules.issuer,
      ...(this.rules.audience ? { audience: this.rules.audience } : {}),
      expiresIn: expiresInSeconds,
    });
  }

  /** Returns the actor, or throws 401 AUTH.INVALID_TOKEN with the reason. */
  async verify(token: string): Promise<VerifiedToken> {
    const now = this.nowSeconds();
    const known = this.known?.get(token);
    if (!known) return this.verifyAnew(token, now);
    try {
      checkTimes(known.times, now);
      this.checkLifetime(known.times, now);
    } catch (error) {
      this.known!.forget(token);
      throw error;
    }
    return known.verified;
  }

  /** Signature, algorithm, issuer, audience, times and claims; remembered once all passed. */
  private async verifyAnew(token: string, now: number): Promise<VerifiedToken> {
    const [key, algorithms] = await this.verificationKey(token);
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        algorithms,
        issuer: this.rules.issuer,
        ...(this.rules.audience ? { audience: this.rules.audience } : {}),
        clockTimestamp: now,
        clockTolerance: CLOCK_TOLERANCE,
      });
    } catch (error) {
      throw rejected((error as Error).message);
    }
    if (typeof payload === 'string') throw rejected('it has no claims');
    this.checkLifetime(payload, now);
    const { sub, role, unit, name, sid } = payload as jwt.JwtPayload & Record<string, unknown>;
    if (typeof sub !== 'string' || typeof unit !== 'string' || !isUserRole(role)) {
      throw rejected('it lacks sub, a valid role or unit');
    }
    if (sid !== undefined && (typeof sid !== 'string' || sid === '')) throw rejected('its sid is not a session id');
    const verified: VerifiedToken = {
      id: sub,
      role,
      unit,
      ...(typeof name === 'string' ? { name } : {}),
      ...(typeof sid === 'string' ? { sid } : {}),
    };
    // exp was checked to be a number above; jsonwebtoken refuses an nbf that is not one.
    const times: TokenTimes = {
      exp: payload.exp!,
      ...(payload.nbf !== undefined ? { nbf: payload.nbf } : {}),
      ...(typeof payload.iat === 'number' ? { iat: payload.iat } : {}),
    };
    this.known?.remember(token, { verified, times });
    return verified;
  }

  private checkLifetime(payload: Partial<TokenTimes>, now: number): void {
    const max = this.rules.maxLifetimeSeconds;
    if (typeof payload.exp !== 'number') throw rejected('exp is required');
    if (payload.exp - now > max + CLOCK_TOLERANCE) throw rejected(`exp lies more than ${max} s ahead (JWT_MAX_LIFETIME)`);
    if (typeof payload.iat === 'number') {
      if (payload.iat > now + CLOCK_TOLERANCE) throw rejected('iat lies in the future');
      if (payload.exp - payload.iat > max) throw rejected(`it lives longer than ${max} s (JWT_MAX_LIFETIME)`);
    }
  }

  private signingKey(): [string, Algorithm] {
    if (this.keys.kind === 'secret') return [this.keys.secret, 'HS256'];
    if (this.keys.kind === 'public-key' && this.keys.privateKey) return [this.keys.privateKey, this.publicAlgorithms[0]!];
    throw new Error(
      'Cannot mint tokens: only a public key (JWT_PUBLIC_KEY or JWT_JWKS_URL) is configured; the identity provider issues them',
    );
  }

  private async verificationKey(token: string): Promise<[KeyObject, Algorithm[]]> {
    if (this.keys.kind === 'secret') return [this.verifyingKey!, ['HS256']];
    if (this.keys.kind === 'public-key') return [this.verifyingKey!, this.publicAlgorithms];
    const header = jwt.decode(token, { complete: true })?.header;
    if (!header) throw rejected('jwt malformed');
    if (typeof header.kid !== 'string' || header.kid === '') throw rejected('its header names no kid');
    try {
      const key = await this.jwks!.getSigningKey(header.kid);
      const parsed = createPublicKey(key.getPublicKey());
      // Pinned by the key's type, and narrowed further when the JWK names its alg. Parsed per call:
      // jwks-rsa's cache (10 min) decides how long a withdrawn key is still believed.
      return [parsed, algorithmsOf(parsed).filter((a) => !key.alg || a === key.alg)];
    } catch (error) {
      throw rejected(`no usable key with kid "${header.kid}" at the identity provider (${(error as Error).message})`);
    }
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
