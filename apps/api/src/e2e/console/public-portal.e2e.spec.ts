import { existsSync } from 'node:fs';
import { Page } from 'playwright-core';
import { ConsoleSession, openConsole, PHONE } from './browser-harness';

/** A 1×1 PNG: a real image, so the public upload policy (images and PDF) takes it. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const INSTITUTION = 'hosp-a1-1';
const ANSWER = '经核实，当班医生收受红包属实，已退还并作出处理。';

/** Every input, select and textarea on the page, named by a <label>, aria-label or aria-labelledby. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('input, select, textarea').evaluateAll((controls) =>
    controls
      .filter((c) => {
        const labelled =
          (c as unknown as { labels: { length: number } | null }).labels?.length ||
          c.getAttribute('aria-label') ||
          c.getAttribute('aria-labelledby');
        return !labelled;
      })
      .map((c) => c.outerHTML),
  );
}

/** The public portal in Chromium at phone size: submit with a photo, keep the receipt, follow the ticket, rate the answer. */
describe('console: the public portal in Chromium', () => {
  let c: ConsoleSession;
  beforeAll(async () => {
    c = await openConsole();
  });
  afterAll(() => c.close());

  const staffStep = async (user: string, ticketId: string, path: string, body: object = {}) =>
    c.t.http.post(`/complaints/${ticketId}/${path}`).set(c.t.auth(user)).send(body).expect(200);

  it('submits a named complaint with a photo, shows code and secret once, then shows the answer and takes the rating', async () => {
    const home = await c.open('/portal', PHONE);
    await home.getByRole('heading', { name: '医疗服务投诉与信用公示' }).waitFor();
    expect(existsSync(await c.screenshot(home, 'portal-home'))).toBe(true);

    await home.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '提交投诉' }).click();
    await home.getByRole('heading', { name: '提交投诉' }).waitFor();
    expect(new URL(home.url()).pathname).toBe('/portal/complaints/new');

    // Sent empty: the errors are tied to their fields, and the first invalid one has the focus.
    await home.getByRole('button', { name: '提交投诉' }).click();
    await home.getByText('请选择投诉类别').waitFor();
    const category = home.getByLabel('投诉类别');
    expect(await category.getAttribute('aria-invalid')).toBe('true');
    expect(await category.evaluate((el) => el.matches(':focus'))).toBe(true);
    await home.getByLabel('问题描述').waitFor();
    expect(await home.getByLabel('问题描述').getAttribute('aria-describedby')).toMatch(/error/);

    await home.getByRole('radio', { name: '实名投诉' }).check();
    // An error goes once its field is edited.
    await home.getByLabel('问题描述').fill('手术前');
    expect(await home.getByText('请描述您遇到的问题').count()).toBe(0);
    await home.getByLabel('姓名').fill('李四');
    await home.getByLabel('手机号码').fill('13912345678');
    await home.getByLabel(/接收短信通知/).check();
    await home.getByLabel('被投诉的医疗机构').selectOption(INSTITUTION);
    await category.selectOption('red-envelopes-kickbacks');
    await home.getByLabel('问题描述').fill('手术前主治医生暗示要红包，家属被迫给了两千元。');
    await home.getByLabel('上传材料（可选）').setInputFiles({ name: '转账截图.png', mimeType: 'image/png', buffer: PHOTO });
    await home.getByRole('button', { name: '移除 转账截图.png' }).waitFor();
    expect(await unnamedControls(home)).toEqual([]);
    await c.screenshot(home, 'portal-complaint-form');

    await home.getByRole('button', { name: '提交投诉' }).click();
    await home.getByRole('heading', { name: '投诉已提交' }).waitFor();
    const code = (await home.getByTestId('ticket-code').innerText()).trim();
    const secret = (await home.getByTestId('ticket-secret').innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-?[2-9A-Z]{4}$/);
    expect(secret.length).toBeGreaterThan(10);
    await home.getByText('1 个：转账截图.png').waitFor();
    // The time the API recorded (the test clock's), not the browser's.
    await home.getByText(/2025-03-03 09:00/).waitFor();
    await home.getByRole('button', { name: '打印回执' }).waitFor();
    expect(await home.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })')).not.toContain(secret);
    await c.screenshot(home, 'portal-receipt');
    // Printed, the page is the receipt alone: no navigation, no buttons, the code and the secret.
    await home.emulateMedia({ media: 'print' });
    expect(await home.getByRole('navigation', { name: '主导航' }).isVisible()).toBe(false);
    expect(await home.getByRole('button', { name: '打印回执' }).isVisible()).toBe(false);
    expect(await home.getByTestId('ticket-secret').isVisible()).toBe(true);
    await c.screenshot(home, 'portal-receipt-print');
    await home.emulateMedia({ media: 'screen' });

    // The staff side, through the API: dispatch, acknowledge, decide, answer.
    const list = await c.t.http.get('/complaints').set(c.t.auth('inspector-a1')).expect(200);
    const ticket = (list.body.items as { ticketId: string; ticketCode: string }[]).find(
      (i) => i.ticketCode.replace('-', '') === code.replace('-', ''),
    );
    expect(ticket).toBeDefined();
    const ticketId = ticket!.ticketId;
    await staffStep('inspector-a1', ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await staffStep('hospital-a1-1', ticketId, 'acknowledge');
    await staffStep('hospital-a1-1', ticketId, 'decision', { decision: 'substantiated', findings: '病区记录证实' });
    await staffStep('hospital-a1-1', ticketId, 'answer', { answer: ANSWER });

    // The SMS link carries the code; the secret is typed.
    const lookup = await c.open(`/portal/complaints/${code}`, PHONE);
    expect(await lookup.getByLabel('投诉编号').inputValue()).toBe(code);
    await lookup.getByLabel('查询码').fill(secret);
    expect(await unnamedControls(lookup)).toEqual([]);
    await lookup.getByRole('button', { name: '查询' }).click();
    await lookup.getByText(ANSWER).waitFor();
    await lookup.getByText('当前状态：已答复').waitFor();
    // The API keeps no name the complainant gave a file (it could name them): it is 投诉材料-<digest>.
    await lookup.getByRole('button', { name: /^下载 投诉材料-[0-9a-f]+\.png$/ }).waitFor();
    expect(await unnamedControls(lookup)).toEqual([]);
    await c.screenshot(lookup, 'portal-status-answered');

    await lookup.getByRole('button', { name: '提交评价' }).click();
    await lookup.getByText('请选择满意程度').waitFor();
    await lookup.getByRole('radio', { name: '基本满意', exact: true }).check();
    await lookup.getByLabel('意见和建议（可选）').fill('处理及时。');
    await lookup.getByRole('button', { name: '提交评价' }).click();
    await lookup.getByText('感谢您的评价。').waitFor();
    await lookup.getByText('当前状态：已评价').waitFor();
    expect(await lookup.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await c.screenshot(lookup, 'portal-status-rated');

    const status = await c.t.http.get(`/public/complaints/${code}`).set('X-Ticket-Secret', secret).expect(200);
    expect(status.body).toMatchObject({
      step: 'rated',
      rating: 'basically-satisfied',
      files: [expect.objectContaining({ mediaType: 'image/png' })],
    });
  });

  it('asks for the complainant’s reply while the ticket waits on them, and sends it', async () => {
    const submitted = await c.t.http
      .post('/public/complaints')
      .send({ category: 'fees', description: '同一项检查被收费两次。', institutionId: INSTITUTION })
      .expect(201);
    const { ticketCode: code, secret } = submitted.body as { ticketCode: string; secret: string };
    const list = await c.t.http.get('/complaints').set(c.t.auth('inspector-a1')).expect(200);
    const ticketId = (list.body.items as { ticketId: string; ticketCode: string }[]).find((i) => i.ticketCode === code)!.ticketId;
    await staffStep('inspector-a1', ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    await staffStep('hospital-a1-1', ticketId, 'acknowledge');
    await staffStep('hospital-a1-1', ticketId, 'await-complainant', { reason: '请提供收费票据' });

    const page = await c.open(`/portal/complaints/${code}`, PHONE);
    await page.getByLabel('查询码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('当前状态：等待您补充材料').waitFor();
    await page.getByRole('textbox', { name: '补充说明' }).fill('票据已拍照上传，两张收费单号相同。');
    expect(await unnamedControls(page)).toEqual([]);
    await c.screenshot(page, 'portal-status-awaiting-reply');
    await page.getByRole('button', { name: '提交补充说明' }).click();
    await page.getByText('您的补充说明已提交，办理继续计时。').waitFor();
    expect(await page.getByRole('button', { name: '提交补充说明' }).count()).toBe(0);
    const status = await c.t.http.get(`/public/complaints/${code}`).set('X-Ticket-Secret', secret).expect(200);
    expect(status.body.step).not.toBe('awaiting-your-reply');
  });

  it('refuses a wrong secret in Chinese, revealing nothing', async () => {
    const page = await c.open('/portal/complaints', PHONE);
    await page.getByLabel('投诉编号').fill('K7Q2-M9XD');
    await page.getByLabel('查询码').fill('not-the-secret');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('finds an institution on the credit pages and opens its public credit page', async () => {
    const archive = (path: string, body: object) =>
      c.t.http.post(`/credit/archives${path}`).set(c.t.auth('inspector-b1')).send(body).expect(201);
    await archive('', { institutionId: 'hosp-b1-1', name: '南山县人民医院' });
    await archive('/hosp-b1-1/information', {
      infoClass: 'basic',
      kind: 'license',
      title: '医疗机构执业许可证（有效）',
      occurredAt: '2025-01-02T02:00:00.000Z',
    });
    await archive('/hosp-b1-1/lists', { list: 'red', reason: '连续三年无投诉属实', expiresAt: '2026-03-01T00:00:00.000Z' });
    const page = await c.open('/portal/credit', PHONE);
    await page.getByLabel('查找医疗机构').fill('南山');
    await page.getByRole('button', { name: /南山县人民医院/ }).click();
    await page.getByRole('heading', { name: '南山县人民医院' }).waitFor();
    await page.getByRole('heading', { name: '红名单' }).waitFor();
    await page.getByText('医疗机构执业许可证（有效）').waitFor();
    expect(await page.getByRole('region', { name: '红名单' }).getByRole('listitem').count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    await c.screenshot(page, 'portal-credit');
  });
});
