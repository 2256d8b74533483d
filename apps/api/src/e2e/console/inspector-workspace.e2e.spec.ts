import { existsSync } from 'node:fs';
import { onePixelPng } from '../../testing/evidence-upload';
import { launchCampaign } from '../campaigns/campaign-steps';
import { steps } from '../inspection/inspection-steps';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';
import { chooseOption } from './console-select';

/** The day the test app's FakeClock stands on (2025-03-03T01:00Z = 09:00 in Beijing). */
const TODAY = '2025-03-03';

/**
 * The inspector's workspace in Chromium at phone size (375 px), through the real API: a visit is
 * planned at hosp-a1-1 under a running campaign, recorded, and three findings are opened at once from the checklist, one
 * with a photo taken on the spot; then a sign-off request is reviewed with its evidence thumbnail,
 * the 整改通知书 printed, and the finding signed off.
 */
describe('console: the inspector workspace in Chromium (phone)', () => {
  let c: ConsoleSession;
  beforeAll(async () => {
    c = await openConsole();
  });
  afterAll(() => c.close());

  it('plans and records a visit, then opens three findings from the checklist with a photo', async () => {
    await launchCampaign(c.t, 'inspector-a1');
    const page = await c.signIn('inspector-a1', PHONE);
    await page.goto('/inspector/visits');
    await page.getByText('暂无检查').waitFor();
    await page.getByRole('button', { name: '计划检查' }).click();
    await chooseOption(page, '被检查机构', '甲市第一人民医院');
    await page.getByLabel('计划日期').fill(TODAY);
    // Filed under a running campaign, picked by its title (not typed as an id).
    await chooseOption(page, '所属专项行动', '2025年医德医风专项行动');
    await c.screenshot(page, 'inspector-plan-visit');
    const pathOf = (url: string) => new URL(url).pathname;
    const planned = page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()) === '/visits');
    const visitRead = page.waitForRequest((r) => r.method() === 'GET' && /^\/visits\/[^/]+$/.test(pathOf(r.url())));
    await page.getByRole('button', { name: '保存检查计划' }).click();
    await page.waitForURL(/\/cases\/visits\//);
    const visitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    // Read-your-writes: the visit's page is read at the position its planning answered.
    const written = (await (await planned).allHeaders())['bihuan-position'];
    expect(written).toMatch(/^\d+$/);
    expect((await (await visitRead).allHeaders())['bihuan-min-position']).toBe(written);
    await page.locator('.ant-descriptions').getByText('2025年医德医风专项行动').waitFor();

    await page.getByLabel('检查日期').fill(TODAY);
    await page.getByLabel('检查情况').fill('检查门诊、住院部及收费处');
    await page.getByRole('button', { name: '记录检查' }).click();

    const drafts = [
      { label: '收受红包', description: '外科病房医生收受患者红包', department: '外科', photo: true },
      { label: '过度诊疗', description: '心内科无指征开具大型检查', department: '心内科', photo: false },
      { label: '院务公开', description: '收费公示栏未更新', department: '财务科', photo: false },
    ];
    for (const draft of drafts) {
      const item = page.getByRole('group', { name: draft.label });
      await item.getByRole('checkbox').check();
      await item.getByLabel('问题描述').fill(draft.description);
      await item.getByLabel('责任科室').fill(draft.department);
      if (draft.photo)
        await item
          .getByLabel(`${draft.label}：拍照或选择照片`)
          .setInputFiles({ name: '红包现场.png', mimeType: 'image/png', buffer: onePixelPng(0x40) });
    }
    await page.getByRole('group', { name: '收受红包' }).getByRole('img', { name: '红包现场.png' }).waitFor();
    await c.screenshot(page, 'inspector-checklist');
    await page.getByRole('button', { name: '提交 3 个问题' }).click();
    await page.getByText('本次已登记 3 个问题').waitFor();

    // Through the API: three findings on the visit, the photo attached to the visit and cited by its finding.
    const visit = (await c.t.http.get(`/visits/${visitId}`).set(c.t.auth('inspector-a1'))).body as {
      findingIds: string[];
      files: { digest: string; name: string }[];
    };
    expect(visit.findingIds).toHaveLength(3);
    expect(visit.files.map((file) => file.name)).toEqual(['红包现场.png']);
    const findings = (await c.t.http.get(`/findings?visitId=${visitId}`).set(c.t.auth('inspector-a1'))).body as {
      items: { category: string; evidence: string[]; description: string }[];
    };
    expect(findings.items.map((row) => row.category).sort()).toEqual(['disclosure', 'over-treatment', 'red-envelopes']);
    expect(findings.items.find((row) => row.category === 'red-envelopes')?.evidence).toEqual([visit.files[0]?.digest]);

    // On the page: the three findings, each a link to its own page.
    const list = page.getByRole('list', { name: '本次检查发现的问题' });
    await list.getByRole('listitem').nth(2).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(3);
    expect(await list.getByRole('link').first().getAttribute('href')).toMatch(/^\/cases\/findings\//);
    await page.getByRole('img', { name: '红包现场.png' }).waitFor();
    expect(existsSync(await c.screenshot(page, 'inspector-visit-findings'))).toBe(true);

    await page.goto('/inspector/visits');
    await page.getByRole('link', { name: '甲市第一人民医院' }).waitFor();
    await page.getByText('问题 3 项').waitFor();
    await c.screenshot(page, 'inspector-visits');

    // The same visit on a desktop in the office.
    const desk = await c.signIn('inspector-a1', DESKTOP);
    await desk.goto(`/cases/visits/${visitId}`);
    await desk.getByRole('list', { name: '本次检查发现的问题' }).getByRole('listitem').nth(2).waitFor();
    await c.screenshot(desk, 'inspector-visit-desktop');
  });

  it('reviews a sign-off request with the evidence thumbnail, prints the 整改通知书 and signs the finding off', async () => {
    const s = steps(c.t);
    const finding = await s.finding(await s.visit());
    await s.rectify(finding);

    const page = await c.signIn('inspector-a1', PHONE);
    await page.getByRole('link', { name: /销号申请待核验/ }).waitFor();
    // Each step says whom it concerns, by name, not by the case's id.
    const row = page.getByRole('row').filter({ hasText: '销号申请待核验' }).first();
    await row.getByText('甲市第一人民医院').waitFor();
    // …and what the case is: the finding's description.
    await row.getByText('外科病房医生收受患者红包').waitFor();
    await c.screenshot(page, 'inspector-todos');
    await page.goto('/inspector/reviews');
    await page.getByRole('button', { name: '审核：甲市第一人民医院 收受红包' }).click();
    await page.getByText('整改完成').first().waitFor();
    const thumbnail = page.getByRole('img', { name: '整改照片.png' });
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
    await thumbnail.scrollIntoViewIfNeeded();
    await c.screenshot(page, 'inspector-review-evidence');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '出具并打印' }).click();
    expect((await download).suggestedFilename()).toMatch(/^整改通知书（.+）\.docx$/);
    await page
      .getByRole('list', { name: '已出具的文书' })
      .getByText(/〔2025〕1号/)
      .waitFor();
    await c.screenshot(page, 'inspector-review');

    await page.getByLabel('审核意见').fill('整改到位，同意销号');
    await page.getByRole('button', { name: '同意销号' }).click();
    await page.getByText('已销号').first().waitFor();
    const detail = (await c.t.http.get(`/findings/${finding}`).set(c.t.auth('inspector-a1'))).body as { status: string };
    expect(detail.status).toBe('signedOff');
    expect(existsSync(await c.screenshot(page, 'inspector-signed-off'))).toBe(true);
  });

  it('rejects a sign-off request with reasons, one a line, and the finding goes back to rectification', async () => {
    const s = steps(c.t);
    const finding = await s.finding(await s.visit(), { category: 'over-treatment', description: '无指征开具大型检查' });
    await s.rectify(finding);

    const page = await c.signIn('inspector-a1', PHONE);
    await page.goto('/inspector/reviews');
    await page.getByRole('button', { name: '审核：甲市第一人民医院 过度诊疗' }).click();
    await page.getByRole('button', { name: '退回整改' }).click();
    await page.getByLabel('退回理由').fill('缺少承诺书扫描件\n整改照片不清晰');
    await page.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.getByText('已退回医院继续整改').waitFor();
    const detail = (await c.t.http.get(`/findings/${finding}`).set(c.t.auth('inspector-a1'))).body as {
      status: string;
      rectification: { rejections: number };
    };
    expect(detail).toMatchObject({ status: 'inProgress', rectification: { rejections: 1 } });
    const history = (await c.t.http.get(`/findings/${finding}/history`).set(c.t.auth('inspector-a1'))).body as {
      entries: { type: string; data: { reasons?: string[] } }[];
    };
    expect(history.entries.find((entry) => entry.type === 'SignOffRejected')?.data.reasons).toEqual(['缺少承诺书扫描件', '整改照片不清晰']);
  });

  it('registers a complaint received by phone, shows its code and secret once, dispatches it and orders 督办', async () => {
    const page = await c.signIn('inspector-a1', PHONE);
    await page.goto('/inspector/complaints');
    await page.getByRole('button', { name: '登记投诉' }).click();
    await chooseOption(page, '投诉类别', '服务态度');
    await chooseOption(page, '被投诉机构', '甲市第一人民医院');
    await page.getByLabel('投诉内容').fill('门诊收费处工作人员态度恶劣，推诿患者');
    await page.getByRole('button', { name: '受理登记' }).click();
    await page.getByText('投诉已受理').waitFor();
    await c.screenshot(page, 'inspector-complaint-received');
    await page.getByRole('button', { name: '立即转办' }).click();
    await page.getByRole('button', { name: /^转\s*办$/ }).click();
    await page.getByText('已转办，医院将在期限内签收办理').waitFor();

    const list = (await c.t.http.get('/complaints').set(c.t.auth('inspector-a1'))).body as {
      items: { ticketId: string; status: string; institutionId: string | null; channel: string }[];
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'dispatched', institutionId: 'hosp-a1-1', channel: 'hotline' });

    await page.getByRole('button', { name: /^督\s*办$/ }).click();
    await page.getByLabel('督办事由').fill('群众反映强烈，请加快办理');
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await page.getByText(/已于 .+ 督办/).waitFor();
    const ticket = (await c.t.http.get(`/complaints/${list.items[0]?.ticketId}`).set(c.t.auth('inspector-a1'))).body as {
      supervisedAt: string | null;
    };
    expect(ticket.supervisedAt).not.toBeNull();
    expect(existsSync(await c.screenshot(page, 'inspector-complaint-supervised'))).toBe(true);
  });
});
