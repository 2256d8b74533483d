import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from '@bihuan/core';

export const PUBLIC_ROUTE = 'bihuan:public';
export const ALLOWED_ROLES = 'bihuan:roles';

/** The route needs no bearer token (public complaint entry, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route (403 AUTH.ROLE_NOT_ALLOWED otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export const SYSTEM_WIDE = 'bihuan:system-wide';

/**
 * The route is a system-wide operation (settings, calendar, dead letters, projections, timers,
 * erasure): beyond @Roles, only an admin of a root unit may call it (AccessPolicy.isSystemAdmin);
 * a city's admin gets 403 AUTH.SYSTEM_ADMIN_ONLY. Administration is otherwise delegated down the tree.
 */
export const SystemWide = (): MethodDecorator & ClassDecorator => SetMetadata(SYSTEM_WIDE, true);

/** The authenticated actor of the request (set by AuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without AuthGuard');
  return request.actor;
});
