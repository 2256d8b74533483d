import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, Role } from '@bihuan/core';
import { Jurisdiction } from '../jurisdiction';
import { roleFitsUnit, UserRole } from '../role-units';
import { TokenService } from '../token.service';
import { UserDirectory } from '../user-directory';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public();
 * @Roles() narrows who may call it. A token must name a unit of the jurisdiction that its role can
 * belong to (role-units.ts). Scope (which unit) is checked by the handlers with AccessPolicy, since
 * only they know which record a request touches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    const header = request.headers['authorization'];
    if (isPublic) {
      if (header) request.actor = await this.authenticate(header);
      return true;
    }
    if (!header) throw new DomainError('AUTH.MISSING_TOKEN', 'Authorization: Bearer <token> is required', 'unauthorized');
    request.actor = await this.authenticate(header);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new DomainError(
        'AUTH.ROLE_NOT_ALLOWED',
        `This action is not allowed for role ${request.actor.role} (allowed: ${roles.join(', ')})`,
        'forbidden',
        { role: request.actor.role, allowed: roles },
      );
    }
    return true;
  }

  /** The actor a bearer header proves; 401 AUTH.INVALID_TOKEN with the reason otherwise. */
  async authenticate(header: string): Promise<Actor> {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('AUTH.INVALID_TOKEN', 'Authorization header must be "Bearer <token>"', 'unauthorized');
    const { id, role, unit } = await this.tokens.verify(match[1]!);
    const known = this.jurisdiction.get(unit);
    if (!known) throw new DomainError('AUTH.INVALID_TOKEN', `Bearer token rejected: unit "${unit}" is not a known unit`, 'unauthorized');
    if (!roleFitsUnit(role as UserRole, known.kind)) {
      throw new DomainError(
        'AUTH.INVALID_TOKEN',
        `Bearer token rejected: role ${role} cannot belong to unit "${unit}" (${known.kind})`,
        'unauthorized',
      );
    }
    // A disabled user's tokens stop working on the next request (a user the directory does not
    // hold, e.g. one an external issuer vouches for, is judged by the token alone).
    if (this.users.get(id)?.active === false) {
      throw new DomainError('AUTH.USER_DISABLED', `Bearer token rejected: user "${id}" is disabled`, 'unauthorized');
    }
    return { id, role, unit };
  }
}
