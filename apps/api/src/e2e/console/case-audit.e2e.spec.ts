import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { steps, Steps } from '../inspection/inspection-steps';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';

/** Beijing 10:00 of a day in March 2025, when each step of the case is taken. */
const at = (day: string): string => `2025-03-${day}T02:00:00.000Z`;

/** What the page says it shows: 截至 … 的状态, or nothing while it shows now. */
const shownInstant = (page: Page): Promise<string> =>
  page
    .locator('.as-of .ant-alert-title')
    .textContent({ timeout: 1000 })
    .then((text) => text ?? '')
    .catch(() => '');

/** Moves the 时间回溯 slider with the keyboard (as a person can), a stop at a time, until the page says it shows `day`. */
async function slideTo(page: Page, day: string): Promise<void> {
  await page.locator('.as-of-slider .ant-slider-handle').focus();
  await page.keyboard.press('Home');
  for (let stop = 0; stop < 30; stop++) {
    await page.getByText(/^截至 .+ 的状态$/).waitFor();
    const shown = await shownInstant(page);
    if (shown.includes(day)) return;
    await page.keyboard.press('ArrowRight');
    await page.locator('.as-of .ant-alert-title').filter({ hasNotText: shown }).waitFor();
  }
  throw new Error(`the slider never reached ${day}: it shows ${await shownInstant(page)}`);
}

/**
 * The case audit page in Chromium (issue 21, items 2 and 4): a finding taken through notice, plan,
 * progress with a photo, an overdue rung on expiry, sign-off request and sign-off on distinct days
 * (the test clock); the leader opens its audit page, reads the timeline by name and in Chinese,
 * checks the SM3 integrity, downloads the dossier, follows an escalation to its cause, slides back to
 * a day before sign-off and sees the older state, then the institution's ledger as of that day.
 */
