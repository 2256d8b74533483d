import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '../../testing/test-app';
import { detail, HOSPITAL, INSPECTOR, INSTITUTION, publicStatus, step, submitPublic, toDecided } from './complaints-e2e.helpers';

describe('complaints: the closed loop on time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs public submit → dispatch → acknowledge → decide → answer → public rating → close, all on time', async () => {
    const s = await submitPublic(t);
    expect(s.ticketCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(s.secret.length).toBeGreaterThanOrEqual(24);
    expect((await publicStatus(t, s)).step).toBe('received');

    const dispatched = await step(t, INSPECTOR, s.ticketId, 'dispatch', { institutionId: INSTITUTION, complexity: 'simple' });
    expect(dispatched).toMatchObject({ status: 'dispatched', events: ['ComplaintDispatched', 'DeadlineSet', 'DeadlineSet'] });
    const d1 = await detail(t, INSPECTOR, s.ticketId);
    // From the day after receipt (Mon 3 Mar 2025): acknowledge by the end of Tue 4th, answer by the end of Mon 10th (Shanghai).
    expect(d1).toMatchObject({
      acknowledgeDueAt: '2025-03-04T15:59:59.999Z',
      answerDueAt: '2025-03-10T15:59:59.999Z',
      receivingUnit: 'county-a1',
    });

    await t.advanceTo('2025-03-04T01:00:00.000Z');
    await step(t, HOSPITAL, s.ticketId, 'acknowledge');
    await step(t, HOSPITAL, s.ticketId, 'investigation-notes', { note: 'Interviewed the ward staff' });
    await step(t, HOSPITAL, s.ticketId, 'decision', {
      decision: 'substantiated',
      findings: 'Confirmed by ward records',
      implicatedStaffId: 'staff-9',
    });
    expect((await publicStatus(t, s)).answer).toBeNull();
    await step(t, HOSPITAL, s.ticketId, 'answer', { answer: 'The money was returned and the doctor disciplined.' });

    const status = await publicStatus(t, s);
    expect(status).toMatchObject({ step: 'answered', canRate: true, answer: 'The money was returned and the doctor disciplined.' });
    expect(Object.keys(status).sort()).toEqual(
      [
        'answer',
        'answerDueAt',
        'answerDueProvisional',
        'answeredAt',
        'canRate',
        'category',
        'closedAt',
        'declineGround',
        'declinedAt',
        'files',
        'rating',
        'receivedAt',
        'step',
        'ticketCode',
      ].sort(),
    );
    expect(JSON.stringify(status)).not.toMatch(/hospital-a1-1|Interviewed|staff-9|Confirmed by ward/);

    const rated = await t.http
      .post(`/public/complaints/${s.ticketCode.toLowerCase()}/rating`)
      .send({ secret: s.secret, rating: 'satisfied' })
      .expect(200);
    expect(rated.body).toEqual({ ticketCode: s.ticketCode, status: 'followed-up' });
    await step(t, INSPECTOR, s.ticketId, 'close');

    const done = await detail(t, INSPECTOR, s.ticketId);
    expect(done).toMatchObject({
      status: 'closed',
      acknowledgedOnTime: true,
      answeredOnTime: true,
      rating: 'satisfied',
      decision: 'substantiated',
      overdue: false,
    });
    expect(done.history.map((h) => h.type)).toEqual(
      expect.arrayContaining([
        'ComplaintReceived',
        'ComplaintDispatched',
        'ComplaintAcknowledged',
        'ComplaintInvestigationNoted',
        'ComplaintDecided',
        'ComplaintAnswered',
        'ComplaintFollowedUp',
        'ComplaintClosed',
      ]),
    );
    expect((await publicStatus(t, s)).step).toBe('closed');

    const stats = await t.http.get('/complaints/statistics').query({ groupBy: 'institution' }).set(t.auth('leader-city-a')).expect(200);
    const group = (stats.body.groups as { key: string }[]).find((g) => g.key === INSTITUTION);
    expect(group).toMatchObject({
      received: 1,
      closed: 1,
      acknowledge: { due: 1, onTime: 1, onTimeRate: 1 },
      answer: { due: 1, onTime: 1, onTimeRate: 1 },
      satisfaction: { satisfied: 1, rated: 1, satisfactionRate: 1 },
      decisions: { substantiated: 1, decided: 1, substantiatedRate: 1 },
    });
  });

  it('sends the consequences of a substantiated decision to the ethics and credit archives (complaintConsequences saga)', async () => {
    const s = await submitPublic(t);
    await toDecided(t, s.ticketId);
    await t.settle();
    const saga = await t.store.readStream(`complaintConsequences-${s.ticketId}`);
    expect(saga.length).toBeGreaterThan(0);
    const ethics = (await t.store.readStream('ethicsArchive-staff-9')).map((e) => e.type);
    // Each points entry has its own stream `creditPoints-<institution>.<pointsId>` (ADR 0006).
    const credit = (await t.store.readAll({ filter: { categories: ['creditPoints'] } }))
      .filter((e) => e.streamName.startsWith(`creditPoints-${INSTITUTION}.`))
      .filter((e) => JSON.stringify(e.data).includes(s.ticketId))
      .map((e) => e.type);
    expect(ethics).toContain('EthicsRecordAdded');
    // The credit context's own saga sends the same points with the same id: they are added once.
    expect(credit.filter((type) => type === 'CreditPointsAdded')).toHaveLength(1);
  });

  it('exports the statistics as an xlsx workbook', async () => {
    const res = await t.download('/complaints/statistics', 'leader-prov').query({ format: 'xlsx', groupBy: 'category' }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^投诉举报办理情况通报表（截至\d{4}年\d{1,2}月\d{1,2}日）$/);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['序号', '问题类别', '受理件数']);
    const labels = sheet.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(labels.filter((v) => /^[a-z-]+$/.test(v))).toEqual([]);
  });

  it('exports the statistics by institution with unit names, not ids, and a 合计 row', async () => {
    const res = await t.download('/complaints/statistics', 'leader-prov').query({ format: 'xlsx' }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(3, 2).value).toBe('单位名称');
    const firstColumn = sheet.getColumn(1).values;
    expect(firstColumn).toContain('合计');
    const names = sheet
      .getColumn(2)
      .values.slice(4)
      .filter((v): v is string => typeof v === 'string' && v !== '');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('hosp-'))).toEqual([]);
  });
});
