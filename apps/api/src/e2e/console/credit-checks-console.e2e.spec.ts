import { existsSync } from 'node:fs';
import { Page } from 'playwright-core';
import { ConsoleSession, openConsole, PHONE } from './browser-harness';

const INSPECTOR = 'inspector-a1';
const LEADER = 'leader-city-a';
/** An organisation no institution of the directory has, and the same code with a wrong check character. */
const CODE = '91330100799655058B';
const BAD_CODE = '91330100799655058C';
/** A person (GB 11643's own example): the page must never show it back. */
const ID = '11010519491231002X';

/**
 * 准入信用核查 in a real browser (issue 22, ADR 0019): an inspector checks an applicant organisation
 * by its 统一社会信用代码 — a mistyped code is refused under the field and nothing is recorded — sees
 * a clean result, records the applicant's false material (confirmed first), checks again and sees
 * the adverse record lower the level; checks a person, whose number is shown masked only; the city's
 * leader finds the checks in the list and narrows it.
 */
describe('console: applicant credit checks in Chromium', () => {
  let c: ConsoleSession;
  beforeAll(async () => {
    c = await openConsole({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => c.close());

  const recorded = async (user: string): Promise<{ subjectKind: string; creditCode: string | null; level: string }[]> =>
    (await c.t.http.get('/credit/checks').set(c.t.auth(user)).expect(200)).body.items;

  /** Picks `title` in the open select's dropdown. */
  const pick = (page: Page, title: string) => page.locator(`.ant-select-item-option[title="${title}"]`).click();

  async function check(page: Page, kind: '法人和其他组织' | '自然人', identifier: string): Promise<void> {
    const form = page.locator('#credit-check');
    await form.getByLabel('核查对象类型').click();
    await pick(page, kind);
    await form.getByLabel(kind === '自然人' ? '居民身份证号' : '统一社会信用代码').fill(identifier);
    await form.getByLabel('核查事由').click();
    await pick(page, kind === '自然人' ? '医师执业注册' : '医疗机构执业登记');
    await form.getByLabel('受理编号').fill('甲卫审〔2025〕12号');
    await page.getByRole('button', { name: '核查并记录' }).click();
  }

  it('refuses a mistyped code under the field, then checks, records false material and checks again', async () => {
    const page = await c.signIn(INSPECTOR);
    await page.getByRole('menuitem', { name: '准入信用核查' }).click();
    await page.waitForURL('**/cases/credit-checks');

    // The shape is right, the check character is not: the API's refusal, under the field; nothing recorded.
    await check(page, '法人和其他组织', BAD_CODE);
    await page.locator('.ant-form-item-explain-error', { hasText: '校验位正确的统一社会信用代码' }).waitFor();
    expect(await recorded(INSPECTOR)).toEqual([]);

    // Corrected, the refusal goes from under the field (its row closes up, moving the button) before
    // the check is sent: a click while the form still moves can miss on a busy machine. The answer is
    // awaited so a failure here says whether a check was sent and what the API said.
    await page.locator('#credit-check').getByLabel('统一社会信用代码').fill(CODE);
    await page.locator('#credit-check .ant-form-item-explain-error').waitFor({ state: 'detached' });
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/credit/checks');
    await page.getByRole('button', { name: '核查并记录' }).click();
    expect(`${(await answered).status()} ${await (await answered).text()}`).toMatch(/^201 /);
    await page.getByText('核查已记录').waitFor();
    const result = page.locator('.ant-card', { hasText: '核查结果' });
    await result.getByText('A级（守信）').waitFor();
    await result.getByText('无信用档案，未发现不良信息').waitFor();
    await result.getByText(CODE).waitFor();
    expect(await recorded(INSPECTOR)).toEqual([expect.objectContaining({ creditCode: CODE, level: 'A' })]);

    // 提供虚假材料, confirmed before it is recorded.
    await result.getByRole('button', { name: '记录提供虚假材料' }).click();
    const dialog = page.getByRole('dialog', { name: '记录提供虚假材料' });
    await dialog.getByLabel('虚假材料情况').fill('提交的房屋产权证明系伪造');
    await dialog.getByLabel('提交材料时间').fill('2025-03-01 10:00');
    await dialog.getByLabel('提交材料时间').press('Enter');
    await dialog.getByRole('button', { name: /记\s*录/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '确认记录提供虚假材料？' }).waitFor();
    // As with the check above: the answer is awaited, so a failure on a busy machine says whether
    // the record was sent and what the API said, rather than only that no toast was seen.
    const recordedFalse = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/credit/subjects/false-material',
    );
    await page.getByRole('button', { name: '确认记录' }).click();
    expect(`${(await recordedFalse).status()} ${await (await recordedFalse).text()}`).toMatch(/^201 /);
    await page.getByText('已记录提供虚假材料，该不良信息将计入申请人信用').waitFor();
    const stream = (await c.t.store.readStream(`creditSubject-org.${CODE}`)).map((e) => e.type);
    expect(stream).toContain('FalseMaterialFound');

    await check(page, '法人和其他组织', CODE);
    await page.getByText('核查已记录').first().waitFor();
    await result.getByText('B级（基本守信）', { exact: true }).waitFor();
    await result.getByText('申请人信用等级为B级（基本守信），请依规审慎办理。').waitFor();
    await result.getByText('近 3 年有不良信息').waitFor();
    await result
      .getByText(/提供虚假材料/)
      .first()
      .waitFor();
    expect(existsSync(await c.screenshot(page, 'credit-check-inspector'))).toBe(true);
  });

  it('checks a person on a phone and shows only the masked number the API answers', async () => {
    const page = await c.signIn(INSPECTOR, PHONE);
    await page.goto('/cases/credit-checks');
    await check(page, '自然人', ID);
    const result = page.locator('.ant-card', { hasText: '核查结果' });
    await result.getByText('1101**********002X').waitFor();
    expect(await page.content()).not.toContain(ID.slice(4, 14));
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(PHONE.width);
    expect(existsSync(await c.screenshot(page, 'credit-check-person-phone'))).toBe(true);
  });

  it('shows the leader the checks of the city’s offices, narrowed by kind and code', async () => {
    const page = await c.signIn(LEADER);
    await page.getByRole('menuitem', { name: '信用核查记录' }).click();
    await page.waitForURL('**/cases/credit-checks');
    await page.getByRole('button', { name: '核查并记录' }).waitFor({ state: 'detached' });
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.getByRole('row').filter({ hasText: '自然人' }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await page.getByRole('row').filter({ hasText: CODE }).count()).toBe(2);
    expect(await page.content()).not.toContain(ID.slice(4, 14));

    const filters = page.locator('#credit-check-filters');
    await filters.getByLabel('对象类型').click();
    await pick(page, '法人和其他组织');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByRole('row').filter({ hasText: '自然人' }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(2);
    await page.getByRole('row').filter({ hasText: 'B级（基本守信）' }).waitFor();
    expect(existsSync(await c.screenshot(page, 'credit-checks-leader'))).toBe(true);

    // A mistyped code in the filter: the API's refusal under it.
    await filters.getByLabel('统一社会信用代码').fill(BAD_CODE);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '统一社会信用代码' }).waitFor();
  });
});
