import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The console's own paths (apps/console/src/routes.ts keeps the same list). None is an API path —
 * the console-paths spec checks that against the OpenAPI document — so a page and an API answer
 * never share a URL, and a reload or a link in an e-mail opens the page.
 */
export const CONSOLE_PAGE_PREFIXES = [
  '/signin',
  '/sso',
  '/password',
  '/hospital',
  '/inspector',
  '/cases',
  '/inbox',
  '/leader',
  '/manage',
  '/partner',
] as const;
/** The public portal is a page of its own (portal.html) so its first load carries no staff code. */
export const PORTAL_PAGE_PREFIX = '/portal';

type Page = 'console' | 'portal';

/** Which HTML page answers a GET of `path`, if any. */
export function consolePageOf(path: string): Page | null {
  const under = (prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);
  if (under(PORTAL_PAGE_PREFIX)) return 'portal';
  if (path === '/' || CONSOLE_PAGE_PREFIXES.some(under)) return 'console';
  return null;
}

/**
 * Serves the built console from `dir` on the API's own origin (no CORS): hashed files under
 * /assets/ cached for a year (their names change with their content), the two HTML pages never
 * cached (so a release reaches everyone at the next load), and every console path answered with
 * its page (the router in the browser takes it from there). Without a build, nothing changes.
 */
export function useConsoleSite(app: NestExpressApplication, dir: string): boolean {
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'portal.html'))) return false;
  const pages: Record<Page, Buffer> = { console: readFileSync(join(dir, 'index.html')), portal: readFileSync(join(dir, 'portal.html')) };
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
  app.useStaticAssets(join(dir, 'static'), { prefix: '/static/', maxAge: '1d', index: false });
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const page = req.method === 'GET' || req.method === 'HEAD' ? consolePageOf((req.url ?? '/').split('?')[0]!) : null;
    if (!page) return next();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : pages[page]);
  });
  return true;
}
