import PizZip from 'pizzip';
import { sm3Hex } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';
import { Steps, steps } from '../inspection/inspection-steps';
import { docxText, issue } from './notice-helpers';

/** A template edited as an office would: the built-in one downloaded, its wording changed, uploaded again. */
function edited(template: Buffer, from: string, to: string): Buffer {
  const zip = new PizZip(template);
  const xml = zip.file('word/document.xml')!.asText();
  if (!xml.includes(from)) throw new Error(`template has no "${from}"`);
  zip.file('word/document.xml', xml.replace(from, to));
  return zip.generate({ type: 'nodebuffer' });
}

/**
 * Templates an admin replaces (versions kept as events, a bad upload refused with nothing kept),
 * the ladder's notices once it reaches their rung, and numbers gap-free under concurrent issuing.
 */
describe('notice templates and concurrent issuing (e2e)', () => {
  let t: TestApp;
  let s: Steps;

  beforeAll(async () => {
    t = await createTestApp({ start: '2026-01-05T01:00:00.000Z' });
    s = steps(t);
  });
  afterAll(() => t.close());

  const put = (kind: string, content: Buffer, name = 'template.docx') =>
    t.http.put(`/admin/notice-templates/${kind}`).set(t.auth('admin')).field('reason', '按新格式调整').attach('file', content, name);

  it('refuses a template that is not a DOCX, or names an unknown field, or lacks {documentNo} — and keeps nothing', async () => {
    const builtIn = (await t.download('/admin/notice-templates/reminder-letter', 'admin')).body as Buffer;
    const head = await s.head();
    const cases: [Buffer, string][] = [
      [Buffer.from('不是 Word 文件'), 'VALIDATION'],
      [Buffer.from('PK\u0003\u0004xl/workbook.xml'), 'VALIDATION'],
      [edited(builtIn, '{description}', '{patientIdNumber}'), 'DOCUMENTS.TEMPLATE_UNKNOWN_FIELD'],
      [edited(builtIn, '{documentNo}', '文号'), 'DOCUMENTS.TEMPLATE_FIELD_REQUIRED'],
      [edited(builtIn, '{description}', '{description'), 'DOCUMENTS.TEMPLATE_INVALID'],
    ];
    for (const [content, code] of cases) {
      const res = await put('reminder-letter', content);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code, fields: [expect.objectContaining({ field: 'file' })] });
    }
    expect((await put('no-such-kind', edited(builtIn, '现予以提醒敦促', '特此提醒'))).status).toBe(400);
    expect(await s.head()).toBe(head);
    const list = await s.get('admin', '/admin/notice-templates');
    expect((list['items'] as { kind: string; version: number }[]).find((i) => i.kind === 'reminder-letter')?.version).toBe(0);
  });

  it('takes the template only as a multipart upload: no file, too large, JSON or no reason are refused and nothing is kept', async () => {
    const builtIn = (await t.download('/admin/notice-templates/reminder-letter', 'admin')).body as Buffer;
    const head = await s.head();
    const url = '/admin/notice-templates/reminder-letter';
    const noFile = await t.http.put(url).set(t.auth('admin')).field('reason', '按新格式调整');
    expect(noFile.status).toBe(400);
    expect(noFile.body).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ field: 'file', rule: 'fileRequired' })] });
    expect(noFile.body.message).toMatch(/file/);
    const huge = Buffer.concat([builtIn, Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = await put('reminder-letter', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: '2MB' });
    expect(tooLarge.body.message).toContain('2MB');
    const json = await t.http
      .put(url)
      .set(t.auth('admin'))
      .send({ contentBase64: builtIn.toString('base64'), reason: 'x' });
    expect(json.status).toBe(415);
    const noReason = await t.http.put(url).set(t.auth('admin')).attach('file', builtIn, 'a.docx');
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));
    const disguised = await put('reminder-letter', Buffer.from('不是 Word 文件'), 'really.docx');
    expect(disguised.body).toMatchObject({ fields: [expect.objectContaining({ field: 'file', rule: 'fileType' })] });
    expect(disguised.body.message).toContain('DOCX');
    expect(await s.head()).toBe(head);
  });

  it('uses a replaced template for the next notice, and keeps the old version for notices issued from it', async () => {
    const finding = await s.finding(await s.visit({ institutionId: 'hosp-a1-2' }), { description: '门诊收费公示不全' });
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
    const before = await issue(t, finding, 'rectification-notice');
    expect(before.body.templateVersion).toBe(1);

    const builtIn = (await t.download('/admin/notice-templates/rectification-notice', 'admin')).body as Buffer;
    const res = await put('rectification-notice', edited(builtIn, '根据有关规定', '依据《医疗机构工作人员廉洁从业九项准则》'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'rectification-notice', version: 2, source: 'upload', reason: '按新格式调整' });
    const current = (await t.download('/admin/notice-templates/rectification-notice', 'admin')).body as Buffer;
    expect(sm3Hex(current)).toBe(res.body.digest);

    // The ladder reaches 提醒敦促函 once the rectification deadline expires: its notice may be issued now.
    await t.advanceTo('2026-02-20T00:00:00.000Z');
    const reminder = await issue(t, finding, 'reminder-letter');
    expect(reminder.status).toBe(201);
    expect(await docxText((await t.download(reminder.body.download, 'inspector-a1')).body as Buffer)).toContain('现予以提醒敦促');

    const other = await s.finding(await s.visit({ institutionId: 'hosp-a1-2' }), { description: '候诊区无投诉公示' });
    await s.post('inspector-a1', `/findings/${other}/notice`, {});
    const after = await issue(t, other, 'rectification-notice');
    expect(after.body.templateVersion).toBe(2);
    expect(await docxText((await t.download(after.body.download, 'inspector-a1')).body as Buffer)).toContain(
      '依据《医疗机构工作人员廉洁从业九项准则》',
    );
    // The notice issued before the replacement still downloads as issued.
    const old = (await t.download(before.body.download, 'inspector-a1')).body as Buffer;
    expect(sm3Hex(old)).toBe(before.body.digest);
    expect(await docxText(old)).toContain('根据有关规定');
  });

  it('gives 50 notices issued at once 50 consecutive numbers: no gap, no duplicate', async () => {
    const visit = await s.visit({ institutionId: 'hosp-a1-1' });
    const findings: string[] = [];
    for (let i = 0; i < 50; i++) {
      const id = await s.finding(visit, { description: `第${i + 1}项问题` });
      await s.post('inspector-a1', `/findings/${id}/notice`, {});
      findings.push(id);
    }
    const issued = await countIssued();
    const answers = await Promise.all(findings.map((id) => issue(t, id, 'rectification-notice')));
    expect(answers.map((r) => r.status)).toEqual(findings.map(() => 201));
    const numbers = answers.map((r) => Number(/〔2026〕(\d+)号$/.exec(String(r.body.documentNo))?.[1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => issued + i + 1));
    const register = await t.store.readStream('docNumber-county-a1-2026');
    expect(register.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: issued + 50 }, (_, i) => i + 1));
  });

  it('numbers in the format the documents policy sets, continuing the same sequence', async () => {
    const overrides = { numberFormat: '{unitShort}卫健监督〔{year}〕{n}号', unitShortNames: [{ unitId: 'county-a1', short: '东卫' }] };
    await t.http.put('/admin/policies/documents').set(t.auth('admin')).send({ overrides, reason: '区卫健局〔2026〕3号' }).expect(200);
    const next = (await countIssued()) + 1;
    const finding = await s.finding(await s.visit());
    await s.post('inspector-a1', `/findings/${finding}/notice`, {});
    expect((await issue(t, finding, 'rectification-notice')).body.documentNo).toBe(`东卫卫健监督〔2026〕${next}号`);
  });

  async function countIssued(): Promise<number> {
    return (await t.store.readStream('docNumber-county-a1-2026')).length;
  }
});
