import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { AnswerChecks } from '../openapi/answer-checks';
import { DashboardSeed, seedDashboard } from './dashboard-seed';

type Row = Record<string, unknown>;

/** A sheet's row as text (dates as their Beijing day), without exceljs's leading hole. */
function cells(sheet: ExcelJS.Worksheet, n: number): string[] {
  return (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')));
}

/** Every row of a sheet from the header down, as text. */
function table(sheet: ExcelJS.Worksheet): string[][] {
  return Array.from({ length: sheet.rowCount - 2 }, (_, i) => cells(sheet, i + 3)).filter((r) => r.some((c) => c !== ''));
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook;
}

/**
 * The leaders' figures (issue 21, item 1): the cross table, the trend and the ladder in
 * GET /ledgers/counts, the list entries in GET /credit/archives, the drill-down filters of
 * GET /findings, and every figure as a 通报 table from GET /statistics/export — each within the
 * reader's jurisdiction: a city's leader never sees the other city's rows, counts or list.
 */
describe('leaders’ statistics (e2e)', () => {
  let t: TestApp;
  let checks: AnswerChecks;
  let seed: DashboardSeed;

  beforeAll(async () => {
    t = await createTestApp();
    checks = new AnswerChecks(t);
    seed = await seedDashboard(t);
  });
  afterAll(() => t.close());

  it('counts a city’s ledger by institution × category, by rung and by month, and nothing of the other city', async () => {
    const counts = await checks.send('GET', '/ledgers/counts', 'leader-city-a');
    expect(counts).toMatchObject({ total: 3, open: 2, signedOff: 1, overdue: 1 });
    expect(counts['byInstitutionCategory']).toEqual([
      { key: 'hosp-a1-1', name: '甲市第一人民医院', category: 'disclosure', total: 1, open: 0, signedOff: 1, withdrawn: 0, overdue: 0 },
      { key: 'hosp-a1-1', name: '甲市第一人民医院', category: 'red-envelopes', total: 1, open: 1, signedOff: 0, withdrawn: 0, overdue: 1 },
      {
        key: 'hosp-a2-1',
        name: '西城区妇幼保健院',
        category: 'service-attitude',
        total: 1,
        open: 1,
        signedOff: 0,
        withdrawn: 0,
        overdue: 0,
      },
    ]);
    expect(counts['byEscalationRung']).toEqual([expect.objectContaining({ key: 'reminder-letter', total: 1, overdue: 1 })]);
    expect(counts['byMonth']).toEqual([{ month: '2025-03', opened: 3, signedOff: 1 }]);
    const province = await checks.send('GET', '/ledgers/counts', 'leader-prov');
    expect(province).toMatchObject({ total: 4, overdue: 2 });
    expect(province['byEscalationRung']).toEqual([expect.objectContaining({ key: 'reminder-letter', total: 2, overdue: 2 })]);
    // A period counts each month by the row's own dates: nothing was opened or signed off in April.
    expect((await checks.send('GET', '/ledgers/counts?from=2025-04-01&to=2025-04-30', 'leader-prov'))['byMonth']).toEqual([]);
  });

  it('drills down to the rows behind a figure: overdue on a rung, still open, signed off in a month', async () => {
    const ids = async (query: string, user = 'leader-city-a') =>
      (await checks.send<{ items: Row[] }>('GET', `/findings?${query}`, user)).items.map((r) => r['findingId']);
    expect(await ids('institutionId=hosp-a1-1&overdue=true&escalationRung=reminder-letter')).toEqual([seed.overdueA]);
    expect(await ids('overdue=true&escalationRung=reminder-letter')).toEqual([seed.overdueA]);
    expect(await ids('overdue=true&escalationRung=reminder-letter', 'leader-prov')).toEqual([seed.overdueA, seed.overdueB]);
    expect(await ids('active=true')).toEqual([seed.overdueA, seed.openA2]);
    expect(await ids('active=false')).toEqual([seed.signedOffA]);
    expect(await ids('signedOffFrom=2025-03-01&signedOffTo=2025-03-31')).toEqual([seed.signedOffA]);
    expect(await ids('signedOffFrom=2025-04-01')).toEqual([]);
  });

  it('answers credit levels with the red list to leaders and the black list to partners only', async () => {
    const city = await checks.send<{ levels: Row[]; listEntries: Row[] }>('GET', '/credit/archives', 'leader-city-a');
    expect(city.levels.map((l) => l['institutionId']).sort()).toEqual(['hosp-a1-1', 'hosp-a1-2', 'hosp-a2-1']);
    expect(city.listEntries).toEqual([expect.objectContaining({ institutionId: 'hosp-a1-1', list: 'red', reason: '连续三年无投诉' })]);
    const province = await checks.send<{ levels: Row[]; listEntries: Row[] }>('GET', '/credit/archives', 'leader-prov');
    expect(province.listEntries.map((e) => e['list'])).toEqual(['red']);
    expect(province.levels.find((l) => l['institutionId'] === 'hosp-b1-1')).toMatchObject({ level: 'D', reason: 'withheld' });
    const partner = await checks.send<{ listEntries: Row[] }>('GET', '/credit/archives', 'partner-discipline');
    expect(partner.listEntries.map((e) => [e['institutionId'], e['list']])).toEqual([
      ['hosp-a1-1', 'red'],
      ['hosp-b1-1', 'black'],
    ]);
  });

  it('exports every figure as a 通报 table: one sheet each, Chinese headings, the city’s rows only', async () => {
    const res = await t.download('/statistics/export?from=2025-03-01&to=2025-03-31', 'leader-city-a').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E7%BB%9F%E8%AE%A1%E9%80%9A%E6%8A%A5%E8%A1%A8/); // 统计通报表
    expect(res.headers['cache-control']).toBe('no-store');
    const workbook = await workbookOf(res.body as Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '问题整改（按机构）',
      '问题整改（按类别）',
      '问题整改（机构×类别）',
      '逾期问题督办',
      '问题整改月度趋势',
      '投诉举报（按单位）',
      '投诉举报（按月份）',
      '信用等级分布',
      '红黑名单',
    ]);
    const byInstitution = workbook.getWorksheet('问题整改（按机构）')!;
    expect(String(byInstitution.getCell(1, 1).value)).toBe('甲市卫生健康委员会问题整改情况统计表（按机构，2025年3月1日至2025年3月31日）');
    expect(cells(byInstitution, 3)).toEqual(['序号', '机构名称', '问题总数', '整改中', '已销号', '已撤销', '逾期未改', '销号率']);
    expect(table(byInstitution).slice(1, 4)).toEqual([
      ['1', '甲市第一人民医院', '2', '1', '1', '0', '1', '0.5'],
      ['2', '西城区妇幼保健院', '1', '1', '0', '0', '0', '0'],
      ['合计', '', '3', '2', '1', '0', '1', String(1 / 3)],
    ]);
    expect(table(workbook.getWorksheet('逾期问题督办')!).slice(1, 3)).toEqual([
      ['1', '提醒敦促函', '1', '1', '0'],
      ['2', '整改通知书', '0', '0', '0'],
    ]);
    const trend = workbook.getWorksheet('问题整改月度趋势')!;
    expect(table(trend).slice(1, 3)).toEqual([
      ['1', '2025年3月', '3', '1'],
      ['合计', '', '3', '1'],
    ]);
    expect(table(trend).flat()).toContain('填报日期：2025年3月25日');
    const complaints = table(workbook.getWorksheet('投诉举报（按单位）')!);
    expect(complaints[1]!.slice(0, 3)).toEqual(['1', '甲市第一人民医院', '1']);
    expect(complaints[2]!.slice(0, 3)).toEqual(['合计', '', '1']);
    const levels = table(workbook.getWorksheet('信用等级分布')!);
    expect(levels.map((r) => r.slice(1, 3))).toContainEqual(['D级（严重失信）', '0']);
    const lists = table(workbook.getWorksheet('红黑名单')!);
    expect(lists[1]).toEqual(['1', '甲市第一人民医院', '红名单', '连续三年无投诉', '2025-03-03', '2026-03-01']);
    const text = workbook.worksheets.flatMap((w) => table(w).flat()).join('|');
    expect(text).not.toMatch(/南山|欺诈骗保|hosp-/);
  });

  it('exports one table as CSV with a BOM, and one institution’s figures alone', async () => {
    const csv = await t.download('/statistics/export?format=csv&table=findings-by-institution-category', 'leader-prov').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8').slice(1).trim().split('\r\n')).toEqual([
      '序号,机构名称,问题类别,问题总数,整改中,已销号,已撤销,逾期未改,销号率',
      '1,甲市第一人民医院,院务公开,1,0,1,0,0,100.0%',
      '2,甲市第一人民医院,收受红包,1,1,0,0,1,0.0%',
      '3,西城区妇幼保健院,服务态度（生冷硬顶推）,1,1,0,0,0,0.0%',
      '4,南山县人民医院,过度诊疗,1,1,0,0,1,0.0%',
    ]);
    const one = await workbookOf(
      (await t.download('/statistics/export?institutionId=hosp-a2-1&table=findings-by-category', 'leader-city-a').expect(200))
        .body as Buffer,
    );
    const sheet = one.getWorksheet('问题整改（按类别）')!;
    expect(String(sheet.getCell(1, 1).value)).toBe('西城区妇幼保健院问题整改情况统计表（按类别，截至2025年3月25日）');
    expect(table(sheet).slice(1, 3)).toEqual([
      ['1', '服务态度（生冷硬顶推）', '1', '1', '0', '0', '0', '0'],
      ['合计', '', '1', '1', '0', '0', '0', '0'],
    ]);
  });

  it('refuses hospitals and the public, another city’s institution, and bad input — naming the field', async () => {
    const status = async (path: string, user: string | null) => {
      const req = t.http.get(path);
      const res = await (user ? req.set(t.auth(user)) : req);
      return [res.status, (res.body as Row)['code'] ?? null, ((res.body as Row)['fields'] as Row[] | undefined)?.[0]?.['field'] ?? null];
    };
    expect(await status('/statistics/export', 'hospital-a1-1')).toEqual([403, 'AUTH.ROLE_NOT_ALLOWED', null]);
    expect((await status('/statistics/export', null))[0]).toBe(401);
    expect(await status('/statistics/export?institutionId=hosp-b1-1', 'leader-city-a')).toEqual([403, 'AUTH.OUT_OF_SCOPE', null]);
    expect((await status('/statistics/export?institutionId=nope', 'leader-city-a')).slice(0, 1)).toEqual([400]);
    expect((await status('/statistics/export?format=csv', 'leader-city-a'))[2]).toBe('table');
    expect((await status('/statistics/export?table=everything', 'leader-city-a'))[2]).toBe('table');
    expect((await status('/statistics/export?from=2025-13-01', 'leader-city-a'))[2]).toBe('from');
    expect((await status('/findings?to=2025-00-10', 'leader-city-a'))[2]).toBe('to');
    expect((await status('/findings?active=maybe', 'leader-city-a'))[2]).toBe('active');
  });
});
