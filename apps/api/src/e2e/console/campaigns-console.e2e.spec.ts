import ExcelJS from 'exceljs';
import { Locator, Page } from 'playwright-core';
import { dutyOf } from '../campaigns/report-duty-steps';
import { expectNothingWritten } from '../ethics-credit/ethics-credit.fixtures';
import { steps } from '../inspection/inspection-steps';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';
import { chooseOption } from './console-select';

const TITLE = '2025年医德医风专项行动';

/** The texts of a table row's cells, trimmed. */
const cellsOf = async (row: Locator): Promise<string[]> => (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());

/**
 * 专项行动 in Chromium (issue 22 item 1), through the real API on the test clock (Monday 3 March
 * 2025): the city's inspector launches a campaign from the form — first with a phase overlapping
 * the one before, refused under that phase's field and nothing written — opens it on its current
 * phase, sees its ledger, progress by phase × unit and the reports matrix (each cell a duty),
 * amends it with a third phase, tries to close it with a row still open, carries that row over with
 * a reason, and downloads the 通报. A leader reads it on a phone.
 */
describe('console: campaigns (专项行动) in Chromium', () => {
  let c: ConsoleSession;
  let page: Page;
  let campaignId: string;
  let visitId: string;

  beforeAll(async () => {
    c = await openConsole({ start: '2025-03-03T01:00:00.000Z' });
    page = await c.signIn('inspector-city-a', DESKTOP);
  });
  afterAll(() => c.close());

  it('launches a campaign from the form: a refused phase shows the Chinese reason under its field and writes nothing', async () => {
    await page.getByRole('menuitem', { name: '专项行动' }).click();
    await page.waitForURL('**/cases/campaigns');
    await page.getByText('暂无专项行动').waitFor();
    await page.getByRole('button', { name: '发起专项行动' }).click();
    const form = page.getByRole('form', { name: '发起专项行动' });
    await form.getByLabel('行动名称').fill(TITLE);
    await form.getByTitle('甲市卫生健康委员会').waitFor(); // the issuing unit: the inspector's own by default
    await form.getByLabel('年度').fill('2025');
    await chooseOption(page, '机构类别', '综合医院', form);
    await chooseOption(page, '机构类别', '中医医院', form);
    await form.getByLabel('行动名称').click(); // closes the open list

    const first = form.getByRole('group', { name: '第 1 阶段' });
    await first.getByLabel('阶段名称').fill('宣传动员');
    await first.getByLabel('开始日期').fill('2025-03-01');
    await first.getByLabel('结束日期').fill('2025-03-15');
    await first.getByRole('button', { name: '添加报送材料' }).click();
    await chooseOption(page, '报送材料', '实施方案', first);
    await first.getByLabel('截止日期', { exact: true }).fill('2025-03-07');
    await form.getByRole('button', { name: '添加阶段' }).click();
    const second = form.getByRole('group', { name: '第 2 阶段' });
    await second.getByLabel('阶段名称').fill('集中整治');
    await second.getByLabel('开始日期').fill('2025-03-10'); // before 宣传动员 ends
    await second.getByLabel('结束日期').fill('2025-05-31');
    await second.getByRole('button', { name: '添加报送材料' }).click();
    await chooseOption(page, '报送材料', '月报', second);
    await chooseOption(page, '报送方式', '每月报送', second);

    await expectNothingWritten(c.t, async () => {
      await form.getByRole('button', { name: '发起专项行动' }).click();
      await second
        .locator('.ant-form-item-explain-error')
        .filter({ hasText: /^「第 2 阶段的开始日期」与上一阶段“宣传动员”的时间重叠/ })
        .waitFor();
    });
    expect(((await c.t.http.get('/campaigns').set(c.t.auth('inspector-city-a'))).body as { items: unknown[] }).items).toEqual([]);
    await c.settledScreenshot(page, 'campaign-launch-refused', { fullPage: false });

    await second.getByLabel('开始日期').fill('2025-03-16');
    await form.getByRole('button', { name: '发起专项行动' }).click();
    await page.waitForURL(/\/cases\/campaigns\/[^/]+$/);
    campaignId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByText('机构类别：综合医院、中医医院').waitFor();
    await page.getByText('共 2 家：').waitFor();
    const current = page.locator('.campaign-phase-current');
    await current.getByText('宣传动员').waitFor();
    await current.getByText('当前阶段').waitFor();
    await page.getByText('今日 2025-03-03').waitFor();
    expect(await page.getByRole('link', { name: '完整历史与核验' }).getAttribute('href')).toBe(`/cases/audit/campaign-${campaignId}`);
    await c.settledScreenshot(page, 'campaign-launched');
  });

  it('shows the ledger filed under it, progress by phase × unit and the reports matrix, each cell linking to its duty', async () => {
    const s = steps(c.t);
    visitId = await s.visit({ institutionId: 'hosp-a1-1', kind: 'special', campaignId });
    const signedOff = await s.finding(visitId, { category: 'red-envelopes' });
    await s.finding(visitId, { category: 'disclosure', description: '收费公示栏未更新', responsibleDepartment: '财务科' });
    await s.rectify(signedOff);
    await s.post('inspector-a1', `/findings/${signedOff}/sign-off`, { comment: '同意销号' });
    await c.t.settle();
    const plan = await dutyOf(c.t, 'hospital-a1-1', 'hosp-a1-1', '2025-03-07');
    await s.post('hospital-a1-1', `/report-duties/${plan.dutyId}/submit`, { text: '医院实施方案已经院党委会审议通过。' });
    await c.t.settle();

    await page.reload();
    const ledger = page.getByRole('table', { name: '专项行动台账' });
    await ledger.getByRole('row', { name: /收费公示栏未更新/ }).waitFor();
    expect(await ledger.getByRole('row').count()).toBe(3);
    await ledger
      .getByRole('row', { name: /外科病房医生收受患者红包/ })
      .getByText('按期完成')
      .waitFor();
    await page.getByLabel('台账汇总').getByText('整改中 1').waitFor();
    await c.settledScreenshot(page, 'campaign-ledger');

    await page.getByRole('tab', { name: '进度' }).click();
    const progress = page.getByRole('table', { name: '各机构进度' });
    const a1 = progress.getByRole('row', { name: /甲市第一人民医院/ });
    await a1.waitFor();
    // 宣传动员 (today's phase): one special visit, two findings, one signed off on time; the plan is not due before 7 March.
    expect(await cellsOf(a1)).toEqual(['甲市第一人民医院', '1', '0', '2', '1', '1', '0', '1', '0', '0', '0']);
    expect((await cellsOf(progress.getByRole('row', { name: /东城区中医医院/ }))).slice(1, 4)).toEqual(['0', '0', '0']);
    await c.settledScreenshot(page, 'campaign-progress');

    await page.getByRole('tab', { name: '报送' }).click();
    const matrix = page.getByRole('table', { name: '报送情况（机构×材料）' });
    const handedIn = matrix.getByRole('link', { name: '甲市第一人民医院 实施方案（2025-03-07）：待审核' });
    expect(await handedIn.getAttribute('href')).toBe(`/cases/report-duties/${plan.dutyId}`);
    await matrix.getByRole('link', { name: '东城区中医医院 月报（2025-04-30）：待报送' }).waitFor();
    await page.getByLabel('报送汇总').getByText('待审核 1').waitFor();
    await c.settledScreenshot(page, 'campaign-reports');
  });

  it('amends the phases with a reason, then closes with the open row carried over', async () => {
    await page.getByRole('button', { name: '调整专项行动' }).click();
    const form = page.getByRole('form', { name: '调整专项行动' });
    await form.getByRole('button', { name: '添加阶段' }).click();
    const third = form.getByRole('group', { name: '第 3 阶段' });
    await third.getByLabel('阶段名称').fill('总结提升');
    await third.getByLabel('开始日期').fill('2025-06-01');
    await third.getByLabel('结束日期').fill('2025-06-30');
    await third.getByRole('button', { name: '添加报送材料' }).click();
    await chooseOption(page, '报送材料', '总结报告', third);
    await third.getByLabel('截止日期', { exact: true }).fill('2025-06-30');
    await form.getByLabel('调整原因').click(); // closes the date picker left open, which would take the next click
    await form.getByLabel('调整原因').fill('根据市卫健委补充通知增加总结阶段');
    await form.getByRole('button', { name: '保存调整' }).click();
    // The page's own state, not the toast: a toast lasts three seconds, which a loaded machine can miss.
    await page.locator('.campaign-phases').getByText('总结提升').waitFor();
    await page.getByText('（调整 1 次）').waitFor();

    await page.getByRole('button', { name: '结束专项行动' }).click();
    const dialog = page.getByRole('dialog', { name: '结束专项行动' });
    await dialog.getByRole('button', { name: '确认结束' }).click();
    await dialog.getByText(/专项行动台账尚有 1 项问题未销号/).waitFor();
    expect(((await c.t.http.get(`/campaigns/${campaignId}`).set(c.t.auth('inspector-city-a'))).body as { status: string }).status).toBe(
      'launched',
    );
    await dialog.getByRole('button', { name: '结转并结束' }).click();
    await dialog.getByText('请填写结转理由').waitFor();
    await dialog.getByLabel('结转理由').fill('剩余问题转入日常监管台账');
    await dialog.getByText('请填写结转理由').waitFor({ state: 'detached' });
    await c.settledScreenshot(page, 'campaign-carry-over', { fullPage: false });
    await dialog.getByRole('button', { name: '结转并结束' }).click();
    await page.locator('.ant-descriptions').getByText('已结束').waitFor();
    await page.getByText('1 项（剩余问题转入日常监管台账）').waitFor();
    await page.getByText('专项行动已于 2025-03-03 结束').waitFor();
    expect(await page.getByText('当前阶段').count()).toBe(0);
    expect(await page.getByRole('button', { name: '结束专项行动' }).count()).toBe(0);
  });

  it('sums it up and downloads the 通报 workbook', async () => {
    await page.getByRole('tab', { name: '总结' }).click();
    const rate = page.locator('.ant-statistic').filter({ hasText: '整改率' }).first();
    await rate.getByText('50%').waitFor();
    await page.locator('.ant-statistic').filter({ hasText: '结转问题' }).getByText('1', { exact: true }).waitFor();
    await page
      .getByRole('table', { name: '按问题类别' })
      .getByRole('row', { name: /收受红包/ })
      .waitFor();
    await c.settledScreenshot(page, 'campaign-summary');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出通报（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`专项行动通报-${TITLE}-2025-03-03.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path())!);
    expect(String(workbook.getWorksheet('按问题类别')!.getCell(1, 1).value)).toBe(`${TITLE}情况通报表（截至2025年3月3日）`);
  });

  it('opens its case audit, links the visit filed under it to the campaign, and lists it; a leader reads it on a phone', async () => {
    // Its whole history, as any case's: the audit page names it and leads back to it.
    await page.getByRole('link', { name: '完整历史与核验' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/audit/campaign-${campaignId}`);
    await page.getByRole('heading', { name: `专项行动：${TITLE}` }).waitFor();
    await page.getByRole('link', { name: '办理页面' }).waitFor();

    await page.goto(`/cases/visits/${visitId}`);
    await page.locator('.ant-descriptions').getByRole('link', { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === `/cases/campaigns/${campaignId}`);

    await page.locator('.ant-breadcrumb').getByRole('link', { name: '专项行动' }).click();
    const row = page.getByRole('table', { name: '专项行动列表' }).getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('已结束').waitFor(); // the list cached before the launch is refetched on the way back
    expect(await cellsOf(row)).toEqual([TITLE, '甲市卫生健康委员会', '2025-03-01 至 2025-06-30', '—', '2 家', '已结束']);

    const leader = await c.signIn('leader-city-a', PHONE);
    await leader.goto(`/cases/campaigns/${campaignId}?tab=progress`);
    await leader
      .getByRole('table', { name: '各机构进度' })
      .getByRole('row', { name: /甲市第一人民医院/ })
      .waitFor();
    await c.settledScreenshot(leader, 'campaign-phone');
    await leader.goto('/cases/campaigns');
    await leader.getByRole('link', { name: TITLE }).waitFor();
    await c.settledScreenshot(leader, 'campaigns-phone');
    await leader.getByRole('button', { name: '发起专项行动' }).click();
    await leader.getByRole('form', { name: '发起专项行动' }).getByTitle('甲市卫生健康委员会').waitFor();
    await c.settledScreenshot(leader, 'campaign-launch-phone', { fullPage: false });
  });

  it('names lower commissions that owe the reports: picked at launch, shown on the campaign page', async () => {
    const county = '甲市东城区卫生健康局';
    await page.goto('/cases/campaigns');
    await page.getByRole('button', { name: '发起专项行动' }).click();
    const form = page.getByRole('form', { name: '发起专项行动' });
    await form.getByLabel('行动名称').fill('2025年县级报送专项行动');
    await form.getByLabel('年度').fill('2025');
    await chooseOption(page, '报送的下级卫生健康行政部门', county, form);
    await form.getByLabel('行动名称').click(); // closes the open list
    const first = form.getByRole('group', { name: '第 1 阶段' });
    await first.getByLabel('阶段名称').fill('总结提升');
    await first.getByLabel('开始日期').fill('2025-07-01');
    await first.getByLabel('结束日期').fill('2025-07-31');
    await first.getByRole('button', { name: '添加报送材料' }).click();
    await chooseOption(page, '报送材料', '总结报告', first);
    await first.getByLabel('截止日期', { exact: true }).fill('2025-07-20');
    await form.getByRole('button', { name: '发起专项行动' }).click();
    await page.waitForURL(/\/cases\/campaigns\/[^/]+$/);
    await page.getByText(`报送的下级卫生健康行政部门：${county}`).waitFor();
    const launched = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const detail = (await c.t.http.get(`/campaigns/${launched}`).set(c.t.auth('inspector-city-a')).expect(200)).body as {
      scope: { commissionUnitIds: string[] };
    };
    expect(detail.scope.commissionUnitIds).toEqual(['county-a1']);
  });
});
