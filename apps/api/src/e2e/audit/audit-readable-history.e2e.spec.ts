import { eventSummaries, verifyDossier } from '@bihuan/audit';
import { createTestApp, TestApp } from '../../testing/test-app';
import { ComplaintCase, complaintCase, escalateToFinding, IDENTITY } from './audit-case.steps';

interface Entry {
  stream: string;
  type: string;
  summary: string;
}
interface Page {
  total: number;
  folded?: number;
  entries: Entry[];
}

const BOOKKEEPING = /^(InputRecorded|OutputRecorded|OutputsDispatched|Deadline[A-Z]\w*)$/;

/** Issue 17, item 3: histories people can read — summaries, folded bookkeeping, the auditors' switch, the dossier's order. */
describe('audit: readable case history over HTTP', () => {
  let t: TestApp;
  let own: ComplaintCase;
  let finding: string;

  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const page = async (user: string, query = '', root = own.ticket): Promise<Page> => {
    const res = await get(user, `/audit/cases/${root}/history?pageSize=1000${query}`);
    expect(res.status).toBe(200);
    return res.body as Page;
  };

  beforeAll(async () => {
    // The fixed start of the test clock: no assertion depends on today's date.
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    own = await complaintCase(t, { institutionId: 'hosp-a1-1', hospital: 'hospital-a1-1', staffId: 'staff-9' });
    finding = await escalateToFinding(t, own, 'hosp-a1-1');
    await t.http
      .post(`/findings/${finding.slice('finding-'.length)}/notice`)
      .set(t.auth('inspector-a1'))
      .send({ noticeNo: '甲卫健监整〔2025〕3号' })
      .expect(200);
    await t.settle();
  });

  afterAll(() => t.close());

  it('gives every entry a Chinese summary with names and Beijing dates, bookkeeping and timers folded away', async () => {
    const h = await page('leader-prov');
    expect(h.entries.length).toBeGreaterThan(0);
    expect(h.entries.filter((e) => BOOKKEEPING.test(e.type))).toEqual([]);
    expect(h.folded).toBeGreaterThan(0);
    expect(h.total).toBe(h.entries.length);
    for (const e of h.entries) expect(e.summary).toMatch(/\p{Script=Han}/u);
    // The notice is the finding's own step (its own request): it belongs to the case opened from the finding.
    const notice = (await page('leader-prov', '', finding)).entries.find((e) => e.type === 'RectificationNoticeIssued')!;
    expect(notice.summary).toMatch(/^赵监督员 开具整改通知书 甲卫健监整〔2025〕3号，整改时限 2025年\d{1,2}月\d{1,2}日（\d+个工作日）$/);
    const decided = h.entries.find((e) => e.type === 'ComplaintDecided')!;
    expect(decided.summary).toContain('甲市第一人民医院 作出处理意见：属实');
    const dispatched = h.entries.find((e) => e.type === 'ComplaintDispatched')!;
    expect(dispatched.summary).toContain('转办至 甲市第一人民医院');
    // Never the complainant, not even for a leader who may see the identity in the data.
    const text = h.entries.map((e) => e.summary).join('\n');
    expect(text).not.toContain(IDENTITY.name);
    expect(text).not.toContain(IDENTITY.phone);
    expect(text).not.toContain(own.subjectId);
  });

  it('has a summary for every event type the real contexts wrote to the log', async () => {
    const registry = eventSummaries();
    const types = new Set((await t.store.readAll()).map((e) => e.type));
    expect(types.size).toBeGreaterThan(15);
    expect([...types].filter((type) => !registry.has(type))).toEqual([]);
  });

  it('shows everything with ?all=true to leaders and admins, each entry still summarised', async () => {
    const folded = await page('leader-prov');
    const all = await page('leader-prov', '&all=true');
    expect(all.folded).toBeUndefined();
    expect(all.total).toBe(folded.total + folded.folded!);
    expect(all.entries.map((e) => e.type)).toEqual(expect.arrayContaining(['InputRecorded', 'OutputRecorded', 'DeadlineSet']));
    const fromFinding = await page('leader-prov', '&all=true', finding);
    const set = fromFinding.entries.find((e) => e.stream === finding && e.type === 'DeadlineSet')!;
    expect(set.summary).toMatch(/^设定整改时限：2025年\d{1,2}月\d{1,2}日（\d+个工作日）$/);
    expect((await page('admin', '&all=true')).total).toBe(all.total);
  });

  it('refuses ?all=true to hospital users and inspectors (403), and a malformed switch (400 naming it)', async () => {
    const hospital = await get('hospital-a1-1', `/audit/cases/${own.ticket}/history?all=true`);
    expect(hospital.status).toBe(403);
    expect(hospital.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect((await get('hospital-a1-1', `/audit/cases/${own.ticket}/history`)).status).toBe(200);
    expect((await get('inspector-a1', `/audit/cases/${own.ticket}/history?all=true`)).status).toBe(403);
    const bad = await get('leader-prov', `/audit/cases/${own.ticket}/history?all=yes`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('all');
  });

  it('leads the dossier with the readable timeline and keeps raw events and hashes in the appendix, still verifiable', async () => {
    const html = (await get('leader-prov', `/audit/cases/${finding}/dossier`).buffer(true)).text;
    const timeline = html.indexOf('<h2 id="timeline">案件经过</h2>');
    const integrity = html.indexOf('<h2>完整性校验</h2>');
    const raw = html.indexOf('附录二 原始事件与哈希');
    expect(timeline).toBeGreaterThan(0);
    expect(timeline).toBeLessThan(integrity);
    expect(integrity).toBeLessThan(raw);
    const timelineText = html.slice(timeline, raw);
    expect(timelineText).toContain('赵监督员 开具整改通知书 甲卫健监整〔2025〕3号，整改时限 2025年');
    expect(timelineText).not.toContain('>InputRecorded<');
    expect(html.slice(raw)).toContain('>InputRecorded<');
    expect(verifyDossier(html)).toMatchObject({ ok: true, root: finding });
  });
});
