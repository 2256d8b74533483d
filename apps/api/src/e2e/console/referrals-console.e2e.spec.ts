import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { sm3Hex } from '@bihuan/event-store';
import { steps } from '../inspection/inspection-steps';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';
import { chooseOption } from './console-select';

const INSPECTOR = 'inspector-city-a';
const POLICE = 'partner-police-a';
const pdf = (text: string): Buffer => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** The error shown under the field labelled `label` (not the toast that repeats it). */
const fieldError = (page: Page, label: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator('label', { hasText: label }) })
    .locator('.ant-form-item-explain-error');

/**
 * 移交协查 in Chromium, both sides, through the real API (issue 22 item 4): the city's inspector
 * refers a finding from its page on a phone — an agency not competent for the case first, refused
 * under the field with nothing written — to 甲市公安局; the police's partner lands on its workspace,
 * opens the referral, downloads the case file (its SM3 is the referral's), acknowledges and records
 * the outcome with a document; the inspector closes it. The partner then sends a lead (a bad phone
 * number first) that becomes a complaint the inspector sees. A hospital is refused the page.
 */
describe('console: referrals and the partners’ workspace in Chromium', () => {
  let c: ConsoleSession;
  let findingId: string;
  let referralId: string;
  beforeAll(async () => {
    c = await openConsole();
    // An agency beside 西城区: the city's inspector may pick it, but it has no say over 东城区's hospital.
    await c.t.http
      .post('/directory/units')
      .set(c.t.auth('admin'))
      .send({
        id: 'agency-county-a2-market',
        name: '西城区市场监督管理局',
        kind: 'agency',
        parentId: 'county-a2',
        agencyType: 'market_regulation',
      })
      .expect(201);
    const s = steps(c.t);
    findingId = await s.finding(await s.visit(), { category: 'insurance-fraud', description: '串换药品、虚记诊疗项目骗取医保基金' });
  }, 120_000);
  afterAll(() => c.close());

  /** A screenshot once spinners and animations settled (a field error fading in, a list loading). */
  const shot = async (page: Page, name: string, options?: { fullPage?: boolean }): Promise<string> =>
    c.settledScreenshot(page, name, options);

  it('refers a finding from its page: an agency without a say over the case is refused under the field, then 甲市公安局', async () => {
    const page = await c.signIn(INSPECTOR, PHONE);
    await page.goto(`/cases/findings/${findingId}`);
    await page.getByRole('button', { name: '移交协查' }).click();
    const dialog = page.getByRole('dialog', { name: '移交协查' });
    await chooseOption(page, '接收部门', '西城区市场监督管理局');
    await dialog.getByLabel('移交理由').fill('涉嫌欺诈骗取医保基金，依规移送');
    const before = await c.t.store.headPosition();
    await dialog.getByRole('button', { name: '确认移交' }).click();
    expect(await fieldError(page, '接收部门').innerText()).toContain('不负责该案件所在辖区');
    expect(await c.t.store.headPosition()).toBe(before);
    await shot(page, 'referral-refer-refused', { fullPage: false });

    await chooseOption(page, '接收部门', '甲市公安局');
    await dialog.getByRole('button', { name: '确认移交' }).click();
    await page.waitForURL(/\/cases\/referrals\/[^/]+$/);
    referralId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByText('已移交').first().waitFor();
    await page.getByText('甲市公安局（公安）').waitFor();
    // The commission's staff reach the case and its audit from here.
    expect(await page.getByRole('link', { name: /问题 · 甲市第一人民医院/ }).getAttribute('href')).toBe(`/cases/findings/${findingId}`);
    expect(await page.getByRole('link', { name: /案件完整历史/ }).getAttribute('href')).toBe(`/cases/audit/finding-${findingId}`);
    expect(await page.getByRole('link', { name: /完整历史与核验/ }).getAttribute('href')).toBe(`/cases/audit/referral-${referralId}`);
    const made = (await c.t.http.get(`/referrals/${referralId}`).set(c.t.auth(INSPECTOR))).body as { toUnit: string; sourceStream: string };
    expect(made).toMatchObject({ toUnit: 'agency-city-a-police', sourceStream: `finding-${findingId}` });
    await shot(page, 'referral-made-phone');

    // The finding's page lists the referral made of it.
    await page.goto(`/cases/findings/${findingId}`);
    await page.locator('.ant-card').filter({ hasText: '移交协查' }).getByRole('link', { name: '甲市公安局' }).waitFor();
    await shot(page, 'finding-referrals-phone');
  });

  it('the partner lands on its workspace, downloads the case file, acknowledges and answers with a document', async () => {
    const page = await c.signIn(POLICE, DESKTOP);
    expect(new URL(page.url()).pathname).toBe('/partner');
    // The partner's menu is its own: nothing of the commission's workspaces.
    const menu = page.getByRole('menu');
    await menu.getByRole('link', { name: '移交案件' }).waitFor();
    expect(await menu.getByRole('link').allInnerTexts()).toEqual(['移交案件', '线索移送', '消息通知']);
    await page.getByRole('link', { name: /问题 · 甲市第一人民医院/ }).click();
    await page.waitForURL(`/cases/referrals/${referralId}`);
    // A partner reads the case through its case file: no link to the case or its audit.
    await page.getByText('问题 · 甲市第一人民医院').first().waitFor();
    expect(await page.getByRole('link', { name: /完整历史/ }).count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载案卷' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^dossier-finding-.+\.html$/);
    const bytes = readFileSync((await file.path()) ?? '');
    const detail = (await c.t.http.get(`/referrals/${referralId}`).set(c.t.auth(POLICE))).body as { dossierDigest: string };
    expect(sm3Hex(bytes)).toBe(detail.dossierDigest);
    expect(bytes.toString('utf8')).toContain('串换药品');

    await page.getByRole('button', { name: /^签\s*收$/ }).click();
    await page.getByRole('button', { name: '提交处理结果' }).waitFor();
    await chooseOption(page, '处理结果', '立案');
    await page.getByLabel('处理情况').fill('已立案侦查，案号甲公刑〔2025〕88号');
    await page
      .locator('.ant-upload-drag input[type=file]')
      .setInputFiles({ name: '立案决定书.pdf', mimeType: 'application/pdf', buffer: pdf('立案决定书') });
    // Cited once the API took it: the picker then lists it as chosen.
    await page.locator('.ant-select-selection-item', { hasText: '立案决定书.pdf' }).waitFor();
    await page.getByRole('button', { name: '提交处理结果' }).click();
    await page.getByText('已反馈').first().waitFor();
    await page.getByRole('button', { name: '下载 立案决定书.pdf' }).waitFor();
    const answered = (await c.t.http.get(`/referrals/${referralId}`).set(c.t.auth(POLICE))).body as {
      status: string;
      acknowledgedBy: string;
      outcome: { outcome: string; evidence: string[] };
    };
    expect(answered).toMatchObject({ status: 'answered', acknowledgedBy: POLICE, outcome: { outcome: 'case-opened' } });
    expect(answered.outcome.evidence).toEqual([sm3Hex(pdf('立案决定书'))]);
    await shot(page, 'referral-partner-answered');

    const phone = await c.signIn(POLICE, PHONE);
    await phone.goto(`/cases/referrals/${referralId}`);
    await phone.getByText('已反馈').first().waitFor();
    await shot(phone, 'referral-partner-phone');
    // The commission's and hospitals' workspaces are not the partner's, even by typing their address.
    for (const path of ['/inspector/visits', '/leader', `/cases/findings/${findingId}`, '/hospital/ledger']) {
      await phone.goto(path);
      await phone.getByText('此页面不对协同单位开放').waitFor();
    }
    // The commission's list is not the partner's: it is sent to its own.
    await phone.goto('/cases/referrals');
    await phone.waitForURL('/partner');
    await phone.getByRole('link', { name: /问题 · 甲市第一人民医院/ }).waitFor();
    await shot(phone, 'partner-referrals-phone');
  });

  it('the inspector closes the answered referral from the commission’s list', async () => {
    const page = await c.signIn(INSPECTOR, DESKTOP);
    await page.goto('/cases/referrals?status=answered');
    await page.getByRole('link', { name: /问题 · 甲市第一人民医院/ }).click();
    await page.waitForURL(`/cases/referrals/${referralId}`);
    await page.getByText('已立案侦查，案号甲公刑〔2025〕88号').waitFor();
    await page.getByRole('button', { name: /^办\s*结$/ }).click();
    await page.getByRole('dialog', { name: '办结' }).getByLabel('办结意见').fill('处理结果已录入整改台账');
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await page.getByText('已办结').first().waitFor();
    const closed = (await c.t.http.get(`/referrals/${referralId}`).set(c.t.auth(INSPECTOR))).body as { status: string; closeNote: string };
    expect(closed).toMatchObject({ status: 'closed', closeNote: '处理结果已录入整改台账' });
    await shot(page, 'referral-closed');
  });

  it('the partner sends a lead (a bad phone number refused under its field first); the inspector receives the complaint', async () => {
    const page = await c.signIn(POLICE, DESKTOP);
    await page.goto('/partner/leads');
    await page.getByText('暂未移送线索').waitFor();
    await page.getByRole('button', { name: '移送线索' }).click();
    const dialog = page.getByRole('dialog', { name: '移送线索' });
    await chooseOption(page, '受理单位', '甲市卫生健康委员会');
    await chooseOption(page, '涉及机构', '东城区中医医院');
    await chooseOption(page, '线索类别', '收费问题');
    await dialog.getByLabel('线索内容').fill('群众举报该院重复收取检查费用');
    await dialog.getByLabel('来文编号').fill('甲公移〔2025〕12号');
    await dialog.getByText('实名').click();
    await dialog.getByLabel('姓名').fill('王五');
    await dialog.getByLabel('联系电话').fill('电话号码');
    const before = await c.t.store.headPosition();
    await dialog.getByRole('button', { name: /移\s*送/ }).click();
    await fieldError(page, '联系电话').waitFor();
    expect(await c.t.store.headPosition()).toBe(before);
    await shot(page, 'partner-lead-refused', { fullPage: false });

    await dialog.getByLabel('联系电话').fill('13800001234');
    await dialog.getByRole('button', { name: /移\s*送/ }).click();
    const sent = page.getByText(/线索已移送并登记为投诉，投诉编号 \S+/);
    await sent.waitFor();
    const ticketCode = /投诉编号 (\S+)/.exec(await sent.innerText())?.[1] ?? '';
    await page.getByText(`投诉 ${ticketCode}`).waitFor();
    await page.getByText('已登记为投诉', { exact: true }).waitFor();
    await page.getByRole('cell', { name: '东城区中医医院' }).click();
    await page.getByText('办理进度').waitFor();
    await shot(page, 'partner-leads');
    const phone = await c.signIn(POLICE, PHONE);
    await phone.goto('/partner/leads');
    await phone.getByText(`投诉 ${ticketCode}`).waitFor();
    await shot(phone, 'partner-leads-phone');

    const inspector = await c.signIn(INSPECTOR, PHONE);
    await inspector.goto('/inspector/complaints');
    await inspector.getByText(ticketCode).waitFor();
    await inspector.getByText('其他部门转办').first().waitFor();
    await shot(inspector, 'inspector-lead-received');
  });

  it('refuses a hospital the referral page, showing nothing of it', async () => {
    const page = await c.signIn('hospital-a1-1', DESKTOP);
    await page.goto(`/cases/referrals/${referralId}`);
    await page.getByText('无权查看移交').waitFor();
    expect(await page.getByText('甲市公安局').count()).toBe(0);
    await page.goto('/partner');
    await page.getByText('此页面仅供协同部门使用').waitFor();
  });
});
