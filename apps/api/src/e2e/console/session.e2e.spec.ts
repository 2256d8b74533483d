import { eventually } from '@bihuan/testing';
import { ConsoleSession, openConsole } from './browser-harness';

/** The session as people meet it in the console: a one-time password to change first, and an expired token refreshed unseen. */
describe('console: first password and session refresh in Chromium', () => {
  let c: ConsoleSession;
  beforeAll(async () => {
    c = await openConsole();
  });
  afterAll(() => c.close());

  it('makes a user with a one-time password set a new one, refusing one the policy does not allow, then opens the workspace', async () => {
    const reset = await c.t.http.post('/admin/accounts/hospital-a1-2/reset-password').set(c.t.auth('admin')).expect(200);
    const oneTime = reset.body.oneTimePassword as string;

    const page = await c.open('/signin');
    await page.getByLabel('用户名').fill('hospital-a1-2');
    await page.getByLabel('密码').fill(oneTime);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/password');
    await page.getByText('首次登录或密码已重置，请先设置新密码').waitFor();
    // Even typed by hand, a workspace address leads back here until the password is changed.
    await page.goto('/hospital');
    await page.waitForURL((url) => url.pathname === '/password');

    await page.getByLabel('当前密码').fill(oneTime);
    // Seven characters: the policy wants eight (three kinds of character are there).
    await page.getByLabel('新密码', { exact: true }).fill('short1#');
    await page.getByLabel('确认新密码').fill('short1#');
    await page.getByRole('button', { name: /确认修改/ }).click();
    // The refusal itself: the page's notice about the reset is an alert too, and mentions 密码 as well.
    await page.getByRole('alert').filter({ hasText: '至少需要 8 个字符' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/password');

    await page.getByLabel('新密码', { exact: true }).fill('Quality#Office2026');
    await page.getByLabel('确认新密码').fill('Quality#Office2026');
    await page.getByRole('button', { name: /确认修改/ }).click();
    await page.waitForURL((url) => url.pathname === '/hospital');
    await page.getByText('待办事项').first().waitFor();
  });

  it('refreshes an expired access token without the person noticing, and keeps them on the page', async () => {
    const page = await c.signIn('inspector-a1');
    await page.getByText('待办事项').first().waitFor();
    const before = (await page.evaluate("localStorage.getItem('bihuan.session')")) as string | null;
    // Past the 15-minute access token (the API checks tokens against the test clock).
    c.t.clock.advance(20 * 60_000);
    await page.getByRole('link', { name: '消息通知' }).first().click();
    await page.getByText('接收方式').waitFor();
    // The page may draw from what it already holds before its first request comes back 401 and is
    // refreshed: wait for the new token rather than read the store the moment the page shows. Polled
    // from here: page.waitForFunction evaluates its predicate with eval in the page, which the
    // console's Content-Security-Policy (no 'unsafe-eval') refuses whenever it must poll.
    const stale = JSON.parse(before!).accessToken as string;
    const session = async () => (await page.evaluate("localStorage.getItem('bihuan.session')")) as string | null;
    await eventually(async () => JSON.parse((await session()) ?? '{}').accessToken !== stale, 'the refreshed access token', { every: 100 });
    const after = await session();
    expect(JSON.parse(after!).accessToken).not.toBe(stale);
    expect(new URL(page.url()).pathname).toBe('/inbox');
  });

  it('lets a person turn SMS off for one kind of notification only, and back, leaving no exception behind', async () => {
    const page = await c.signIn('inspector-b1');
    await page.getByRole('link', { name: '消息通知' }).first().click();
    await page.getByText('按通知类型设置').click();
    const reminderSms = page.getByRole('switch', { name: '催办 · 短信' });
    await reminderSms.click();
    await page.getByText('按通知类型设置（已单独设置 1 类）').waitFor();
    const saved = await c.t.http.get('/me/notification-preferences').set(c.t.auth('inspector-b1')).expect(200);
    expect(saved.body).toMatchObject({ email: true, sms: true, overrides: [{ kind: 'reminder', sms: false }] });
    await c.screenshot(page, 'inbox-kind-preferences');
    await reminderSms.click();
    await page.getByText('按通知类型设置', { exact: true }).waitFor();
    const back = await c.t.http.get('/me/notification-preferences').set(c.t.auth('inspector-b1')).expect(200);
    expect(back.body.overrides).toEqual([]);
  });
});
