import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { report } from './bench-output';

/**
 * `npm run bench -- console`: what a browser fetches before each page of the built console
 * (dist/console, from `npm run build`) can run — the page's entry script, its modulepreload links,
 * every chunk those import statically and its stylesheets; chunks loaded by `import()` (lazy pages)
 * are not counted. The public portal's first load should stay well under 100 kB of gzipped JS
 * (issue 20): phones on slow networks open it.
 */
const SUITE = 'console';
const PAGES = { portal: 'portal.html', staff: 'index.html' } as const;

export interface FirstLoad {
  readonly js: readonly string[];
  readonly css: readonly string[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1] ?? null;

/** Static `import … from "x"`, `import "x"` and `export … from "x"` of a (minified) ES module; never `import("x")`. */
export function staticImportsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) found.push(match[1]!);
  return found;
}

/** The files (paths from the site root) a page loads before it runs, following static imports. */
export function firstLoadOf(dir: string, page: string): FirstLoad {
  const html = readFileSync(join(dir, page), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const entries = tags.filter((t) => t.startsWith('<script') && /type="module"/.test(t)).map((t) => attribute(t, 'src'));
  const preloads = tags.filter((t) => /rel="modulepreload"/.test(t)).map((t) => attribute(t, 'href'));
  const css = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => attribute(t, 'href'));
  const js = new Set<string>();
  const visit = (path: string) => {
    if (js.has(path)) return;
    js.add(path);
    for (const target of staticImportsOf(readFileSync(join(dir, path), 'utf8'))) {
      if (target.startsWith('.') || target.startsWith('/'))
        visit(target.startsWith('/') ? target : posix.join(posix.dirname(path), target));
    }
  };
  [...entries, ...preloads].filter((p): p is string => p !== null).forEach(visit);
  return { js: [...js], css: css.filter((p): p is string => p !== null) };
}

/** Bytes of a page's first load, raw and gzipped (what the server would send compressed). */
export function measure(dir: string, load: FirstLoad): { js: number; jsGzip: number; css: number; cssGzip: number } {
  const sizes = (paths: readonly string[]) =>
    paths
      .map((p) => readFileSync(join(dir, p)))
      .reduce((sum, bytes) => ({ raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length }), {
        raw: 0,
        gzip: 0,
      });
  const js = sizes(load.js);
  const css = sizes(load.css);
  return { js: js.raw, jsGzip: js.gzip, css: css.raw, cssGzip: css.gzip };
}

/** A string only ECharts's code carries (the attribute it marks a chart's element with), minified or not. */
const CHARTS_MARKER = '_echarts_instance_';

/**
 * The leaders' charts (ECharts) come in a lazy chunk of their own: its size is reported, and the
 * bench fails if any first-load file of the staff console carries them.
 */
function chartsChunk(dir: string, firstLoad: FirstLoad): void {
  const assets = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const charts = assets.map((f) => `/assets/${f}`).filter((p) => readFileSync(join(dir, p), 'utf8').includes(CHARTS_MARKER));
  const inFirstLoad = charts.filter((p) => firstLoad.js.includes(p));
  if (inFirstLoad.length > 0) throw new Error(`ECharts is in the staff console's first load: ${inFirstLoad.join(', ')}`);
  const size = measure(dir, { js: charts, css: [] });
  report(SUITE, 'staff_charts_lazy_js_bytes', size.js, 'bytes');
  report(SUITE, 'staff_charts_lazy_js_gzip_bytes', size.jsGzip, 'bytes');
}

export async function consoleBench(): Promise<void> {
  const dir = resolve(process.env['BENCH_CONSOLE_DIR'] ?? 'dist/console');
  if (!existsSync(join(dir, PAGES.portal))) throw new Error(`No built console in ${dir}: run npm run build first`);
  for (const [name, page] of Object.entries(PAGES)) {
    const load = firstLoadOf(dir, page);
    const size = measure(dir, load);
    report(SUITE, `${name}_js_bytes`, size.js, 'bytes');
    report(SUITE, `${name}_js_gzip_bytes`, size.jsGzip, 'bytes');
    report(SUITE, `${name}_css_bytes`, size.css, 'bytes');
    report(SUITE, `${name}_css_gzip_bytes`, size.cssGzip, 'bytes');
    report(SUITE, `${name}_files`, load.js.length + load.css.length, 'files');
    if (name === 'staff') chartsChunk(dir, load);
  }
}