describe('console: the case audit page in Chromium', () => {
  let c: ConsoleSession;
  let s: Steps;
  let finding: string;

  beforeAll(async () => {
    c = await openConsole({ start: at('03') });
    s = steps(c.t);
    finding = await s.finding(await s.visit());
    c.t.clock.set(at('04'));
    await s.post('inspector-a1', `/findings/${finding}/notice`, { noticeNo: '整改〔2025〕9号' });
    c.t.clock.set(at('05'));
    await s.post('hospital-a1-1', `/findings/${finding}/plan`, { measures: '全院警示教育，签订廉洁承诺书' });
    c.t.clock.set(at('06'));
    const photo = await s.evidence('hospital-a1-1', finding);
    await s.post('hospital-a1-1', `/findings/${finding}/progress`, { summary: '已召开警示教育会', evidence: [photo], percentComplete: 60 });
    // Fifteen working days after the notice: the first rung of the overdue ladder, on the deadline's expiry.
    await c.t.advanceTo(at('26'));
    c.t.clock.set(at('27'));
    await s.post('hospital-a1-1', `/findings/${finding}/sign-off-request`, { summary: '整改完成', evidence: [photo] });
    c.t.clock.set(at('28'));
    await s.post('inspector-a1', `/findings/${finding}/sign-off`, { comment: '整改到位' });
  });
  afterAll(() => c.close());

  it('shows the leader the whole case: names, Chinese summaries, deadlines, integrity 完整, files and the dossier', async () => {
    const page = await c.signIn('leader-prov', DESKTOP);
    await page.goto(`/cases/audit/finding-${finding}`);
    await page.getByRole('heading', { name: '问题（整改台账）：收受红包' }).waitFor();
    await page.getByText('已销号').first().waitFor();
    await page.getByText('甲市第一人民医院').first().waitFor();
    // The readable timeline: who by name, what in Chinese, the deadline at each step.
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('赵监督员 开具整改通知书 整改〔2025〕9号').first().waitFor();
    await timeline
      .getByText(/甲市一院质控办 报告整改进展（第1次，完成60%）：已召开警示教育会/)
      .first()
      .waitFor();
    await timeline
      .getByText(/整改时限已过，逾期升级第1级：提醒敦促函/)
      .first()
      .waitFor();
    expect(await timeline.getByText(/整改时限 2025-03-2\d 计时中/).count()).toBeGreaterThan(0);
    // The visit that found it is a linked case with its own audit page.
    expect(await page.getByRole('link', { name: '打开关联监督检查' }).first().getAttribute('href')).toMatch(/^\/cases\/audit\/visit-/);
    // The photo the progress report cites, beside the step.
    await page.getByRole('button', { name: '下载附件 整改照片.png' }).first().waitFor();

    const badge = page.getByRole('button', { name: /完整性：完整/ });
    await badge.waitFor();
    await c.screenshot(page, 'case-audit-desktop');
    await badge.click();
    const drawer = page.locator('.ant-drawer');
    // A trial click waits until the drawer has slid in (stable), for the screenshot.
    await drawer.getByText('未发现篡改').click({ trial: true });
    await drawer.getByRole('link', { name: `问题（整改台账） ${finding}` }).waitFor();
    expect(await drawer.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(2);
    // The drawer lies over the viewport: a full-page capture re-lays the page out without it.
    await c.screenshot(page, 'case-audit-integrity', { fullPage: false });
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载案卷' }).click();
    const file = await (await download).path();
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('案件经过');
    expect(html).toContain(`finding-${finding}`);
    expect(html).toContain('确认销号');
  });

  it('follows an escalation to the notice that caused it', async () => {
    const page = await c.signIn('leader-prov', DESKTOP);
    await page.goto(`/cases/audit/finding-${finding}`);
    const escalation = page.locator('.ant-timeline-item', { hasText: '逾期升级第1级' });
    await escalation.getByRole('button', { name: /赵监督员 开具整改通知书/ }).click();
    const notice = page.locator('.timeline-highlighted');
    await notice.getByText('赵监督员 开具整改通知书').waitFor();
    // …and the notice names what it caused.
    await notice.getByRole('button', { name: /逾期升级第1级/ }).waitFor();
  });

  it('slides back to a day before sign-off: the older state, later steps greyed, the instant in the URL', async () => {
    const page = await c.signIn('leader-prov', DESKTOP);
    await page.goto(`/cases/audit/finding-${finding}`);
    await page.getByText('已销号').first().waitFor();
    await slideTo(page, '2025-03-06');
    await page.waitForURL((url) => url.searchParams.get('asOf')?.startsWith('2025-03-06') ?? false);
    const facts = page.locator('.ant-descriptions').first();
    await facts.getByText('整改中').waitFor();
    expect(await facts.getByText('已销号').count()).toBe(0);
    expect(await facts.getByText(/逾期升级/).count()).toBe(0);
    const step = (summary: RegExp) =>
      page.locator('.ant-timeline-item').filter({ has: page.locator('.timeline-summary', { hasText: summary }) });
    expect(
      await step(/^赵监督员 确认销号/)
        .getByText('该时刻之后')
        .count(),
    ).toBe(1);
    expect(
      await step(/^赵监督员 开具整改通知书/)
        .getByText('该时刻之后')
        .count(),
    ).toBe(0);
    await c.screenshot(page, 'case-audit-as-of');

    // The link holds the instant: opened afresh it shows the same past state.
    const shared = await c.signIn('leader-city-a', PHONE);
    await shared.goto(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.getByText(/截至 2025-03-06 10:00 的状态/).waitFor();
    await shared.locator('.ant-descriptions').first().getByText('整改中').waitFor();
    await c.screenshot(shared, 'case-audit-phone');
  });

  it('shows the as-of ledger of the institution with the same slider and exports it', async () => {
    const page = await c.signIn('leader-prov', DESKTOP);
    await page.goto('/leader/ledgers/hosp-a1-1');
    await page.getByRole('heading', { name: '甲市第一人民医院 整改台账' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: '收受红包' });
    await row.getByText('已销号').waitFor();
    await slideTo(page, '2025-03-04');
    await row.getByText('已下发整改通知，待提交整改方案').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toMatch(/^2025-03-04T/);
    await c.screenshot(page, 'ledger-as-of');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出该时刻的台账' }).click();
    expect((await download).suggestedFilename()).toMatch(/整改台账.*\.xlsx$/);
    // Each row opens its case at the same instant.
    expect(await row.getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/cases/audit/finding-${finding}\\?asOf=2025-03-04`));
  });

  it("lets a leader order 督办 on a complaint the hospital holds, from the complaint's audit page", async () => {
    const submitted = await c.t.http
      .post('/public/complaints')
      .send({ category: 'service-attitude', description: '收费处工作人员态度恶劣', institutionId: 'hosp-a1-1' })
      .expect(201);
    const listed = (await s.get('inspector-a1', '/complaints'))['items'] as { ticketId: string; ticketCode: string }[];
    const ticketId = listed.find((item) => item.ticketCode === submitted.body.ticketCode)?.ticketId ?? '';
    await s.post('inspector-a1', `/complaints/${ticketId}/dispatch`, { institutionId: 'hosp-a1-1', complexity: 'simple' });

    const page = await c.signIn('leader-prov', DESKTOP);
    await page.goto(`/cases/audit/complaintTicket-${ticketId}`);
    const actions = page.locator('.ant-card', { hasText: '领导督办' });
    await actions.getByRole('button', { name: /^督\s*办$/ }).click();
    await page.getByLabel('督办事由').fill('群众反映强烈，请加快办理');
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await actions.getByText(/已于 .+ 督办/).waitFor();
    // The step is on the record, by the leader, and in the timeline the page re-read.
    const ticket = await s.get('leader-prov', `/complaints/${ticketId}`);
    expect(ticket['supervisedAt']).toEqual(expect.any(String));
    await page
      .locator('.timeline-summary', { hasText: /王主任/ })
      .first()
      .waitFor();
    await c.screenshot(page, 'case-audit-complaint-supervised');
  });

  it('offers the audit page from the finding to the roles the audit routes answer', async () => {
    const hospital = await c.signIn('hospital-a1-1', DESKTOP);
    await hospital.goto(`/cases/findings/${finding}`);
    const link = hospital.getByRole('link', { name: /完整历史与核验/ });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/cases/audit/finding-${finding}`);
  });
});
