import mammoth from 'mammoth';
import { sm3Hex } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';
import { MARCH, NoticeSeed, PRIVATE, seedNotices } from './notice-seed';

type Row = Record<string, unknown>;
interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  totals: string[] | null;
}
const LEADER = 'leader-city-a';
const STATISTICS = {
  kind: 'complaint-statistics',
  period: MARCH,
  title: '关于2025年3月全市投诉举报办理情况的通报',
  preface: '现将3月情况通报如下。\n请各单位对照整改。',
};

/** Every text a reader could take from a notice: its JSON and the words of its DOCX. */
function expectNothingPrivate(text: string): void {
  for (const value of Object.values(PRIVATE)) expect(text).not.toContain(value);
  expect(text).not.toMatch(/leader-city-a|inspector-a1|南山/);
}

/**
 * Public notices (issue 22, item 3): a leader drafts a notice of complaint statistics for March, publishes it — the tables
 * are made then, from what may be public — and the public reads it and its DOCX; a published notice never changes, a
 * correction is a new notice and both stay public; drafts are the commission's, within its jurisdiction.
 */
describe('public notices (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let seed: NoticeSeed;
  let first: string;
  const draft = async (body: object, user = LEADER) => String((await s.post(user, '/public-notices', body, 201))['id']);
  const publicGet = (path: string) => t.http.get(path);
  /** The public DOCX of a notice: its bytes, its SM3 header and its words. */
  const documentOf = async (id: string) => {
    const res = await t.http
      .get(`/public/notices/${id}/document`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = res.body as Buffer;
    return { bytes, sm3Header: res.headers['x-content-sm3'], words: (await mammoth.extractRawText({ buffer: bytes })).value };
  };

  beforeAll(async () => {
    t = await createTestApp();
    s = steps(t);
    seed = await seedNotices(t);
  });
  afterAll(() => t.close());

  it('keeps a draft from the public and from hospitals, and shows it to the commission over its unit', async () => {
    first = await draft(STATISTICS);
    expect((await publicGet(`/public/notices/${first}`)).status).toBe(404);
    expect((await publicGet(`/public/notices/${first}/document`)).status).toBe(404);
    expect(((await publicGet('/public/notices')).body as { items: Row[] }).items).toEqual([]);
    expect(await s.get('inspector-a1', `/public-notices/${first}`, 403)).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    expect(await s.get('hospital-a1-1', `/public-notices/${first}`, 403)).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
    const staff = await s.get('leader-prov', `/public-notices/${first}`);
    expect(staff).toMatchObject({ status: 'draft', issuingUnitId: 'city-a', draftedBy: LEADER, published: null });
    const list = (await s.get('leader-prov', '/public-notices?status=draft')) as { items: Row[] };
    expect(list.items.map((n) => n['noticeId'])).toEqual([first]);
  });

  it('publishes the March tables by institution and category: names and counts, nothing of any complainant', async () => {
    // The preview is what the publication then freezes (the figures did not move), numbered nowhere and writing nothing.
    const head = await s.head();
    const preview = await t.http.get(`/public-notices/${first}/preview`).set(t.auth(LEADER)).expect(200);
    expect(preview.body).toMatchObject({ periodOver: true, issuingUnit: { id: 'city-a' }, publicity: { class: 'adverse' } });
    expectNothingPrivate(preview.text);
    expect(await s.head()).toBe(head);
    expect(await s.get('hospital-a1-1', `/public-notices/${first}/preview`, 403)).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
    await s.post(LEADER, `/public-notices/${first}/publish`);
    const res = await publicGet(`/public/notices/${first}`).expect(200);
    const notice = res.body as Row & { tables: Table[]; digest: { content: string; document: string } };
    expect(notice.tables).toEqual(preview.body.tables);
    expect(notice['notes']).toEqual(preview.body.notes);
    expect(notice).toMatchObject({
      kind: 'complaint-statistics',
      title: STATISTICS.title,
      issuingUnit: { id: 'city-a', name: '甲市卫生健康委员会' },
    });
    expect(notice['documentNo']).toBe('甲市卫健通〔2025〕1号');
    expect(notice['preface']).toEqual(['现将3月情况通报如下。', '请各单位对照整改。']);
    const [byInstitution, byCategory] = notice.tables;
    expect(byInstitution!.columns.slice(0, 3)).toEqual(['序号', '单位名称', '受理件数']);
    expect(byInstitution!.rows.map((r) => r.slice(0, 3))).toEqual([['1', '甲市第一人民医院', '2']]);
    expect(byInstitution!.totals!.slice(0, 3)).toEqual(['合计', '', '2']);
    expect(byCategory!.rows.map((r) => r.slice(1, 3))).toEqual([
      ['收费问题', '1'],
      ['红包回扣', '1'],
    ]);
    expect(notice.digest.content).toMatch(/^[0-9a-f]{64}$/);
    expectNothingPrivate(res.text);

    const doc = await documentOf(first);
    expect(doc.sm3Header).toBe(notice.digest.document);
    expect(sm3Hex(doc.bytes)).toBe(notice.digest.document);
    const words = doc.words;
    for (const value of ['甲市卫健通〔2025〕1号', STATISTICS.title, '甲市第一人民医院', '2025年4月1日', notice.digest.content])
      expect(words).toContain(value);
    expectNothingPrivate(words);
    expect(((await publicGet('/public/notices')).body as { items: Row[] }).items.map((n) => n['noticeId'])).toEqual([first]);
  });

  it('refuses every change to a published notice (409) and writes nothing', async () => {
    const head = await s.head();
    expect(await s.post(LEADER, `/public-notices/${first}/revise`, { title: '改过的标题' }, 409)).toMatchObject({
      code: 'NOTICE.ALREADY_PUBLISHED',
    });
    expect(await s.post(LEADER, `/public-notices/${first}/publish`, {}, 409)).toMatchObject({ code: 'NOTICE.ALREADY_PUBLISHED' });
    expect(await s.head()).toBe(head);
  });

  it('corrects by a new notice: both stay public, the old one names its correction, a second correction is refused', async () => {
    const fix = String(
      (await s.post(LEADER, `/public-notices/${first}/corrections`, { preface: '原通报表格单位名称有误，现予更正。' }, 201))['id'],
    );
    expect(await s.post(LEADER, `/public-notices/${fix}/corrections`, { preface: 'x' }, 409)).toMatchObject({
      code: 'NOTICE.NOT_PUBLISHED',
    });
    // Marked only once published: until then the old notice names no correction.
    expect((await publicGet(`/public/notices/${first}`)).body['correctedBy']).toBeNull();
    await s.post(LEADER, `/public-notices/${fix}/publish`);
    const old = (await publicGet(`/public/notices/${first}`).expect(200)).body as Row;
    const correction = (await publicGet(`/public/notices/${fix}`).expect(200)).body as Row;
    expect(old['correctedBy']).toMatchObject({ noticeId: fix, documentNo: '甲市卫健通〔2025〕2号', withdraw: false });
    expect(correction).toMatchObject({
      title: `关于更正《${STATISTICS.title}》的通报`,
      corrects: { noticeId: first, documentNo: '甲市卫健通〔2025〕1号' },
    });
    expect((correction['tables'] as Table[])[0]!.rows[0]!.slice(1, 3)).toEqual(['甲市第一人民医院', '2']);
    const list = ((await publicGet('/public/notices')).body as { items: Row[] }).items;
    expect(list.map((n) => [n['noticeId'], n['correctedById'], n['correctsId']])).toEqual([
      [fix, null, first],
      [first, fix, null],
    ]);
    expect(await s.post(LEADER, `/public-notices/${first}/corrections`, { preface: '再次更正' }, 409)).toMatchObject({
      code: 'NOTICE.ALREADY_CORRECTED',
    });
    const withdrawal = String(
      (await s.post(LEADER, `/public-notices/${fix}/corrections`, { preface: '撤销。', withdraw: true }, 201))['id'],
    );
    await s.post(LEADER, `/public-notices/${withdrawal}/publish`);
    const withdrawn = (await publicGet(`/public/notices/${withdrawal}`).expect(200)).body as Row;
    expect(withdrawn).toMatchObject({ title: `关于撤销《关于更正《${STATISTICS.title}》的通报》的通报`, tables: [] });
    expect((await publicGet(`/public/notices/${fix}`)).body['correctedBy']).toMatchObject({ noticeId: withdrawal, withdraw: true });
  });

  it('publishes inspection results, red-list changes and a campaign summary with institution names only', async () => {
    const results = await draft({ kind: 'inspection-results', period: MARCH, title: '3月监督检查结果通报', preface: '通报如下。' });
    const credit = await draft({ kind: 'credit-list-changes', period: MARCH, title: '3月信用红名单变动公示', preface: '公示如下。' });
    const campaign = await draft({
      kind: 'campaign-summary',
      campaignId: seed.campaignId,
      title: '专项行动情况通报',
      preface: '通报如下。',
    });
    for (const id of [results, credit, campaign]) await s.post(LEADER, `/public-notices/${id}/publish`);
    const read = async (id: string) => {
      const res = await publicGet(`/public/notices/${id}`).expect(200);
      expectNothingPrivate(res.text);
      return (res.body as { tables: Table[] }).tables;
    };
    const [byInstitution] = await read(results);
    expect(byInstitution!.rows.map((r) => r.slice(1, 3))).toEqual([
      ['甲市第一人民医院', '3'],
      ['西城区妇幼保健院', '1'],
    ]);
    const [changes, inForce] = await read(credit);
    expect(changes!.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['甲市第一人民医院', '列入', '连续三年无投诉'],
      ['西城区妇幼保健院', '列入', '患者满意度全市第一'],
      ['西城区妇幼保健院', '提前移出', '患者满意度全市第一'],
    ]);
    expect(inForce!.rows.map((r) => r.slice(1, 3))).toEqual([['甲市第一人民医院', '连续三年无投诉']]);
    const printed = (await documentOf(credit)).words;
    expect(printed).toContain('连续三年无投诉');
    expectNothingPrivate(printed);
    expect(JSON.stringify(changes)).not.toContain('复核发现');
    const [byCategory, campaignUnits] = await read(campaign);
    expect(byCategory!.rows.map((r) => r.slice(1, 3))).toEqual([['过度诊疗', '1']]);
    expect(campaignUnits!.rows.map((r) => r[1])).toEqual(['甲市第一人民医院', '东城区中医医院']);
    // Seed 002: adverse information is public for five years, the red list for as long as it stands.
    const publicity = async (id: string) => (await publicGet(`/public/notices/${id}`)).body['publicity'];
    expect(await publicity(results)).toEqual({ class: 'adverse', until: '2030-04-01T02:00:00.000Z' });
    expect(await publicity(credit)).toEqual({ class: 'basic', until: null });
  });

  it('lets only the commission over the unit draft, publish and correct, and nobody without a token', async () => {
    const other = await draft(STATISTICS);
    const head = await s.head();
    expect(await s.post('hospital-a1-1', '/public-notices', STATISTICS, 403)).toMatchObject({ code: 'AUTH.ROLE_NOT_ALLOWED' });
    expect(await s.post('inspector-b1', '/public-notices', { ...STATISTICS, issuingUnitId: 'city-a' }, 403)).toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
    expect(await s.post('inspector-a1', '/public-notices', { ...STATISTICS, issuingUnitId: 'city-a' }, 403)).toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
    expect(await s.post('inspector-b1', `/public-notices/${other}/publish`, {}, 403)).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
    expect(await s.post('inspector-b1', `/public-notices/${first}/corrections`, { preface: 'x' }, 403)).toMatchObject({
      code: 'AUTH.OUT_OF_SCOPE',
    });
    expect(await s.post('hospital-a1-1', `/public-notices/${other}/revise`, { title: 'x' }, 403)).toMatchObject({
      code: 'AUTH.ROLE_NOT_ALLOWED',
    });
    expect((await t.http.post('/public-notices').send(STATISTICS)).status).toBe(401);
    expect(await s.head()).toBe(head);
    // A county's inspector issues for the county: its figures are the county's own.
    const county = await draft({ ...STATISTICS, title: '东城区3月通报' }, 'inspector-a1');
    await s.post('inspector-a1', `/public-notices/${county}/publish`);
    const notice = (await publicGet(`/public/notices/${county}`)).body as { documentNo: string; tables: Table[] };
    expect(notice.documentNo).toBe('甲市东城区卫健通〔2025〕1号');
    // 通报 are numbered in a series of their own: the 执法文书 register (整改通知书 …) never sees them.
    const series = await t.store.readStream('docNumber-county-a1-2025-notice');
    expect(series.map((e) => e.data)).toEqual([expect.objectContaining({ n: 1, kind: 'public-notice', series: 'notice' })]);
    const rectification = await t.store.readStream('docNumber-county-a1-2025');
    expect(rectification.filter((e) => (e.data as { kind?: string }).kind === 'public-notice')).toEqual([]);
    expect(notice.tables[0]!.title).toContain('甲市东城区卫生健康局');
  });

  it('refuses bad input with 4xx naming the field, taking no number and writing nothing', async () => {
    const head = await s.head();
    const refused = async (body: object, status = 400) => (await s.post(LEADER, '/public-notices', body, status)) as Row;
    const field = (body: Row) => (body['fields'] as Row[] | undefined)?.[0]?.['field'] ?? (body['details'] as Row | undefined)?.['field'];
    expect(field(await refused({ ...STATISTICS, title: undefined }))).toBe('title');
    expect(field(await refused({ ...STATISTICS, kind: 'gossip' }))).toBe('kind');
    expect(field(await refused({ ...STATISTICS, period: { from: '2025-03-31', to: '2025-03-01' } }))).toBe('period.to');
    expect(field(await refused({ ...STATISTICS, period: { from: '2025-13-01', to: '2025-03-31' } }))).toBe('period.from');
    expect(field(await refused({ ...STATISTICS, period: undefined }))).toBe('period');
    expect(field(await refused({ ...STATISTICS, kind: 'campaign-summary', period: undefined, campaignId: 'nope' }))).toBe('campaignId');
    expect(field(await refused({ ...STATISTICS, issuingUnitId: 'hosp-a1-1' }))).toBe('issuingUnitId');
    expect(field(await refused({ ...STATISTICS, preface: 'x'.repeat(5001) }))).toBe('preface');
    expect(await s.head()).toBe(head);
    // April is not over on 1 April: 422 before a number is taken.
    const april = await draft({ ...STATISTICS, period: { from: '2025-04-01', to: '2025-04-30' } });
    const register = (await t.store.readStream('docNumber-city-a-2025-notice')).length;
    expect(await s.post(LEADER, `/public-notices/${april}/publish`, {}, 422)).toMatchObject({ code: 'NOTICE.PERIOD_NOT_OVER' });
    expect((await t.store.readStream('docNumber-city-a-2025-notice')).length).toBe(register);
    expect((await publicGet('/public/notices/no-such-notice')).status).toBe(404);
  });

  it('takes adverse information off public display after five years, keeping the red list and the record', async () => {
    t.clock.set('2030-04-02T02:00:00.000Z');
    const items = ((await publicGet('/public/notices?pageSize=50')).body as { items: Row[] }).items;
    expect(items.map((n) => n['kind'])).toEqual(['credit-list-changes']);
    expect(await (await publicGet(`/public/notices/${first}`)).body).toMatchObject({ code: 'NOTICE.PUBLICITY_ENDED' });
    expect(await s.get(LEADER, `/public-notices/${first}`)).toMatchObject({ status: 'published' });
  });
});
