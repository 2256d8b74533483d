import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { steps, Steps } from '../inspection/inspection-steps';

interface Said {
  at: string;
  position: number;
  state: unknown;
  ledger: unknown;
  /** Today's ledger export (CSV) as it was downloaded then. */
  csv: string;
}

/**
 * "As of": while a finding evolves through the real inspection API, the audit's state and ledger
 * are read at t1, t2, t3, t4; later the same reads with asOf=tN (instant) and asOfPosition=pN give
 * back exactly what the API said then.
 */
describe('audit: state and ledger as of past instants', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    t = await createTestApp();
    s = steps(t);
  });
  afterAll(() => t.close());

  const get = async (user: string, path: string): Promise<Record<string, unknown>> => {
    const res = await t.http.get(path).set(t.auth(user));
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };

  it('gives back, by instant and by position, the states and ledgers the API answered at those instants', async () => {
    const said: Said[] = [];
    let stream = '';
    const look = async (): Promise<void> => {
      await t.settle();
      const state = await get('leader-prov', `/audit/cases/${stream}/state`);
      const ledger = await get('hospital-a1-1', '/audit/ledgers/hosp-a1-1');
      const csv = (await t.download('/ledgers/institutions/hosp-a1-1/export?format=csv', 'hospital-a1-1').expect(200)).body as Buffer;
      const at = t.clock.now().toISOString();
      said.push({ at, position: state['position'] as number, state: state['state'], ledger: ledger['rows'], csv: csv.toString('utf8') });
      t.clock.advanceHours(2);
    };
    const visit = await s.visit();
    const findingId = await s.finding(visit);
    stream = `finding-${findingId}`;
    await look(); // t1: open
    await s.post('inspector-a1', `/findings/${findingId}/notice`, { noticeNo: '整改〔2025〕9号' });
    await look(); // t2: notice issued, deadline running
    await s.post('hospital-a1-1', `/findings/${findingId}/plan`, { measures: '全院警示教育' });
    const photo = await s.evidence('hospital-a1-1', findingId);
    await s.post('hospital-a1-1', `/findings/${findingId}/progress`, {
      summary: '已召开警示教育会',
      evidence: [photo],
      percentComplete: 80,
    });
    await look(); // t3: in progress
    await s.post('hospital-a1-1', `/findings/${findingId}/sign-off-request`, { summary: '整改完成', evidence: [photo] });
    await s.post('inspector-a1', `/findings/${findingId}/sign-off`, {});
    await look(); // t4: signed off

    expect(said.map((x) => (x.state as { status: string }).status)).toEqual(['open', 'noticeIssued', 'inProgress', 'signedOff']);
    expect(said.map((x) => (x.ledger as { status: string }[])[0]!.status)).toEqual(['open', 'noticeIssued', 'inProgress', 'signedOff']);
    t.clock.advanceHours(24);
    for (const then of said) {
      const byInstant = await get('leader-prov', `/audit/cases/${stream}/state?asOf=${encodeURIComponent(then.at)}`);
      expect(byInstant['state']).toEqual(then.state);
      expect(byInstant['position']).toBe(then.position);
      const byPosition = await get('inspector-a1', `/audit/cases/${stream}/state?asOfPosition=${then.position}`);
      expect(byPosition['state']).toEqual(then.state);
      const ledger = await get('leader-prov', `/audit/ledgers/hosp-a1-1?asOf=${encodeURIComponent(then.at)}`);
      expect(ledger['rows']).toEqual(then.ledger);
    }
    // Exported as of each instant, the ledger is the file today's export gave then, cell for cell.
    for (const then of said) {
      const asOf = `/audit/ledgers/hosp-a1-1/export?format=csv&asOf=${encodeURIComponent(then.at)}`;
      expect(((await t.download(asOf, 'leader-prov').expect(200)).body as Buffer).toString('utf8')).toBe(then.csv);
    }
    // Before the finding existed, the ledger was empty.
    expect((await get('leader-prov', '/audit/ledgers/hosp-a1-1?asOf=2025-03-03T00:00:00Z'))['rows']).toEqual([]);
  });

  it('exports an as-of ledger as XLSX laid out like today’s, the title saying 截至 <instant>', async () => {
    const res = await t.download('/audit/ledgers/hosp-a1-1/export?asOf=2025-03-03T04:30:00Z', 'leader-prov').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ledger-hosp-a1-1-asof-202503030430\.xlsx"; filename\*=UTF-8''/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.getWorksheet('整改台账')!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^.+整改台账（截至2025年3月3日 12:30）$/);
    expect(String(sheet.getCell(1, 1).value)).not.toContain('hosp-');
    expect(sheet.getCell(2, 1).value).toBe('序号');
    expect(sheet.getCell(2, 16).value).toBe('备注');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    const byPosition = await t.download('/audit/ledgers/hosp-a1-1/export?asOfPosition=1', 'leader-prov').expect(200);
    expect(byPosition.headers['content-disposition']).toContain('asof');
    expect((await t.http.get('/audit/ledgers/hosp-a1-1/export?format=pdf').set(t.auth('leader-prov'))).status).toBe(400);
    expect((await t.http.get('/audit/ledgers/hosp-a1-2/export').set(t.auth('hospital-a1-1'))).status).toBe(403);
  });

  it('answers 400 naming the parameter for a bad instant, an unknown category or an unknown institution, 403 out of scope', async () => {
    const bad = await t.http.get('/audit/cases/finding-x/state?asOf=2025-13-45').set(t.auth('leader-prov'));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields ?? bad.body)).toContain('asOf');
    const both = await t.http.get('/audit/cases/finding-x/state?asOf=2025-03-03T00:00:00Z&asOfPosition=3').set(t.auth('leader-prov'));
    expect(both.status).toBe(400);
    const position = await t.http.get('/audit/cases/finding-x/state?asOfPosition=-1').set(t.auth('leader-prov'));
    expect(position.status).toBe(400);
    expect(JSON.stringify(position.body)).toContain('asOfPosition');
    const category = await t.http.get('/audit/cases/complaintConsequences-x/state').set(t.auth('leader-prov'));
    expect(category.status).toBe(400);
    expect(category.body).toMatchObject({ code: 'AUDIT.UNKNOWN_CATEGORY' });
    const institution = await t.http.get('/audit/ledgers/hosp-zz').set(t.auth('leader-prov'));
    expect(institution.status).toBe(400);
    expect(JSON.stringify(institution.body)).toContain('institutionId');
    expect((await t.http.get('/audit/ledgers/hosp-a1-2').set(t.auth('hospital-a1-1'))).status).toBe(403);
    expect((await t.http.get('/audit/ledgers/hosp-a1-1').set(t.auth('inspector-b1'))).status).toBe(403);
    expect((await t.http.get('/audit/ledgers/hosp-a1-1').set(t.auth('partner-discipline'))).status).toBe(403);
  });
});
