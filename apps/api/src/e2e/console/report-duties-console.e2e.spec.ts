import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { onePixelPng } from '../../testing/evidence-upload';
import { launchCampaign } from '../campaigns/campaign-steps';
import { dutyOf, REPORTING_CAMPAIGN } from '../campaigns/report-duty-steps';
import { ConsoleSession, openConsole, PHONE } from './browser-harness';

const HOSPITAL = 'hospital-a1-1';
const ISSUER = 'inspector-city-a';

interface DutyState {
  readonly status: string;
  readonly round: number;
  readonly submissions: { text: string; evidence: { name: string }[] }[];
  readonly reviews: { outcome: string; note: string | null }[];
  readonly files: { name: string }[];
}

/**
 * Issue 22 item 2 in a real browser: 甲市's campaign asks its hospitals for a 实施方案 by Friday 7
 * March 2025. The hospital finds it on its reports list, opens it, is refused a text file and an
 * empty report (nothing written), hands the report in with a scan; the city's inspector opens it from
 * the to-do list and returns it with a reason; the hospital reads the reason and hands it in again;
 * the inspector passes it. Each step is checked on the page and in the API's state.
 */
describe('console: reporting duties in Chromium', () => {
  let c: ConsoleSession;
  let dutyId: string;
  const dir = mkdtempSync(join(tmpdir(), 'bihuan-report-'));
  const scan = join(dir, '实施方案盖章页.png');
  const notes = join(dir, '说明.txt');

  beforeAll(async () => {
    c = await openConsole({ start: '2025-03-03T01:00:00.000Z' }); // Monday 09:00 in Beijing
    writeFileSync(scan, onePixelPng(0x40));
    writeFileSync(notes, '纯文本不是允许的报送材料');
    await launchCampaign(c.t, ISSUER, REPORTING_CAMPAIGN);
    dutyId = (await dutyOf(c.t, HOSPITAL, 'hosp-a1-1', '2025-03-07')).dutyId;
  });
  afterAll(() => c.close());

  const duty = async (): Promise<DutyState> => (await c.t.http.get(`/report-duties/${dutyId}`).set(c.t.auth(HOSPITAL)).expect(200)).body;
  const button = (page: Page, name: RegExp) => page.getByRole('button', { name });
  /** `user` signs in and opens the duty's page. */
  const openDuty = async (user: string): Promise<Page> => {
    const page = await c.signIn(user);
    await page.goto(`/cases/report-duties/${dutyId}`);
    await page.getByText('甲市第一人民医院').first().waitFor();
    return page;
  };

  it('lists the hospital’s duties with their due dates, filters them, and links the to-do to the duty page', async () => {
    const page = await c.signIn(HOSPITAL);
    const todo = page.getByRole('link', { name: /报送材料待提交/ }).first();
    expect(await todo.getAttribute('href')).toBe(`/cases/report-duties/${dutyId}`);

    await page.getByRole('menuitem', { name: '报送任务' }).click();
    await page.waitForURL('**/hospital/reports');
    const plan = page.getByRole('row').filter({ hasText: '实施方案（宣传动员）' });
    await plan.getByText('剩 4 个工作日').waitFor();
    await plan.getByText('待报送').waitFor();
    await page.getByRole('row').filter({ hasText: '月报（集中整治）' }).first().waitFor();
    await page.getByLabel('状态').click();
    await page.getByTitle('已通过').click();
    await page.getByText('暂无报送任务').waitFor();
    await page.getByLabel('状态').click();
    await page.getByTitle('待报送').click();
    await plan.waitFor();
    expect(await page.getByRole('row').filter({ hasText: '2025年医德医风专项行动' }).count()).toBe(4);
    await page.keyboard.press('Escape');
    expect(existsSync(await c.screenshot(page, 'hospital-reports'))).toBe(true);
    await plan.getByRole('link').click();
    await page.waitForURL(`**/cases/report-duties/${dutyId}`);
    await page.getByRole('link', { name: '2025年医德医风专项行动' }).waitFor();
  });

  it('refuses a text file and an empty report, hands the report in with a scan, takes it back after a return, and is passed', async () => {
    let hospital = await openDuty(HOSPITAL);

    // Bad input first: the API refuses a text file (its reason shown), the form an empty report; nothing is written.
    await hospital.locator('#report input[type=file]').last().setInputFiles(notes);
    await hospital.getByText(/说明\.txt：.*文件类型不符合要求/).waitFor();
    await button(hospital, /提交报送/).click();
    await hospital.locator('.ant-form-item-explain-error', { hasText: '请填写报送内容' }).waitFor();
    expect(await duty()).toMatchObject({ status: 'assigned', submissions: [], files: [] });

    // The next day (each day on the test clock is a new sign-in: yesterday's session has expired).
    await c.t.advanceTo('2025-03-04T02:00:00.000Z');
    hospital = await openDuty(HOSPITAL);
    await hospital.getByLabel('报送内容').fill('医院实施方案已经院党委会审议通过，附盖章页。');
    await hospital.locator('#report input[type=file]').last().setInputFiles(scan);
    await hospital.getByRole('img', { name: '实施方案盖章页.png' }).waitFor();
    await button(hospital, /提交报送/).click();
    await hospital.getByText('报送材料已提交，等待审核').waitFor();
    const handedIn = await duty();
    expect(handedIn).toMatchObject({ status: 'submitted', round: 1 });
    expect(handedIn.submissions[0]!.evidence.map((f) => f.name)).toEqual(['实施方案盖章页.png']);
    await hospital.getByLabel('报送记录').getByRole('button', { name: '实施方案盖章页.png' }).waitFor(); // cited by the hand-in, downloadable

    // The issuing office opens it from its to-do list and returns it; the reason is required.
    await c.t.advanceTo('2025-03-05T01:30:00.000Z');
    let inspector = await c.signIn(ISSUER);
    await inspector
      .getByRole('link', { name: /报送材料待审核/ })
      .first()
      .click();
    await inspector.waitForURL(`**/cases/report-duties/${dutyId}`);
    await inspector.getByText('医院实施方案已经院党委会审议通过，附盖章页。').waitFor();
    await button(inspector, /^退\s*回$/).click();
    await button(inspector, /^确\s*认$/).click();
    await inspector.locator('.ant-form-item-explain-error', { hasText: '请填写退回理由' }).waitFor();
    await inspector.getByLabel('退回理由').fill('未附自查台账，请补充后重新报送');
    await button(inspector, /^确\s*认$/).click();
    await inspector.getByText('报送材料已退回，等待重新报送').waitFor();
    expect(await duty()).toMatchObject({
      status: 'returned',
      round: 2,
      reviews: [{ outcome: 'returned', note: '未附自查台账，请补充后重新报送' }],
    });

    // The hospital reads the reason above its last text and hands the report in again.
    await c.t.advanceTo('2025-03-05T06:00:00.000Z');
    hospital = await openDuty(HOSPITAL);
    await hospital.getByText('报送材料被退回，请按退回理由修改后重新报送').waitFor();
    await hospital.getByText('退回理由：未附自查台账，请补充后重新报送').first().waitFor();
    expect(await hospital.getByLabel('报送内容').inputValue()).toBe('医院实施方案已经院党委会审议通过，附盖章页。');
    expect(existsSync(await c.screenshot(hospital, 'report-duty-returned'))).toBe(true);
    await hospital.getByLabel('报送内容').fill('医院实施方案已经院党委会审议通过，已补充自查台账。');
    await button(hospital, /^重新报送$/).click();
    await hospital.getByText('报送材料已提交，等待审核').waitFor();
    const again = await duty();
    expect(again).toMatchObject({ status: 'submitted', round: 2 });
    expect(again.submissions[1]!.evidence.map((f) => f.name)).toEqual(['实施方案盖章页.png']); // the scan cited again

    // The inspector passes it.
    await c.t.advanceTo('2025-03-06T02:00:00.000Z');
    inspector = await openDuty(ISSUER);
    await inspector.getByText('已补充自查台账').waitFor();
    await button(inspector, /^通\s*过$/).click();
    await inspector.getByLabel('审核意见（可选）').fill('材料齐全');
    await button(inspector, /^确\s*认$/).click();
    await inspector.getByText('报送材料已通过').first().waitFor();
    const passed = await duty();
    expect(passed).toMatchObject({ status: 'accepted', round: 2 });
    expect(passed.reviews.map((r) => [r.outcome, r.note])).toEqual([
      ['returned', '未附自查台账，请补充后重新报送'],
      ['accepted', '材料齐全'],
    ]);
    expect(existsSync(await c.screenshot(inspector, 'report-duty-inspector'))).toBe(true);
  }, 150_000); // four people sign in on four days: on a loaded 2-core machine this story outgrew the default minute

  it('lets a district inspector find what the district owes the city under 报送任务 and hand it in (ADR 0024)', async () => {
    const scope = { institutionIds: ['hosp-a1-2'], commissionUnitIds: ['county-a1'] };
    await launchCampaign(c.t, ISSUER, { ...REPORTING_CAMPAIGN, title: '2025年区县报送专项行动', scope });
    const countyDuty = (await dutyOf(c.t, 'inspector-a1', 'county-a1', '2025-03-07')).dutyId;
    const page = await c.signIn('inspector-a1');
    await page.getByRole('menuitem', { name: '报送任务' }).click();
    await page.waitForURL('**/inspector/reports');
    const plan = page.getByRole('row').filter({ hasText: '实施方案（宣传动员）' });
    await plan.getByText('待报送').waitFor();
    // Only the district's own: not the hospitals' duties its jurisdiction reads.
    expect(await page.getByRole('row').filter({ hasText: '2025年医德医风专项行动' }).count()).toBe(0);
    expect(existsSync(await c.screenshot(page, 'inspector-reports'))).toBe(true);
    await plan.getByRole('link').click();
    await page.waitForURL(`**/cases/report-duties/${countyDuty}`);
    await page.getByText('甲市东城区卫生健康局').first().waitFor();
    expect(await page.getByText('审核报送材料').count()).toBe(0);
    await page.getByLabel('报送内容').fill('东城区实施方案已印发各医疗机构。');
    await button(page, /提交报送/).click();
    await page.getByText('报送材料已提交，等待审核').waitFor();
    const state = await c.t.http.get(`/report-duties/${countyDuty}`).set(c.t.auth(ISSUER)).expect(200);
    expect(state.body).toMatchObject({ status: 'submitted', owingUnitKind: 'commission', submissions: [{ submittedBy: 'inspector-a1' }] });
    expect(existsSync(await c.screenshot(page, 'report-duty-county'))).toBe(true);
  });

  it('fits a phone: the duty page at 375 px, its history and rounds readable without scrolling sideways', async () => {
    const page = await c.signIn(HOSPITAL, PHONE);
    await page.goto(`/cases/report-duties/${dutyId}`);
    await page.getByText('第 2 轮报送').waitFor();
    await page.getByText('已通过').first().waitFor();
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(PHONE.width);
    expect(existsSync(await c.screenshot(page, 'report-duty-phone'))).toBe(true);
  });
});
