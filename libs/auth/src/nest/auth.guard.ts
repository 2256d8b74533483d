import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, Role } from '@bihuan/core';
import { TokenService } from '../token.service';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public();
 * @Roles() narrows who may call it. Scope (which unit) is checked by the handlers with
 * AccessPolicy, since only they know which record a request touches.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    const header = request.headers['authorization'];
    if (isPublic) {
      if (header) request.actor = this.authenticate(header);
      return true;
    }
    if (!header) throw new DomainError('AUTH.MISSING_TOKEN', 'Authorization: Bearer <token> is required', 'unauthorized');
    request.actor = this.authenticate(header);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `This action is not allowed for role ${request.actor.role} (allowed: ${roles.join(', ')})`);
    }
    return true;
  }

  private authenticate(header: string): Actor {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainError('AUTH.INVALID_TOKEN', 'Authorization header must be "Bearer <token>"', 'unauthorized');
    const { id, role, unit } = this.tokens.verify(match[1]!);
    return { id, role, unit };
  }
}
