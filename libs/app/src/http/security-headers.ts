import { INestApplication } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { consolePageOf } from './console-site';

/** The API answers JSON and files: nothing in a response may load or run anything. */
const API_DIRECTIVES = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The Swagger UI page loads its own script, stylesheet and (data:) images from this server. */
const DOCS_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The console's pages run only their own bundled scripts and talk only to this origin. Ant Design
 * writes its styles at run time (CSS-in-JS), hence inline styles; photos previewed before upload
 * and thumbnails are blob:/data: URLs.
 */
const CONSOLE_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet on every response (HSTS, nosniff, frame and referrer rules, CSP). The strict CSP holds
 * everywhere except the docs UI under `/${docsPath}/` and the console's pages (console-site.ts),
 * which get the policies their pages need; the dossier download sets its own (DOSSIER_CSP). Express's x-powered-by stays off.
 */
export function useSecurityHeaders(app: INestApplication, docsPath: string): void {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: API_DIRECTIVES } });
  const docs = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DOCS_DIRECTIVES } });
  const consolePages = helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_DIRECTIVES } });
  const prefix = `/${docsPath}`;
  app.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === prefix || path.startsWith(`${prefix}/`)) return docs(req, res, next);
    (consolePageOf(path) ? consolePages : strict)(req, res, next);
  });
}
