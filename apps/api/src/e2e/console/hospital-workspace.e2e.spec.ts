import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onePixelPng } from '../../testing/evidence-upload';
import { detail, INSPECTOR, INSTITUTION, step, submitPublic } from '../complaints/complaints-e2e.helpers';
import { steps, Steps } from '../inspection/inspection-steps';
import { ConsoleSession, openConsole, PHONE } from './browser-harness';

/**
 * The hospital's rectification loop in a real browser: an inspector opens a finding at hosp-a1-1
 * and issues the notice (through the API); the hospital's quality office sees it on its to-do list
 * and ledger, opens the row, submits the plan, reports progress with an uploaded photo and asks
 * for sign-off; the inspector reviews the photo and signs the row off — each step checked on the
 * page and in the API's state.
 */
describe('console: the hospital workspace in Chromium', () => {
  let c: ConsoleSession;
  let s: Steps;
  let findingId: string;
  const photoPath = join(mkdtempSync(join(tmpdir(), 'bihuan-photo-')), '整改现场.png');

  beforeAll(async () => {
    c = await openConsole();
    s = steps(c.t);
    writeFileSync(photoPath, onePixelPng(0x40));
    const visitId = await s.visit();
    findingId = await s.finding(visitId, { description: '门诊药房处方审核记录缺失' });
    await s.post('inspector-a1', `/findings/${findingId}/notice`, { noticeNo: '整改〔2026〕7号' });
  });
  afterAll(() => c.close());

  const finding = async (): Promise<Record<string, unknown>> => s.get('hospital-a1-1', `/findings/${findingId}`);

  it('shows the finding on the to-do list and the ledger, carries the rectification to a sign-off request, and the inspector signs it off', async () => {
    const page = await c.signIn('hospital-a1-1');
    // 待办: the plan is due, with its due date and working days left.
    const todo = page.getByRole('row').filter({ hasText: '整改' }).first();
    await todo.waitFor();
    await todo.getByText(/剩 \d+ 个工作日|今日到期/).waitFor();
    // What the finding is, and not the hospital's own name: every step on its list is its own.
    await todo.getByText('门诊药房处方审核记录缺失').waitFor();
    expect(await todo.getByText('甲市第一人民医院').count()).toBe(0);
    expect(existsSync(await c.screenshot(page, 'hospital-todos-finding'))).toBe(true);

    // 整改台账: the row is listed; opening it leads to the finding's page.
    await page.getByRole('menuitem', { name: '整改台账' }).click();
    await page.waitForURL('**/hospital/ledger');
    const row = page.getByRole('row').filter({ hasText: '门诊药房处方审核记录缺失' });
    await row.waitFor();
    await row.getByText('收受红包').waitFor();
    await row.getByText('剩 15 个工作日').waitFor();
    expect(existsSync(await c.screenshot(page, 'hospital-ledger'))).toBe(true);
    // Sorting asks the API (a ledger may hold 10,000 rows): 整改期限 soonest first, then latest first.
    for (const [sort, shown] of [
      ['due', 'ascending'],
      ['-due', 'descending'],
    ] as const) {
      const answered = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/findings' && new URL(r.url()).searchParams.get('sort') === sort,
      );
      await page.getByRole('columnheader', { name: '整改期限' }).click();
      expect((await answered).status()).toBe(200);
      await page.locator(`th[aria-sort="${shown}"]`, { hasText: '整改期限' }).waitFor();
      await row.waitFor();
    }
    await row.getByRole('link').click();
    await page.waitForURL(`**/cases/findings/${findingId}`);
    await page.getByText('剩 15 个工作日').waitFor();

    // 整改方案.
    await page.getByLabel('整改措施').fill('修订处方审核制度，药师每日抽查并登记');
    await page.getByLabel('责任人').fill('王药师');
    await page.getByRole('button', { name: '提交整改方案' }).click();
    await page.getByText('整改方案已提交').waitFor();
    await page.getByRole('tab', { name: '整改进展' }).waitFor();
    expect((await finding())['status']).toBe('inProgress');

    // 整改进展 with a photo uploaded through the drag-and-drop control.
    await page.getByRole('tab', { name: '整改进展' }).click();
    await page.getByLabel('进展情况').fill('已完成全院药师培训');
    await page.getByLabel('完成比例（%）').fill('60');
    await page.locator('#progress input[type=file]').last().setInputFiles(photoPath);
    await page.locator('#progress').getByText('整改现场.png').first().waitFor();
    await page.getByRole('button', { name: '报送整改进展' }).click();
    await page.getByText('整改进展已报送').waitFor();
    const reported = await finding();
    const rectification = reported['rectification'] as { progressReports: number; evidence: string[] };
    expect(rectification.progressReports).toBe(1);
    expect(rectification.evidence).toHaveLength(1);
    // The photo is listed with its thumbnail.
    await page.getByRole('img', { name: '整改现场.png' }).waitFor();

    // 申请销号, citing the photo reported with the progress.
    await page.getByRole('tab', { name: '申请销号' }).click();
    await page.getByLabel('整改完成情况').fill('制度已修订，抽查记录完整');
    await page.getByRole('button', { name: '申请销号' }).click();
    await page.getByText('销号申请已提交，等待监督员审核').waitFor();
    await page.getByText('已申请销号，等待监督员审核。').waitFor();
    expect((await finding())['status']).toBe('signOffRequested');
    await page
      .getByText(/申请销号/)
      .last()
      .waitFor();
    expect(existsSync(await c.screenshot(page, 'hospital-finding'))).toBe(true);

    // The inspector, on a phone, reviews the request with the hospital's photo and signs the row off (销号).
    const inspector = await c.signIn('inspector-a1', PHONE);
    await inspector.getByRole('link', { name: /销号申请待核验/ }).waitFor();
    await inspector.goto('/inspector/reviews');
    await inspector.getByRole('button', { name: '审核：甲市第一人民医院 收受红包' }).click();
    await inspector.getByRole('img', { name: '整改现场.png' }).first().waitFor();
    await inspector.getByLabel('审核意见').fill('整改到位，同意销号');
    await inspector.getByRole('button', { name: '同意销号' }).click();
    await inspector.getByText('已销号').first().waitFor();
    expect((await finding())['status']).toBe('signedOff');

    // The hospital's page of the row now reads 已销号, and its to-do list no longer holds it.
    await page.reload();
    await page.getByText('已销号').first().waitFor();
    await page.goto('/hospital');
    await page.getByText('暂无待办事项').waitFor();
  });

  it('fits a phone: the finding page and the ledger at 375 px', async () => {
    const page = await c.signIn('hospital-a1-1', PHONE);
    // The header names the hospital in full: the role gives way to it (the menu says the role).
    const unit = page.locator('.staff-header .unit-name');
    await unit.getByText('甲市第一人民医院').waitFor();
    expect(await unit.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await page.goto(`/cases/findings/${findingId}`);
    await page.getByText('门诊药房处方审核记录缺失', { exact: true }).waitFor();
    expect(existsSync(await c.screenshot(page, 'hospital-finding-phone'))).toBe(true);
    await page.goto('/hospital/ledger');
    // On a phone a row reads top to bottom (problem, category, status), nothing scrolls sideways,
    // and the filters stay folded until asked for.
    const row = page.getByRole('row').filter({ hasText: '门诊药房处方审核记录缺失' });
    // Its status, whatever the tests before left it at (signed off when the whole file runs).
    await row.locator('.ant-tag').first().waitFor();
    const table = page.locator('.ant-table-content');
    expect(await table.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    const filters = page.getByRole('form', { name: '筛选条件' });
    expect(await filters.isVisible()).toBe(false);
    await page.getByRole('button', { name: /^筛\s*选/ }).click();
    await filters.waitFor();
    expect(existsSync(await c.screenshot(page, 'hospital-ledger-phone'))).toBe(true);
  });

  it('handles a complaint dispatched to the hospital: acknowledge, investigate, decide, answer — no complainant shown', async () => {
    const ticket = await submitPublic(c.t, { description: '门诊医生索要红包' });
    await step(c.t, INSPECTOR, ticket.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    const page = await c.signIn('hospital-a1-1');
    await page.getByRole('menuitem', { name: '投诉办理' }).click();
    await page.getByRole('link', { name: ticket.ticketCode }).click();
    await page.waitForURL(`**/cases/complaints/${ticket.ticketId}`);
    await page.getByText('门诊医生索要红包').waitFor();

    await page.getByRole('button', { name: /签\s*收/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /签\s*收/ })
      .click();
    await page.getByText('已签收', { exact: true }).first().waitFor();
    await page.getByLabel('调查核实情况').fill('调阅门诊监控，约谈当事医生');
    await page.getByRole('button', { name: '记录调查情况' }).click();
    await page.getByText('调查核实情况已记录').waitFor();

    await page.getByRole('tab', { name: '处理意见' }).click();
    await page.getByLabel('核查结论').click();
    await page.getByTitle('部分属实').click();
    await page.getByRole('textbox', { name: '处理意见' }).fill('当事医生已退还并作检查');
    await page.getByRole('button', { name: '提交处理意见' }).click();
    await page.getByText('处理意见已提交').waitFor();

    await page.getByLabel('反馈内容').fill('经核查部分属实，已严肃处理。');
    await page.getByRole('button', { name: '反馈投诉人' }).click();
    await page.getByText('已反馈投诉人').waitFor();
    expect((await detail(c.t, 'hospital-a1-1', ticket.ticketId))['status']).toBe('answered');
    expect(existsSync(await c.screenshot(page, 'hospital-complaint'))).toBe(true);
  });

  it("carries a staff member's ethics evaluation through self and department review from the to-do link", async () => {
    await s.post(
      'hospital-a1-1',
      '/ethics/archives',
      { staffId: 'S1', institutionId: INSTITUTION, departmentId: 'cardiology', name: '医生甲' },
      201,
    );
    await s.post('hospital-a1-1', '/ethics/evaluations', { institutionId: INSTITUTION, year: 2025, staffId: 'S1' }, 201);
    const page = await c.signIn('hospital-a1-1');
    await page.getByRole('menuitem', { name: '医德考评' }).click();
    // The browser's own date picks the default year; the API's clock is 2025 here.
    await page.getByLabel('考评年度').click();
    await page.getByTitle('2025 年度').click();
    const row = page.getByRole('row').filter({ hasText: '待个人自评' });
    await row.getByRole('link').click();
    await page.waitForURL(`**/hospital/ethics/${INSTITUTION}/2025/S1`);

    await page.getByLabel('个人自评').fill('遵守医德规范，无投诉');
    await page.getByLabel('自评分（0–100）').fill('92');
    await page.getByRole('button', { name: '提交自评' }).click();
    await page.getByText('个人自评已提交').waitFor();
    await page.getByLabel('科室评分（0–100）').fill('90');
    await page.getByRole('button', { name: '提交科室评议' }).click();
    await page.getByText('科室评议已提交').waitFor();
    const evaluation = await s.get('hospital-a1-1', `/ethics/evaluations/${INSTITUTION}/2025/S1`);
    expect(evaluation).toMatchObject({ status: 'departmentReviewed', selfScore: 92, departmentScore: 90 });
    await page.getByRole('button', { name: '完成单位评定' }).waitFor();
    expect(existsSync(await c.screenshot(page, 'hospital-ethics-evaluation'))).toBe(true);
  });
});
