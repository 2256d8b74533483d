import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleSession, DESKTOP, openConsole, PHONE, SCREENSHOT_DIR } from './browser-harness';
import { MARCH, PRIVATE, seedNotices } from '../notices/notice-seed';

const LEADER = 'leader-city-a';
const TITLE = '关于2025年3月全市投诉举报办理情况的通报';

/**
 * 通报公示 in Chromium: the public finds a published notice in the portal's list, reads its tables, checks its
 * digest, prints it (the print stylesheet leaves the notice alone, and Chromium makes a PDF of it), and follows the
 * correction banner from a corrected notice to its correction — never a complainant, a black-list entry or a staff name.
 */
describe('console: public notices in the portal', () => {
  let c: ConsoleSession;
  let first: string;
  let fix: string;
  const post = async (path: string, body: object, status: number) => {
    const res = await c.t.http.post(path).set(c.t.auth(LEADER)).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return String((res.body as { id: string }).id);
  };

  beforeAll(async () => {
    c = await openConsole();
    await seedNotices(c.t);
    first = await post(
      '/public-notices',
      { kind: 'complaint-statistics', period: MARCH, title: TITLE, preface: '现将3月情况通报如下。' },
      201,
    );
    await post(`/public-notices/${first}/publish`, {}, 200);
  });
  afterAll(() => c.close());

  it('lists the notice, opens it with its tables and digest, and prints the notice alone', async () => {
    const page = await c.open('/portal', DESKTOP);
    await page.getByRole('link', { name: /通报公示.*专项行动情况通报/ }).waitFor();
    await c.screenshot(page, 'portal-home-with-notices');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报公示' }).click();
    await page.getByRole('heading', { name: '通报公示', level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal/notices/${first}`);
    await page.getByText('甲市卫健通〔2025〕1号').waitFor();
    const table = page.getByRole('region', { name: /投诉举报办理情况通报表（按单位/ });
    await table.getByRole('cell', { name: '甲市第一人民医院' }).waitFor();
    const digest = (await page.getByTestId('notice-digest').innerText()).trim();
    const api = (await c.t.http.get(`/public/notices/${first}`)).body as { digest: { content: string } };
    expect(digest).toBe(api.digest.content);
    const text = await page.locator('main').innerText();
    for (const value of Object.values(PRIVATE)) expect(text).not.toContain(value);
    expect(await page.getByRole('link', { name: '下载 Word 文档' }).getAttribute('href')).toBe(`/public/notices/${first}/document`);
    expect(existsSync(await c.screenshot(page, 'portal-notice'))).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.portal-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: TITLE, level: 1 }).isVisible()).toBe(true);
    await c.screenshot(page, 'portal-notice-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    writeFileSync(join(SCREENSHOT_DIR, 'portal-notice.pdf'), pdf);
  });

  it('marks a corrected notice and links it to its correction, and back', async () => {
    fix = await post(`/public-notices/${first}/corrections`, { preface: '原通报统计口径有误，现予更正。' }, 201);
    await post(`/public-notices/${fix}/publish`, {}, 200);
    const page = await c.open(`/portal/notices/${first}`, PHONE);
    const banner = page.getByRole('note').filter({ hasText: '本通报已被更正' });
    await banner.waitFor();
    expect(await c.screenshot(page, 'portal-notice-corrected')).toBeTruthy();
    await banner.getByRole('link').click();
    await page.getByRole('heading', { name: `关于更正《${TITLE}》的通报`, level: 1 }).waitFor();
    const back = page.getByRole('note').filter({ hasText: '本通报系对' });
    await back.getByRole('link', { name: new RegExp(TITLE) }).waitFor();
    const list = await c.open('/portal/notices', PHONE);
    await list.getByText('已被更正', { exact: true }).waitFor();
    await list.getByText('更正通报', { exact: true }).waitFor();
    await c.screenshot(list, 'portal-notices');
  });
});
