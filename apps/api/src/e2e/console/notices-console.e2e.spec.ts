import { createHash } from 'node:crypto';
import { Page } from 'playwright-core';
import { checkRevealedDraw, DrawAnswer, PublicDrawDocument } from '@bihuan/credit';
import { CITY_CAMPAIGN } from '../campaigns/campaign-steps';
import { MARCH, PRIVATE, seedNotices } from '../notices/notice-seed';
import { ConsoleSession, DESKTOP, openConsole, PHONE } from './browser-harness';
import { chooseOption } from './console-select';

const INSPECTOR = 'inspector-city-a';
const LEADER = 'leader-city-a';
const TITLE = '关于2025年3月全市投诉举报办理情况的通报';
const FIRST_NUMBER = '甲市卫健通〔2025〕1号';
const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');
/** An antd button's name: antd puts a space between two Chinese characters (发布 → 发 布), after its icon's name if any. */
const button = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}$`);

/** The form item around the field labelled `label`, for the error under it. */
const errorUnder = (page: Page, label: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

/** Publishes the draft open on `page` through the confirmation dialog, which must say a published notice is final. */
async function publishFromPage(c: ConsoleSession, page: Page, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: button('发布') }).click();
  const dialog = page.getByRole('dialog', { name: '确认发布这份通报？' });
  await dialog.getByText('已发布的通报不能修改或删除').waitFor();
  // The dialog lies over the viewport once its opening animation has settled.
  await dialog.getByRole('button', { name: '确认发布' }).click({ trial: true });
  if (screenshot) await c.screenshot(page, screenshot, { fullPage: false });
  await dialog.getByRole('button', { name: '确认发布' }).click();
  await page.getByText('发布信息').waitFor();
}

/**
 * The commission's 通报公示 and 双随机 pages in Chromium at phone width, through the real API: an inspector drafts a
 * notice of March's complaint statistics (a period ending before it starts is refused under its field, nothing
 * written), the leader previews exactly what would be public and publishes it, the portal lists it, and a correction
 * is drafted from it and published; then an inspector commits a draw, its drawn visits are done, the seed is revealed
 * in the console and the public draw page checks out.
 */
describe('console: notices and draws for the commission (Chromium)', () => {
  let c: ConsoleSession;
  let first: string;
  beforeAll(async () => {
    c = await openConsole();
    await seedNotices(c.t); // the clock now stands on 1 April 2025: March is over
  });
  afterAll(() => c.close());

  it('an inspector drafts March’s complaint statistics; a bad period is refused under its field and writes nothing', async () => {
    const page = await c.signIn(INSPECTOR, PHONE);
    await page.goto('/cases/notices');
    await page.getByText('暂无通报').waitFor();
    await page.getByRole('button', { name: '起草通报' }).click();
    await page.getByLabel('统计起始日期').fill(MARCH.to);
    await page.getByLabel('统计截止日期').fill(MARCH.from);
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('正文（表格前的导语）').fill('现将3月全市医疗机构投诉举报办理情况通报如下。');
    const head = await c.t.store.headPosition();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await errorUnder(page, '统计截止日期').filter({ hasText: '不能早于开始日期' }).waitFor();
    expect(await c.t.store.headPosition()).toBe(head);
    await c.screenshot(page, 'notice-draft-refused', { fullPage: false });

    await page.getByLabel('统计起始日期').fill(MARCH.from);
    await page.getByLabel('统计截止日期').fill(MARCH.to);
    // The refusal goes first (its row closes up, moving the button): a click while the form moves can miss.
    await errorUnder(page, '统计截止日期').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/cases\/notices\/[^/]+$/);
    first = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const draft = (await c.t.http.get(`/public-notices/${first}`).set(c.t.auth(LEADER)).expect(200)).body;
    expect(draft).toMatchObject({ status: 'draft', kind: 'complaint-statistics', period: MARCH, title: TITLE, draftedBy: INSPECTOR });
  });

  it('the leader previews exactly what would be public, publishes it after the warning, and the portal lists it', async () => {
    const page = await c.signIn(LEADER, PHONE);
    await page.goto('/cases/notices');
    await page.getByRole('link', { name: TITLE }).click();
    const preview = page.getByRole('article', { name: '发布预览' });
    const byUnit = preview.getByRole('region', { name: /投诉举报办理情况通报表（按单位/ });
    await byUnit.getByRole('cell', { name: '甲市第一人民医院' }).waitFor();
    await preview.getByText('（文号发布时自动编排）').waitFor();
    const previewText = await preview.innerText();
    for (const value of Object.values(PRIVATE)) expect(previewText).not.toContain(value);
    await c.screenshot(page, 'notice-preview');

    await publishFromPage(c, page, 'notice-publish-confirm');
    await page.getByText(FIRST_NUMBER).first().waitFor();
    const published = (await c.t.http.get(`/public/notices/${first}`).expect(200)).body as {
      digest: { content: string };
      tables: { rows: string[][] }[];
    };
    expect((await page.getByTestId('notice-content-digest').innerText()).trim()).toBe(published.digest.content);
    // What the preview showed is what was frozen: the same rows in the published table.
    const cells = await page.getByRole('article', { name: '已发布的通报' }).getByRole('cell').allInnerTexts();
    for (const row of published.tables.flatMap((table) => table.rows)) expect(cells).toEqual(expect.arrayContaining(row));
    expect(await page.getByRole('link', { name: '查看公开页面' }).getAttribute('href')).toBe(`/portal/notices/${first}`);
    expect(await page.getByRole('link', { name: '下载 Word 文档' }).getAttribute('href')).toBe(`/public/notices/${first}/document`);
    await c.screenshot(page, 'notice-published');

    const portal = await c.open('/portal/notices', PHONE);
    await portal.getByRole('link', { name: new RegExp(TITLE) }).click();
    await portal.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect((await portal.getByTestId('notice-digest').innerText()).trim()).toBe(published.digest.content);
  });

  it('corrects the published notice by a new draft linked to it, published in turn; the original is marked', async () => {
    const page = await c.signIn(LEADER, DESKTOP);
    await page.goto(`/cases/notices/${first}`);
    await page.getByRole('button', { name: button('更正') }).click();
    const drawer = page.getByRole('dialog', { name: '更正通报' });
    await drawer.getByLabel('更正说明').fill('原通报个别数据统计口径有误，现予更正。');
    await drawer.getByRole('button', { name: '保存更正草稿' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/cases/notices/') && !url.pathname.endsWith(first));
    const fix = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('article', { name: '发布预览' }).getByText(`本通报系对《${TITLE}》（${FIRST_NUMBER}）的更正。`).waitFor();
    await page.getByRole('button', { name: button('发布') }).click({ trial: true });
    await c.screenshot(page, 'notice-correction-preview');
    await publishFromPage(c, page);
    await page.getByText('甲市卫健通〔2025〕2号').first().waitFor();

    await page.goto(`/cases/notices/${first}`);
    const marked = page.getByRole('alert').filter({ hasText: '本通报已被更正' });
    await marked.getByRole('link', { name: new RegExp(`关于更正《${TITLE}》的通报`) }).waitFor();
    expect(await page.getByRole('button', { name: button('更正') }).count()).toBe(0);
    const original = (await c.t.http.get(`/public/notices/${first}`).expect(200)).body as { correctedBy: { noticeId: string } };
    expect(original.correctedBy.noticeId).toBe(fix);
    await c.screenshot(page, 'notice-corrected-desktop');
  });

  it('commits a draw, reveals its seed once the drawn visits are done, and the public page checks out', async () => {
    const page = await c.signIn('inspector-a1', PHONE);
    await page.goto('/cases/draws');
    await page.getByRole('button', { name: '新建抽取' }).click();
    await page.getByLabel('抽取机构数').fill('2');
    await page.getByLabel('每家机构的检查人员数').fill('1');
    await page.getByLabel('计划检查日期').fill('2025-04-10');
    await chooseOption(page, '所属专项行动', CITY_CAMPAIGN.title);
    await c.screenshot(page, 'draw-form', { fullPage: false });
    await page.getByRole('button', { name: '承诺并抽取' }).click();
    await page.waitForURL(/\/cases\/draws\/[^/]+$/);
    const drawId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await c.t.settle();
    const draw = (await c.t.http.get(`/draws/${drawId}`).set(c.t.auth('inspector-a1')).expect(200)).body as DrawAnswer;
    expect(draw).toMatchObject({ status: 'drawn', jurisdiction: 'county-a1', seed: null, inputs: { count: 2 } });
    expect((await page.getByTestId('seed-digest').innerText()).trim()).toBe(draw.commitment!.seedDigest);
    await page.getByTestId('reveal-blocker').filter({ hasText: '尚有 2 家抽中机构的检查未完成或取消' }).waitFor();
    expect(await page.getByRole('button', { name: '揭示种子' }).isDisabled()).toBe(true);
    await c.screenshot(page, 'draw-committed');

    // The drawn visits are done (one conducted, one cancelled), through the API.
    const [conducted, cancelled] = draw.drawnVisits!;
    const as = c.t.auth('inspector-a1');
    await c.t.http.post(`/visits/${conducted!.visitId}/record`).set(as).send({ conductedOn: '2025-04-01' }).expect(200);
    await c.t.http.post(`/visits/${cancelled!.visitId}/cancel`).set(as).send({ reason: '机构停业整顿' }).expect(200);
    await page.reload();
    const visitLinks = page.getByRole('link', { name: /打开检查/ });
    await visitLinks.nth(1).waitFor();
    expect((await visitLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort()).toEqual(
      draw.drawnVisits!.map((v) => `/cases/visits/${v.visitId}`).sort(),
    );
    await page.getByRole('button', { name: '揭示种子' }).click();
    const revealDialog = page.getByRole('dialog', { name: '公开这次抽取的种子？' });
    await revealDialog.getByRole('button', { name: '公开种子' }).click();
    const seed = (await page.getByTestId('seed').innerText()).trim();
    await revealDialog.waitFor({ state: 'hidden' });
    expect(sm3(seed)).toBe(draw.commitment!.seedDigest);
    await page.getByText('npm run cli -- verify --draw <文件>').waitFor();
    await c.screenshot(page, 'draw-revealed');

    // The public check link, as anyone opens it: everything to re-check the draw, and it checks out.
    const publicPath = await page.getByRole('link', { name: `/public/draws/${drawId}` }).getAttribute('href');
    const pub = await c.open(publicPath!, PHONE);
    const doc = JSON.parse(await pub.locator('body').innerText()) as PublicDrawDocument;
    expect(doc).toMatchObject({ status: 'revealed', seed });
    const { commitment, inputs, visits, algorithm, jurisdiction } = doc;
    const check = checkRevealedDraw({
      seed,
      commitment: commitment!,
      inputs: { ...inputs!, algorithm: algorithm!, jurisdiction },
      visits: visits!,
    });
    expect(check).toEqual({ seedMatches: true, inputsMatch: true, resultMatches: true });
  });

  it('never shows draws to a hospital', async () => {
    const page = await c.signIn('hospital-a1-1', PHONE);
    expect(await page.getByRole('menuitem', { name: '双随机抽取' }).count()).toBe(0);
    await page.goto('/cases/draws');
    await page.getByText('无权查看双随机抽取').waitFor();
    expect(await page.getByRole('button', { name: '新建抽取' }).count()).toBe(0);
  });
});
