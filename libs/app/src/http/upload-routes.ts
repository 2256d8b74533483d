import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { FILE_UPLOAD_METADATA } from '@bihuan/platform';

/** A route declared with @FileUpload, as a matcher of method and path (`:kind` matches one segment). */
export interface UploadRoute {
  readonly method: string;
  readonly segments: readonly string[];
}

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s !== '');

/**
 * The routes that take a file, read from @FileUpload on the app's own controllers: the only
 * declaration of where multipart is welcome (body-parsing refuses it everywhere else, before routing).
 */
export function uploadRoutes(app: INestApplication): UploadRoute[] {
  const routes: UploadRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, type) as string | undefined) ?? '';
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(FILE_UPLOAD_METADATA, handler) === undefined) continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || verb === undefined) continue;
        for (const p of Array.isArray(sub) ? sub : [sub]) {
          routes.push({ method: RequestMethod[verb], segments: [...segmentsOf(base), ...segmentsOf(p)] });
        }
      }
    }
  }
  return routes;
}

/** True when `method` and `url` (query ignored) name a declared upload route. */
export function isUploadRoute(routes: readonly UploadRoute[], method: string | undefined, url: string | undefined): boolean {
  const path = segmentsOf((url ?? '').split('?')[0] ?? '');
  return routes.some(
    (route) =>
      route.method === method &&
      route.segments.length === path.length &&
      route.segments.every((segment, i) => segment.startsWith(':') || segment.toLowerCase() === path[i]!.toLowerCase()),
  );
}
