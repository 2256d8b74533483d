import { NoticeTemplates } from '@bihuan/documents';
import { sm3Hex } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from '../inspection/inspection-steps';
import { docxText, IssuedNotice, issue, shanghaiWords } from './notice-helpers';

const DESCRIPTION = '患者𠮷某反映：外科病房医生收受红包 2000 元';

/**
 * Printable notices end to end: the rules of which notice may be issued when, the number from the
 * issuing unit's register, the DOCX parsed back character for character, the digest on the case
 * equal to the SM3 of the downloaded bytes, and visibility exactly as the finding's.
 */
describe('printable notices (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  let finding: string;
  let notice: IssuedNotice;

  beforeAll(async () => {
    t = await createTestApp({ start: '2025-12-19T01:00:00.000Z' });
    s = steps(t);
    finding = await s.finding(await s.visit(), { description: DESCRIPTION });
  });
  afterAll(() => t.close());

  it('refuses a 整改通知书 before the rectification requirement is set (422, Chinese message, nothing written)', async () => {
    const head = await s.head();
    const res = await issue(t, finding, 'rectification-notice');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'INSPECTION.NOTICE_DOCUMENT_NOT_ALLOWED' });
    expect(res.body.message).toContain('整改通知书');
    expect(await s.head()).toBe(head);
  });

  it('issues a 整改通知书 with the unit’s first number of the year and records number and digest on the finding', async () => {
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
    const res = await issue(t, finding, 'rectification-notice');
    expect(res.status).toBe(201);
    notice = res.body as IssuedNotice;
    expect(notice).toMatchObject({ documentNo: '甲市东城区卫健监整〔2025〕1号', templateVersion: 1, kind: 'rectification-notice' });
    const history = await s.get('leader-prov', `/findings/${finding}/history`);
    const recorded = (history['entries'] as { type: string; data: Record<string, unknown> }[]).filter(
      (e) => e.type === 'NoticeDocumentIssued',
    );
    expect(recorded.map((e) => [e.data['documentNo'], e.data['digest'], e.data['issuedBy']])).toEqual([
      [notice.documentNo, notice.digest, 'inspector-a1'],
    ]);
  });

  it('downloads the DOCX whose SM3 is the recorded digest, with its text intact character for character', async () => {
    const res = await t.download(notice.download, 'hospital-a1-1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('整改通知书（甲市东城区卫健监整〔2025〕1号）.docx')}`,
    );
    const bytes = res.body as Buffer;
    expect(sm3Hex(bytes)).toBe(notice.digest);
    const detail = await s.get('inspector-a1', `/findings/${finding}`);
    const due = detail['currentDeadline'] as { dueAt: string; workingDays: number };
    const text = await docxText(bytes);
    expect(text).toContain('整改通知书');
    expect(text).toContain(notice.documentNo);
    expect(text).toContain('甲市第一人民医院：');
    expect(text).toContain(DESCRIPTION);
    expect(text).toContain(`于${shanghaiWords(due.dueAt)}前（${due.workingDays}个工作日内）`);
    expect(text).toContain('甲市东城区卫生健康局');
    expect(text).toContain('2025年12月19日');
    expect(text).toContain('（盖章）');
    // The same file again: regenerated from the log, byte for byte.
    expect(sm3Hex((await t.download(notice.download, 'leader-prov')).body as Buffer)).toBe(notice.digest);
  });

  it('lists the notices for whoever may read the finding', async () => {
    const list = await s.get('hospital-a1-1', `/findings/${finding}/notices`);
    expect(list['items']).toEqual([expect.objectContaining({ documentNo: notice.documentNo, digest: notice.digest, title: '整改通知书' })]);
  });

  it('hides the notices from an out-of-scope hospital exactly as the finding', async () => {
    const findingRead = await t.http.get(`/findings/${finding}`).set(t.auth('hospital-b1-1'));
    expect([403, 404]).toContain(findingRead.status);
    for (const path of [`/findings/${finding}/notices`, notice.download]) {
      const res = await t.http.get(path).set(t.auth('hospital-b1-1'));
      expect(res.status).toBe(findingRead.status);
      expect(JSON.stringify(res.body)).not.toContain('𠮷');
    }
    expect((await issue(t, finding, 'rectification-notice', 'inspector-b1')).status).toBe(findingRead.status === 404 ? 404 : 403);
    expect((await issue(t, finding, 'rectification-notice', 'hospital-a1-1')).status).toBe(403);
  });

  it('refuses a second 整改通知书 for the same occasion (409) and a ladder notice before the ladder reached it (422)', async () => {
    const head = await s.head();
    const again = await issue(t, finding, 'rectification-notice');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INSPECTION.NOTICE_DOCUMENT_ALREADY_ISSUED' });
    const early = await issue(t, finding, 'summons');
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('约谈通知书');
    expect((await issue(t, finding, 'sign-off-confirmation')).status).toBe(422);
    expect((await issue(t, finding, 'no-such-kind')).status).toBe(400);
    expect(await s.head()).toBe(head);
    expect(
      (await t.http.get(`/findings/${finding}/notices/${encodeURIComponent('甲市东城区卫健监整〔2025〕9号')}`).set(t.auth('inspector-a1')))
        .status,
    ).toBe(404);
  });

  it('issues the 销号确认 after sign-off with the next number, and no 整改通知书 any more', async () => {
    const other = await s.finding(await s.visit());
    await s.rectify(other);
    await s.post('inspector-a1', `/findings/${other}/sign-off`, {});
    const res = await issue(t, other, 'sign-off-confirmation');
    expect(res.status).toBe(201);
    expect(res.body.documentNo).toBe('甲市东城区卫健监整〔2025〕2号');
    const text = await docxText((await t.download(res.body.download, 'inspector-a1')).body as Buffer);
    expect(text).toContain('销号确认');
    expect(text).toContain('于2025年12月19日予以销号');
    expect((await issue(t, other, 'rectification-notice')).status).toBe(422);
  });
});

