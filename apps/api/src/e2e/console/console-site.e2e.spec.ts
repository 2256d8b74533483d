import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolePageOf, CONSOLE_PAGE_PREFIXES, createOpenApiDocument, NOT_FOUND_PAGE_CSP, PORTAL_PAGE_PREFIX } from '@bihuan/app';
import { CONSOLE_LINKS } from '@bihuan/core';
import { createTestApp, TestApp } from '../../testing/test-app';

/** The API serves the built console on its own origin without shadowing any API route. */
describe('console site: pages, assets and API side by side', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>staff</title>');
    writeFileSync(join(dir, 'portal.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(dir, 'assets', 'index-Abc123.js'), 'console.log(1)');
    t = await createTestApp({ config: { consoleDir: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every console path with its page, never cached, under the console policy', async () => {
    for (const path of ['/', '/signin', '/hospital/ledger', '/cases/findings/f-1', '/inbox']) {
      const res = await t.http.get(path).expect(200);
      expect(res.text).toContain('<title>staff</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const portal = await t.http.get('/portal/complaints/T123').expect(200);
    expect(portal.text).toContain('<title>portal</title>');
  });

  it('caches hashed assets for a year and answers a missing one 404', async () => {
    const asset = await t.http.get('/assets/index-Abc123.js').expect(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    await t.http.get('/assets/index-Gone99.js').expect(404);
  });

  it('leaves the API alone: its routes answer JSON, writes to a page path are not pages', async () => {
    const api = await t.http.get('/findings').expect(401);
    expect(api.body.code).toBeDefined();
    const post = await t.http.post('/hospital').send({});
    expect(post.status).toBe(404);
    expect(post.headers['content-type']).toMatch(/json/);
  });

  it('shows a person who opens an address nothing answers a page in Chinese with the way on; scripts keep the JSON', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await t.http.get('/admin').set('Accept', browser).expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<h1>页面不存在</h1>');
    expect(page.text).toContain('href="/portal"');
    // Its own policy: the inline styles, nothing that loads or runs.
    expect(page.headers['content-security-policy']).toBe(NOT_FOUND_PAGE_CSP);
    const script = await t.http.get('/admin').set('Accept', 'application/json').expect(404);
    expect(script.body.code).toBe('NOT_FOUND');
    await t.http.get('/admin').expect(404).expect('content-type', /json/);
    // A route that answers 404 itself (no such finding) is the API's answer, whatever was asked for.
    const token = t.auth('inspector-a1');
    const finding = await t.http.get('/findings/no-such-finding').set(token).set('Accept', browser).expect(404);
    expect(finding.headers['content-type']).toMatch(/json/);
    // Nor does a write to an unknown address get a page.
    const post = await t.http.post('/admin').set('Accept', browser).send({}).expect(404);
    expect(post.headers['content-type']).toMatch(/json/);
  });

  it('has no console path that is also an API path', () => {
    const apiPaths = Object.keys(createOpenApiDocument(t.app).paths);
    const shadowed = apiPaths.filter((path) => consolePageOf(path.replace(/\{[^}]+\}/g, 'x')) !== null);
    expect(shadowed).toEqual([]);
    expect(CONSOLE_PAGE_PREFIXES.length).toBeGreaterThan(5);
  });

  it('opens every link people are sent (to-dos, notifications, text messages) on a console page', () => {
    expect(consolePageOf(CONSOLE_LINKS.finding('f-1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.visit('v-1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.complaint('t-1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.ethicsEvaluation('hosp-a1-1', 2026, 'S1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.reportDuty('d-1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.referral('r-1'))).toBe('console');
    expect(consolePageOf(CONSOLE_LINKS.publicComplaint('T123'))).toBe('portal');
    expect(PORTAL_PAGE_PREFIX).toBe('/portal');
  });
});
