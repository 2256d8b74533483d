import { existsSync } from 'node:fs';
import { DEMO_PASSWORD } from '@bihuan/identity';
import { ConsoleSession, openConsole, PHONE } from './browser-harness';

/** Signing in through the console in a real browser: each role lands on its workspace; sign-out ends the session. */
describe('console: sign-in in Chromium', () => {
  let c: ConsoleSession;
  beforeAll(async () => {
    c = await openConsole();
  });
  afterAll(() => c.close());

  it('lands a hospital on its to-do list and an inspector on theirs, with their unit and name', async () => {
    const hospital = await c.signIn('hospital-a1-1');
    expect(new URL(hospital.url()).pathname).toBe('/hospital');
    await hospital.getByText('待办事项').first().waitFor();
    await hospital.getByText('甲市一院质控办').waitFor();
    expect(existsSync(await c.screenshot(hospital, 'hospital-todos'))).toBe(true);

    const inspector = await c.signIn('inspector-a1', PHONE);
    expect(new URL(inspector.url()).pathname).toBe('/inspector');
    await inspector.getByText('赵监督员').waitFor();
    // On a phone the menu folds behind a header button and lies over the page when opened.
    await inspector.getByRole('button', { name: '菜单' }).click();
    await c.screenshot(inspector, 'inspector-phone-menu');
    await inspector.getByRole('link', { name: '消息通知' }).click();
    await inspector.waitForURL((url) => url.pathname === '/inbox');
  });

  it('refuses a wrong password in Chinese and keeps the user on the sign-in page', async () => {
    const page = await c.open('/signin');
    await page.getByLabel('用户名').fill('hospital-a1-2');
    await page.getByLabel('密码').fill('Wrong#pass1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /用户名或密码/ })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('sends a signed-out visitor of a workspace page to sign in, and back there after', async () => {
    const page = await c.open('/hospital');
    await page.waitForURL(/\/signin\?next=%2Fhospital/);
    await page.getByLabel('用户名').fill('hospital-a1-2');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/hospital');
  });

  it('signs out: the session ends and the pages ask to sign in again', async () => {
    const page = await c.signIn('hospital-b1-1');
    await page.getByRole('button', { name: /南山县医院投诉办/ }).hover();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/signin/);
    await page.goto('/hospital');
    await page.waitForURL(/\/signin/);
  });
});