describe('printable notices: two clicks at once (e2e)', () => {
  it('records one notice, and the number the second one took is voided with the reason', async () => {
    const t = await createTestApp({ start: '2025-12-19T01:00:00.000Z' });
    try {
      const s = steps(t);
      const finding = await s.finding(await s.visit());
      await s.post('inspector-a1', `/findings/${finding}/notice`, {});
      // Hold both requests after their rule check (which both pass), so both take a number before either records.
      const templates = t.app.get(NoticeTemplates);
      const current = templates.current.bind(templates);
      let arrived = 0;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      templates.current = async (kind) => {
        if (++arrived === 2) release();
        await gate;
        return current(kind);
      };
      const answers = await Promise.all([issue(t, finding, 'rectification-notice'), issue(t, finding, 'rectification-notice')]);
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      const onFinding = ((await s.get('inspector-a1', `/findings/${finding}/notices`))['items'] as { documentNo: string }[]).map(
        (n) => n.documentNo,
      );
      expect(onFinding).toHaveLength(1);
      const register = await t.store.readStream('docNumber-county-a1-2025');
      const assigned = register
        .filter((e) => e.type === 'DocumentNumberAssigned')
        .map((e) => (e.data as { documentNo: string }).documentNo);
      const voided = register.filter((e) => e.type === 'DocumentNumberVoided').map((e) => (e.data as { documentNo: string }).documentNo);
      expect(voided).toHaveLength(1);
      expect([...assigned].sort()).toEqual([...onFinding, ...voided].sort());
      expect((register.find((e) => e.type === 'DocumentNumberVoided')?.data as { reason: string }).reason).toContain(
        'INSPECTION.NOTICE_DOCUMENT_ALREADY_ISSUED',
      );
    } finally {
      await t.close();
    }
  });
});
