import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The API a `vite` dev server passes requests to (in production the API serves the console itself). */
const api = process.env['BIHUAN_API_URL'] ?? 'http://127.0.0.1:3000';
/** Everything that is not a console page (src/routes.ts) or a dev-server file goes to the API. */
const apiPaths =
  '^/(?!(signin|sso|password|hospital|inspector|cases|inbox|leader|manage|partner|portal|assets|static|src|@|node_modules)(/|$)).+';

/**
 * Two pages: index.html, the staff console (Ant Design), and portal.html, the public portal — its
 * own entry so the public's first load carries no staff code and no component library.
 */
export default defineConfig({
  root,
  publicDir: 'public',
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: `${root}/index.html`, portal: `${root}/portal.html` },
      // Ant Design marks its modules "use client" for React Server Components, which mean nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { [apiPaths]: api } },
});
