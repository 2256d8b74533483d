import { CanActivate, ExecutionContext, Inject, Injectable, Optional, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, Role } from '@bihuan/core';
import { AccessPolicy } from '../access-policy';
import { Jurisdiction } from '../jurisdiction';
import { roleFitsUnit, UserRole } from '../role-units';
import { TokenService } from '../token.service';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SYSTEM_WIDE } from './auth.decorators';

/** What the guard asks the session validator about, after the token's signature and claims passed. */
export interface SessionCheck {
  readonly actor: Actor;
  /** The token's session (`sid`); null for a token without one (CLI, script, identity provider). */
  readonly sessionId: string | null;
  /** The route is one a person who must change their password may still call (@AllowedBeforePasswordChange). */
  readonly allowedBeforePasswordChange: boolean;
}

/**
 * Checks a token against what changed since it was issued (@bihuan/identity provides it):
 * revoked session, disabled user, changed role or unit → 401; a password change still owed → 403.
 * Optional: without it, a valid token is enough (as before sign-in existed).
 */
export interface SessionValidator {
  validate(check: SessionCheck): Promise<void>;
}

export const SESSION_VALIDATOR = Symbol('SESSION_VALIDATOR');

export const BEFORE_PASSWORD_CHANGE = 'bihuan:before-password-change';

/** The route stays open while a one-time password must still be changed (change password, sign out, /me). */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/**
 * Redeems a one-time ticket a signed-in person asked for (`?ticket=` on routes marked
 * @AcceptsTicket()): a browser's EventSource cannot send an Authorization header. The ticket stands
 * for the actor and session it was issued to, and is then gone; null when unknown, used or expired.
 */
export interface TicketRedeemer {
  redeem(ticket: string): Promise<{ readonly actor: Actor; readonly sessionId: string | null } | null>;
}

export const TICKET_REDEEMER = Symbol('TICKET_REDEEMER');
export const ACCEPTS_TICKET = 'bihuan:accepts-ticket';

/** Without an Authorization header the route takes `?ticket=` (TicketRedeemer), then roles and session as for a token. */
export const AcceptsTicket = (): MethodDecorator & ClassDecorator => SetMetadata(ACCEPTS_TICKET, true);

type GuardedRequest = {
  headers: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  actor?: Actor;
  sessionId?: string;
};

/**
 * Global guard: every route needs a valid bearer token unless marked @Public();
 * @Roles() narrows who may call it, @SystemWide() to admins of a root unit. A token must name a unit of the jurisdiction that its role can
 * belong to (role-units.ts), and pass the session validator when there is one. Scope (which unit)
 * is checked by the handlers with AccessPolicy, since only they know which record a request touches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Optional() @Inject(SESSION_VALIDATOR) private readonly sessions: SessionValidator | null = null,
    @Optional() @Inject(TICKET_REDEEMER) private readonly tickets: TicketRedeemer | null = null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    const header = request.headers['authorization'];
    const beforeChange = this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets) === true;
    if (isPublic) {
      if (header) await this.admit(request, header, true);
      return true;
    }
    const ticket = request.query?.['ticket'];
    const byTicket = !header && typeof ticket === 'string' && this.reflector.getAllAndOverride<boolean>(ACCEPTS_TICKET, targets) === true;
    if (!header && !byTicket) throw new DomainError('AUTH.MISSING_TOKEN', 'Authorization: Bearer <token> is required', 'unauthorized');
    const actor = byTicket ? await this.admitTicket(request, ticket, beforeChange) : await this.admit(request, header!, beforeChange);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new DomainError(
        'AUTH.ROLE_NOT_ALLOWED',
        `This action is not allowed for role ${actor.role} (allowed: ${roles.join(', ')})`,
        'forbidden',
        { role: actor.role, allowed: roles },
      );
    }
    if (this.reflector.getAllAndOverride<boolean>(SYSTEM_WIDE, targets) === true) {
      new AccessPolicy(this.jurisdiction).assertSystemAdmin(actor, 'This action');
    }
    return true;
  }

  /** The actor a bearer header proves; 401 AUTH.INVALID_TOKEN with the reason otherwise. */
  async authenticate(header: string): Promise<Actor> {
    const { actor } = await this.verified(header);
    return actor;
  }

  private async admit(request: GuardedRequest, header: string, allowedBeforePasswordChange: boolean): Promise<Actor> {
    const { actor, sessionId } = await this.verified(header);
    await this.sessions?.validate({ actor, sessionId, allowedBeforePasswordChange });
    request.actor = actor;
    if (sessionId) request.sessionId = sessionId;
    return actor;
  }

  private async admitTicket(request: GuardedRequest, ticket: string, allowedBeforePasswordChange: boolean): Promise<Actor> {
    const redeemed = await this.tickets?.redeem(ticket);
    if (!redeemed)
      throw new DomainError('AUTH.INVALID_TICKET', 'The ticket is unknown, used or expired: ask for a new one', 'unauthorized');
    await this.sessions?.validate({ ...redeemed, allowedBeforePasswordChange });
    request.actor = redeemed.actor;
    if (redeemed.sessionId) request.sessionId = redeemed.sessionId;
    return redeemed.actor;
  }

  private async verified(header: string): Promise<{ actor: Actor; sessionId: string | null }> {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('AUTH.INVALID_TOKEN', 'Authorization header must be "Bearer <token>"', 'unauthorized');
    const { id, role, unit, sid } = await this.tokens.verify(match[1]!);
    const known = this.jurisdiction.get(unit);
    if (!known) throw new DomainError('AUTH.INVALID_TOKEN', `Bearer token rejected: unit "${unit}" is not a known unit`, 'unauthorized');
    if (!roleFitsUnit(role as UserRole, known.kind)) {
      throw new DomainError(
        'AUTH.INVALID_TOKEN',
        `Bearer token rejected: role ${role} cannot belong to unit "${unit}" (${known.kind})`,
        'unauthorized',
      );
    }
    return { actor: { id, role, unit }, sessionId: sid ?? null };
  }
}
