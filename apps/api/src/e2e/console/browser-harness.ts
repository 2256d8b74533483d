import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@bihuan/identity';
import { eventually } from '@bihuan/testing';
import { AppConfig } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * Drives the real console in Debian's Chromium (playwright-core, no browser download) against the
 * real API on the embedded default (createTestApp: memory log, FakeClock, demo directory), served
 * on a local port like production: the API answers the console's pages and its own routes.
 */
const ROOT = resolve(__dirname, '../../../../..');
const CONSOLE_DIR = join(ROOT, 'dist/console');
/** Where the run leaves a screenshot of each workspace for review (not committed). */
export const SCREENSHOT_DIR = join(ROOT, 'screenshots/console');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Phone and desktop sizes the console is checked at. */
export const PHONE = { width: 375, height: 740 } as const;
export const DESKTOP = { width: 1366, height: 850 } as const;

export interface ConsoleSession {
  readonly t: TestApp;
  /** The console's origin, e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  /** A fresh browser context (its own storage: one person) at the given size, pages opened at `path`. */
  open(path: string, size?: { width: number; height: number }): Promise<Page>;
  /** Signs `userId` in through the sign-in page (demo password) and waits for their landing page. */
  signIn(userId: string, size?: { width: number; height: number }): Promise<Page>;
  /** Saves a full-page PNG (or, with `fullPage: false`, the viewport: a drawer or modal over it) as screenshots/console/<name>.png. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  /** `screenshot` once spinners and open/close animations have settled, so it shows what a person sees. */
  settledScreenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/** The page's document, as much of it as SETTLED reads (this tsconfig has no DOM types). */
interface PageDocument {
  querySelector(selector: string): unknown;
  getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
}

/** Run in the page: no spinner, and no animation running but endless ones (a processing tag's pulse). */
function SETTLED(): boolean {
  const doc = (globalThis as unknown as { document: PageDocument }).document;
  return (
    !doc.querySelector('.ant-spin-spinning') &&
    doc.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
  );
}

/** The built console (npm test builds it first); built here when a spec runs on its own. */
function ensureConsoleBuilt(): void {
  if (existsSync(join(CONSOLE_DIR, 'index.html')) && existsSync(join(CONSOLE_DIR, 'portal.html'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'apps/console/vite.config.mts'), '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** A port no one listens on now (for a console whose address a provider must know before it starts). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/**
 * `start`: the FakeClock's instant; `config`: settings over the test defaults; `port`: where to listen
 * (any free one by default); `fileReadModels`: the read models in a file, as production keeps them.
 */
export async function openConsole(
  options: { start?: string; config?: Partial<AppConfig>; port?: number; fileReadModels?: boolean } = {},
): Promise<ConsoleSession> {
  ensureConsoleBuilt();
  const t = await createTestApp({
    ...(options.start ? { start: options.start } : {}),
    ...(options.fileReadModels ? { fileReadModels: true } : {}),
    config: { ...options.config, consoleDir: CONSOLE_DIR },
  });
  await t.app.listen(options.port ?? 0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  // Without a browser the app would stay open and keep jest from exiting: close it, then fail.
  const browser: Browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch(async (error: unknown) => {
      await t.close();
      throw error;
    });
  const contexts: BrowserContext[] = [];
  const open = async (path: string, size: { width: number; height: number } = DESKTOP): Promise<Page> => {
    const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: origin });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // A page error is a failed test, not a silent blank screen.
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(path);
    return page;
  };
  const screenshot = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
    return file;
  };
  return {
    t,
    origin,
    open,
    async signIn(userId, size) {
      const page = await open('/signin', size);
      await page.getByLabel('用户名').fill(userId);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin') && url.pathname !== '/');
      return page;
    },
    screenshot,
    async settledScreenshot(page, name, options) {
      // Polled from here: page.waitForFunction would eval its predicate in the page whenever it must
      // poll, which the console's Content-Security-Policy (no 'unsafe-eval') refuses.
      await eventually(() => page.evaluate(SETTLED), 'the page to settle', { ms: 15_000, every: 100 });
      return screenshot(page, name, options);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}
