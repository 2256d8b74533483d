import { seedDashboard, DashboardSeed } from '../statistics/dashboard-seed';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';

/**
 * The leaders' workspace in Chromium (issue 21, item 1), through the real API: a city's leader
 * signs in and lands on the dashboard, sees the city's figures as charts with their tables (and
 * nothing of the other city), opens the overdue rows of a rung of the ladder from the table under
 * the chart, finds the overdue row highlighted, opens its case audit and slides it back to before it
 * went overdue; the 通报 tables download as one workbook.
 */
describe('console: the leader dashboard in Chromium', () => {
  let c: ConsoleSession;
  let seed: DashboardSeed;
  beforeAll(async () => {
    c = await openConsole();
    seed = await seedDashboard(c.t);
  });
  afterAll(() => c.close());

  it('lands on the dashboard with the city’s figures as charts, drills to the overdue row and links it to its audit', async () => {
    const page = await c.signIn('leader-city-a', DESKTOP);
    expect(new URL(page.url()).pathname).toBe('/leader');
    await page.getByRole('heading', { name: /监督管理仪表盘/ }).waitFor();

    // Charts drawn (ECharts as SVG), each with its numbers in a table under it.
    const chart = page.getByRole('img', { name: '各机构问题整改情况条形图：逾期未改、整改中、已销号' });
    await chart.locator('svg').waitFor();
    const byInstitution = page.getByRole('region', { name: '问题整改情况（按机构）（数据表）' });
    const a1 = byInstitution.getByRole('row', { name: /甲市第一人民医院/ });
    expect((await a1.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual(['甲市第一人民医院', '2', '1', '0', '1']);
    expect(await page.getByText('南山县人民医院').count()).toBe(0); // the other city's hospital is nowhere
    const ladder = page.getByRole('region', { name: '逾期问题督办层级（数据表）' });
    await ladder.getByRole('row', { name: /提醒敦促函/ }).waitFor();
    await page.getByRole('region', { name: '红黑名单在列情况（数据表）' }).getByText('连续三年无投诉').waitFor();
    await page.getByRole('img', { name: '医疗机构信用等级分布饼图' }).locator('svg').waitFor();
    await c.screenshot(page, 'leader-dashboard');

    // The whole set of 通报 tables, one workbook.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出通报表：统计通报表' }).click();
    expect((await download).suggestedFilename()).toMatch(/^统计通报表-\d{4}-\d{2}-\d{2}\.xlsx$/);

    // Drill down: the overdue rows on the first rung of the ladder.
    await ladder.getByRole('link', { name: '提醒敦促函仍逾期：1 项，查看明细' }).click();
    await page.waitForURL(/\/leader\/findings\?/);
    const query = new URL(page.url()).searchParams;
    expect([query.get('overdue'), query.get('escalationRung')]).toEqual(['true', 'reminder-letter']);
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /外科病房医生收受患者红包/ });
    await row.waitFor();
    expect(await table.getByRole('row').count()).toBe(2); // the header and the one overdue row of the city
    expect(await row.getAttribute('class')).toContain('row-overdue');
    await row.getByText('提醒敦促函').waitFor();
    await row.getByText('甲市第一人民医院').waitFor();
    expect(await row.getByRole('link', { name: '问题详情' }).getAttribute('href')).toBe(`/cases/findings/${seed.overdueA}`);
    const audit = row.getByRole('link', { name: '案件审计：外科病房医生收受患者红包' });
    expect(await audit.getAttribute('href')).toBe(`/cases/audit/finding-${seed.overdueA}`);
    await c.screenshot(page, 'leader-findings');
    await audit.click();
    await page.waitForURL((url) => url.pathname === `/cases/audit/finding-${seed.overdueA}`);

    // …and on the case, the 时间回溯 slider back to the first step: the case before it went overdue.
    const facts = page.locator('.ant-descriptions').first();
    await facts.getByText(/^逾期升级：提醒敦促函/).waitFor();
    await page.locator('.as-of-slider .ant-slider-handle').focus();
    await page.keyboard.press('Home');
    await page.getByText(/^截至 2025-03-\d\d \d\d:\d\d 的状态$/).waitFor();
    await page.waitForURL((url) => url.searchParams.has('asOf'));
    await facts.getByText(/^逾期升级/).waitFor({ state: 'detached' });
    expect(await facts.getByText(/逾期/).count()).toBe(0);
    await c.screenshot(page, 'leader-case-as-of');
  });

  it('keeps the period in the URL and drills a month of the trend to the rows signed off in it', async () => {
    const page = await c.signIn('leader-city-a', DESKTOP);
    await page.goto('/leader?from=2025-03-01&to=2025-03-31');
    const trend = page.getByRole('region', { name: '问题整改月度趋势（数据表）' });
    await trend.getByRole('link', { name: '2025年3月销号问题：1 项，查看明细' }).click();
    await page.waitForURL(/signedOffFrom=2025-03-01/);
    const row = page.getByRole('table').getByRole('row', { name: /未公示收费标准/ });
    await row.getByText('已销号').waitFor();
    expect(await row.getAttribute('class')).not.toContain('row-overdue');
    await page.getByText('销号日期 2025-03-01 至 2025-03-31').waitFor();
    await c.screenshot(page, 'leader-findings-signed-off');
  });

  it('on a phone shows the drilled rows first, the filters folded behind 筛选 saying how many are set', async () => {
    const page = await c.signIn('leader-city-a', PHONE);
    await page.goto('/leader/findings?overdue=true&escalationRung=reminder-letter&from=2025-01-01&to=2025-12-31');
    await page
      .getByRole('table')
      .getByRole('row', { name: /外科病房医生收受患者红包/ })
      .waitFor();
    const filters = page.getByRole('form', { name: '筛选条件' });
    expect(await filters.isVisible()).toBe(false);
    // Three filters: overdue, the rung, and one date range (both of its ends).
    const fold = page.getByRole('button', { name: '筛选（3）' });
    // The button says what it opens (aria-controls), for a screen reader.
    const controlled = page.locator(`[id="${await fold.getAttribute('aria-controls')}"]`);
    expect(await controlled.getByRole('form', { name: '筛选条件', includeHidden: true }).count()).toBe(1);
    await fold.click();
    await filters.getByLabel('督办层级').waitFor();
    expect(await page.locator('.ant-table-content').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await c.screenshot(page, 'leader-findings-phone');
  });

  it('gives a leader a 待办事项 page of their own, reached from the menu', async () => {
    const page = await c.signIn('leader-city-a', DESKTOP);
    await page.getByRole('link', { name: '待办事项' }).first().click();
    await page.waitForURL((url) => url.pathname === '/leader/todos');
    // The city has no draw whose seed is due: the list says so rather than showing nothing.
    await page.getByText('暂无待办事项').waitFor();
    expect(await page.getByRole('heading', { name: '待办事项' }).count()).toBeGreaterThan(0);
  });
});
