import { existsSync } from 'node:fs';
import { Page } from 'playwright-core';
import { calendarFile, seedAdminPages, usersWorkbook } from './admin-workspace.fixtures';
import { ConsoleSession, openConsole } from './browser-harness';

const NEW_PASSWORD = 'Zhikong#2027a';

/**
 * The admins' workspace in a real browser (issue 21 items 3 and 4), at the year end (28 December
 * 2026, next year's holidays not yet published): the admin lands on 系统概况, imports users from an
 * XLSX made from the API's template (first a file with bad rows, reported row by row in Chinese,
 * then a good one), resets an imported user's password and that user signs in with the one-time
 * password, changes it and reaches their workspace. Then each admin page once, with seeded data.
 */
describe('console: the admin workspace in Chromium', () => {
  let c: ConsoleSession;
  let admin: Page;

  beforeAll(async () => {
    c = await openConsole({ start: '2026-12-28T02:00:00.000Z', fileReadModels: true });
    await seedAdminPages(c.t);
    admin = await c.signIn('admin');
  });
  afterAll(() => c.close());

  const shot = async (page: Page, name: string): Promise<boolean> => existsSync(await c.settledScreenshot(page, name));

  const menu = async (label: string, path: string): Promise<void> => {
    await admin.getByRole('menuitem', { name: label }).click();
    await admin.waitForURL(`**${path}`);
  };

  it('lands the admin on 系统概况, with next year’s calendar flagged and the dead letter and failed delivery counted', async () => {
    expect(new URL(admin.url()).pathname).toBe('/manage');
    await admin.getByText('2027 年的节假日安排尚未导入').waitFor();
    await admin.getByText('待处理死信').waitFor();
    const card = (title: string) =>
      admin.locator('.ant-col > .ant-card').filter({ has: admin.getByRole('link', { name: title, exact: true }) });
    await card('死信处理').getByText('1', { exact: true }).waitFor();
    await card('通知投递').getByText('1', { exact: true }).waitFor();
    expect(await shot(admin, 'admin-home')).toBe(true);
  });

  it('imports users from XLSX: bad rows reported in Chinese with nothing written, then the good file, and the directory refreshes', async () => {
    await menu('机构与用户', '/manage/directory');
    await admin.getByLabel('查找单位').fill('第一人民医院');
    await admin.getByRole('tree').getByText('甲市第一人民医院').click();
    await admin.getByRole('cell', { name: '甲市一院质控办' }).waitFor();

    const bad = await usersWorkbook(c.t, '用户-有误.xlsx', [
      { 用户编码: 'qc-wang', 登录名: 'qc-wang', 姓名: '王质控', 手机号: '1390000', 角色: '院长', 所属单位编码: 'hosp-a1-1' },
    ]);
    await admin.getByRole('button', { name: '批量导入' }).click();
    await admin.locator('.ant-drawer input[type=file]').setInputFiles(bad);
    await admin.getByText('“用户-有误.xlsx”有 2 处问题，未写入任何数据').waitFor();
    const report = admin.getByRole('table', { name: '导入问题' });
    await report.getByText(/用户表第2行「手机号」格式不正确/).waitFor();
    await report.getByText(/用户表第2行「角色」“院长”不是可选值/).waitFor();
    expect(await shot(admin, 'admin-import-rejected')).toBe(true);
    expect((await c.t.http.get('/directory/users/qc-wang').set(c.t.auth('admin'))).status).toBe(404);

    const good = await usersWorkbook(c.t, '用户.xlsx', [
      { 用户编码: 'qc-wang', 登录名: 'qc-wang', 姓名: '王质控', 手机号: '13900001111', 角色: '医院', 所属单位编码: 'hosp-a1-1' },
      { 用户编码: 'jd-li', 登录名: 'jd-li', 姓名: '李监督', 手机号: '13900002222', 角色: '监督员', 所属单位编码: 'county-a1' },
    ]);
    await admin.locator('.ant-drawer input[type=file]').setInputFiles(good);
    await admin.getByText('“用户.xlsx”已导入').waitFor();
    await admin.getByText('写入：用户 2 项。').waitFor();
    expect(await shot(admin, 'admin-import-done')).toBe(true);
    await admin.keyboard.press('Escape');
    await admin.getByRole('cell', { name: '王质控' }).waitFor();
    expect(await shot(admin, 'admin-directory')).toBe(true);
  });

  it('resets the imported user’s password; the one-time password, shown once, signs them in to change it and reach their workspace', async () => {
    const row = admin.getByRole('row').filter({ hasText: '王质控' });
    await row.getByRole('button', { name: '重置密码' }).click();
    await admin.getByRole('button', { name: /^重\s*置$/ }).click();
    const dialog = admin.getByRole('dialog').filter({ hasText: '一次性密码' });
    await dialog.getByText('此密码只显示这一次').waitFor();
    await dialog.getByRole('button', { name: '复制' }).waitFor();
    const password = (await dialog.getByLabel('一次性密码').textContent())?.trim() ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    expect(await shot(admin, 'admin-one-time-password')).toBe(true);
    await dialog.getByRole('button', { name: '我已记下' }).click();

    const user = await c.open('/signin');
    await user.getByLabel('用户名').fill('qc-wang');
    await user.getByLabel('密码').fill(password);
    await user.getByRole('button', { name: /登\s*录/ }).click();
    await user.waitForURL('**/password');
    await user.getByText('首次登录或密码已重置，请先设置新密码').waitFor();
    await user.getByLabel('当前密码').fill(password);
    await user.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await user.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await user.getByRole('button', { name: '确认修改' }).click();
    await user.waitForURL((url) => url.pathname === '/hospital');
    await user.getByText('王质控（医院）').waitFor();
    expect(await shot(user, 'admin-imported-user-signed-in')).toBe(true);
  });

  it('lists the provisional deadlines on the calendar page; importing 2027 from a JSON file recomputes them', async () => {
    await menu('工作日历', '/manage/calendar');
    const provisional = admin.locator('.ant-card').filter({ hasText: '暂定期限（' });
    await provisional
      .getByRole('cell', { name: /^complaintTicket-/ })
      .first()
      .waitFor();
    await provisional.getByText('2027 年').first().waitFor();
    expect(await shot(admin, 'admin-calendar-provisional')).toBe(true);

    await admin.locator('input[type=file][accept*=json]').setInputFiles(calendarFile());
    await admin.getByText('test notice (made up)').waitFor();
    await admin.getByRole('button', { name: '导入 2027 年日历' }).click();
    await admin.getByText('日历已导入，暂定期限将按正式安排重新计算').waitFor();
    await c.t.settle(); // the worker recomputes the provisional deadlines
    await admin.reload();
    await admin.getByText('没有暂定的期限').waitFor();
    await admin.getByText('暂定期限（0 项）').waitFor();
    expect(await shot(admin, 'admin-calendar-imported')).toBe(true);
  });

  it('edits a policy with a reason (shown in the history) and shows a refused edit’s Chinese error under its setting', async () => {
    await menu('政策参数', '/manage/policies');
    await admin.getByRole('tab', { name: '投诉办理时限' }).click();
    await admin.getByLabel('反馈时限（工作日） · 简单件').fill('7');
    await admin.getByLabel('修改原因').fill('市卫健委〔2026〕12号');
    await admin.getByRole('button', { name: '保存修改' }).click();
    await admin.getByText('政策参数已保存').waitFor();
    await admin.getByText('原因：市卫健委〔2026〕12号').waitFor();
    await admin.getByText(/反馈时限（工作日） · 简单件 = 7/).waitFor();
    expect(await shot(admin, 'admin-policy-history')).toBe(true);

    await admin.getByRole('tab', { name: '文件上传' }).click();
    await admin.getByLabel('各用途允许的文件 · 医德考评材料 · 单个文件上限（字节）').fill('0');
    await admin.getByLabel('修改原因').fill('试图关闭医德考评的上传');
    await admin.getByRole('button', { name: '保存修改' }).click();
    await admin
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '「各用途允许的文件 · 医德考评材料 · 单个文件上限（字节）」的取值超出允许范围' })
      .waitFor();
    expect(await shot(admin, 'admin-policy-refused')).toBe(true);
  });

  it('edits a list of numbers as tags, refusing a tag that is no number before sending', async () => {
    await menu('政策参数', '/manage/policies');
    await admin.getByRole('tab', { name: '移交协同部门' }).click();
    const fractions = admin.getByLabel('提醒时点（签收时限已过的比例，如 0.5 即过半时提醒）');
    await fractions.fill('一半');
    await fractions.press('Enter');
    await admin.getByLabel('修改原因').fill('提醒提前');
    await admin.getByRole('button', { name: '保存修改' }).click();
    await admin.locator('.ant-form-item-explain-error').filter({ hasText: '每一项都必须是数字' }).waitFor();
    // Remove the wrong tag, add 0.3: the saved policy holds numbers, not texts.
    await admin.locator('.ant-select-selection-item', { hasText: '一半' }).locator('.ant-select-selection-item-remove').click();
    await fractions.fill('0.3');
    await fractions.press('Enter');
    await admin.getByRole('button', { name: '保存修改' }).click();
    await admin.getByText('政策参数已保存').waitFor();
    const policy = (await c.t.http.get('/admin/policies/referrals').set(c.t.auth('admin')).expect(200)).body as {
      current: { reminderFractions: unknown[] };
    };
    expect(policy.current.reminderFractions).toContain(0.3);
    expect(policy.current.reminderFractions.every((f) => typeof f === 'number')).toBe(true);
  });

  it('shows a dead letter in its drawer and retries it', async () => {
    await menu('死信处理', '/manage/dead-letters');
    await admin.getByRole('button', { name: '详情' }).click();
    await admin
      .getByLabel('错误信息')
      .getByText(/ECONNREFUSED/)
      .waitFor();
    expect(await shot(admin, 'admin-dead-letter')).toBe(true);
    await admin
      .getByRole('dialog', { name: '死信详情' })
      .getByRole('button', { name: /^重\s*试$/ })
      .click();
    await admin.getByText('已重新处理，该死信已清除').waitFor();
    await admin.getByText('没有死信').waitFor();
  });

  it('rebuilds a read model after a confirmation and shows it swapped in', async () => {
    await menu('读模型', '/manage/projections');
    const row = admin.getByRole('row').filter({ hasText: 'stream-stats' });
    await row.getByText('已追上').waitFor();
    await row.getByRole('button', { name: /^重\s*建$/ }).click();
    await admin.getByRole('button', { name: '开始重建' }).click();
    await row.getByText('已重建并替换').waitFor();
    expect(await shot(admin, 'admin-projections')).toBe(true);
  });

  it('pages the access log with its filters, and retries a failed delivery', async () => {
    await menu('访问日志', '/manage/access-log');
    const read = admin.getByRole('row').filter({ hasText: '督办核查' }).first();
    await read.getByText('王主任（领导）').waitFor();
    await admin.getByText(/共 \d+ 条/).waitFor();
    expect(await shot(admin, 'admin-access-log')).toBe(true);

    await menu('通知投递', '/manage/deliveries');
    await admin.getByLabel('按投递状态筛选').click();
    await admin.getByTitle('投递失败').click();
    const failed = admin.getByRole('row').filter({ hasText: '接口推送' });
    await failed.getByText('投递失败').waitFor();
    expect(await shot(admin, 'admin-deliveries')).toBe(true);
    await failed.getByRole('button', { name: '重新投递' }).click();
    await admin.getByText('已重新排队投递').waitFor();
  });
});
