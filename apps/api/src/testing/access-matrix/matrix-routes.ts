import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SYSTEM_WIDE } from '@bihuan/auth';
import { Role } from '@bihuan/core';

/** A route as the OpenAPI document names it (`GET /visits/{visitId}`) with what its decorators declare. */
export interface DeclaredRoute {
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly isPublic: boolean;
  /** null: any authenticated role. */
  readonly roles: readonly Role[] | null;
  /** @SystemWide(): only an admin of a root unit (a city's admin is refused). */
  readonly systemWide: boolean;
}

/** The OpenAPI document of the real app, built as swagger.ts builds it. */
export function openApiKeys(app: INestApplication): string[] {
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
}

const join = (...parts: (string | undefined)[]): string =>
  `/${parts
    .filter((p) => p && p !== '/')
    .map((p) => p!.replace(/^\/|\/$/g, ''))
    .join('/')}`.replace(/:([A-Za-z]+)/g, '{$1}');

/**
 * Every controller handler of the app with its @Public / @Roles / @SystemWide metadata, read with Nest's Reflector
 * exactly as AuthGuard reads it: the one declaration of which roles may call a route.
 */
export function declaredRoutes(app: INestApplication): Map<string, DeclaredRoute> {
  const reflector = new Reflector();
  const routes = new Map<string, DeclaredRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || verb === undefined) continue;
        const method = RequestMethod[verb] as DeclaredRoute['method'];
        for (const p of Array.isArray(sub) ? sub : [sub]) {
          const path = join(base, p);
          const targets = [handler, type];
          routes.set(`${method} ${path}`, {
            key: `${method} ${path}`,
            method,
            path,
            isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true,
            roles: reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? null,
            systemWide: reflector.getAllAndOverride<boolean | undefined>(SYSTEM_WIDE, targets) === true,
          });
        }
      }
    }
  }
  return routes;
}
