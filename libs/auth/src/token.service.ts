import jwt from 'jsonwebtoken';
import { Actor, DomainError, Role, ROLES } from '@bihuan/core';

/** How tokens are checked: a shared secret (HS256) or an issuer's public key (RS256/ES256). */
export type TokenKeys =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'public-key'; readonly publicKey: string; readonly privateKey?: string };

export interface TokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly unit: string;
  readonly name?: string;
}

const ISSUER = 'bihuan';
const USER_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'system' && r !== 'public');

/** Mints (embedded default, CLI) and verifies bearer tokens carrying user, role and unit. */
export class TokenService {
  constructor(private readonly keys: TokenKeys) {}

  mint(claims: TokenClaims, expiresInSeconds = 8 * 3600): string {
    const key = this.keys.kind === 'secret' ? this.keys.secret : this.keys.privateKey;
    if (!key) throw new Error('Cannot mint tokens: only a public key is configured');
    const algorithm = this.keys.kind === 'secret' ? 'HS256' : 'RS256';
    return jwt.sign({ role: claims.role, unit: claims.unit, name: claims.name }, key, {
      algorithm,
      subject: claims.sub,
      issuer: ISSUER,
      expiresIn: expiresInSeconds,
    });
  }

  /** Returns the actor, or throws 401 AUTH.INVALID_TOKEN with the reason. */
  verify(token: string): Actor & { readonly name?: string } {
    const key = this.keys.kind === 'secret' ? this.keys.secret : this.keys.publicKey;
    let payload: string | jwt.JwtPayload;
    try {
      payload = jwt.verify(token, key, {
        issuer: ISSUER,
        algorithms: this.keys.kind === 'secret' ? ['HS256'] : ['RS256', 'ES256'],
      });
    } catch (error) {
      throw new DomainError('AUTH.INVALID_TOKEN', `Bearer token rejected: ${(error as Error).message}`, 'unauthorized');
    }
    if (typeof payload === 'string') throw new DomainError('AUTH.INVALID_TOKEN', 'Bearer token has no claims', 'unauthorized');
    const { sub, role, unit, name } = payload as jwt.JwtPayload & Record<string, unknown>;
    if (typeof sub !== 'string' || typeof unit !== 'string' || !USER_ROLES.includes(role as Role)) {
      throw new DomainError('AUTH.INVALID_TOKEN', 'Bearer token lacks sub, a valid role or unit', 'unauthorized');
    }
    return { id: sub, role: role as Role, unit, ...(typeof name === 'string' ? { name } : {}) };
  }
}
