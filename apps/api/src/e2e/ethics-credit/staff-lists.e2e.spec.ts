import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const H = 'hosp-a1-1';
const hospital = 'hospital-a1-1';
const inspector = 'inspector-a1';

/** 医务人员红黑榜 (issue 22): entries on a staff member's ethics archive, each off its list by a timer. */
describe('staff 红黑榜 on ethics archives (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-11-03T01:00:00.000Z' });
    await t.http.post('/ethics/archives').set(t.auth(hospital)).send({ staffId: 'L1', institutionId: H, name: '医生乙' }).expect(201);
    await t.http
      .post('/ethics/archives/L1/records')
      .set(t.auth(hospital))
      .send({
        recordId: 'R-praise',
        institutionId: H,
        source: { kind: 'commendation' },
        summary: '患者赠送锦旗',
        occurredAt: '2025-10-01T02:00:00.000Z',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object) => t.http.post(path).set(t.auth(user)).send(body);
  const archive = async (user: string, staffId = 'L1') =>
    (await t.http.get(`/ethics/archives/${staffId}`).set(t.auth(user)).expect(200)).body;

  it('puts a staff member on the red list (the hospital) and the black list (the commission), shown per reader', async () => {
    await post(hospital, '/ethics/archives/L1/lists', {
      entryId: 'red-1',
      institutionId: H,
      list: 'red',
      reason: '诚信医护人员',
      expiresAt: '2026-01-01T00:00:00.000Z',
      recordIds: ['R-praise'],
    }).expect(201);
    await post(inspector, '/ethics/archives/L1/lists', {
      entryId: 'black-1',
      institutionId: H,
      list: 'black',
      reason: '联合惩戒：收受回扣',
      expiresAt: '2027-11-03T00:00:00.000Z',
    }).expect(201);
    const mine = await archive(hospital);
    expect(mine.lists).toEqual(['red']);
    expect(mine.listEntries).toEqual([
      expect.objectContaining({ entryId: 'red-1', list: 'red', status: 'active', recordIds: ['R-praise'] }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('联合惩戒');
    const commission = await archive('leader-city-a');
    expect(commission.lists).toEqual(['red', 'black']);
    expect(commission.listEntries.map((e: { entryId: string }) => e.entryId)).toEqual(['black-1', 'red-1']);
    const rows = (await t.http.get(`/ethics/archives?institutionId=${H}`).set(t.auth(hospital)).expect(200)).body.archives;
    expect(rows.find((a: { staffId: string }) => a.staffId === 'L1').lists).toEqual(['red']);
    const forCommission = (await t.http.get('/ethics/archives').set(t.auth(inspector)).expect(200)).body.archives;
    expect(forCommission.find((a: { staffId: string }) => a.staffId === 'L1').lists).toEqual(['red', 'black']);
    // The 荣誉榜 is public: the red entry with the staff member's name, never the black one.
    const roll = await t.http.get(`/public/institutions/${H}/honour-roll`).expect(200);
    expect(roll.body.entries).toEqual([expect.objectContaining({ entryId: 'red-1', name: '医生乙', reason: '诚信医护人员' })]);
    expect(JSON.stringify(roll.body)).not.toContain('联合惩戒');
    // The case history keeps the black entry (and its deadline) from the hospital too; the commission reads it.
    const ownHistory = await t.http.get('/audit/cases/ethicsArchive-L1/history').set(t.auth(hospital)).expect(200);
    expect(JSON.stringify(ownHistory.body)).toContain('诚信医护人员');
    expect(JSON.stringify(ownHistory.body)).not.toMatch(/联合惩戒|black-list-black-1/);
    const fullHistory = await t.http.get('/audit/cases/ethicsArchive-L1/history').set(t.auth('leader-city-a')).expect(200);
    expect(JSON.stringify(fullHistory.body)).toContain('联合惩戒');
  });

  it('refuses the black list to the hospital, another hospital, bad input and a record that is not there — writing nothing', async () => {
    const body = { institutionId: H, list: 'red', reason: 'x', expiresAt: '2026-01-01T00:00:00.000Z' };
    await expectNothingWritten(t, async () => {
      expect((await post(hospital, '/ethics/archives/L1/lists', { ...body, list: 'black' })).body.code).toBe('ETHICS.ROLE_FORBIDDEN');
      expect((await post('hospital-a1-2', '/ethics/archives/L1/lists', body)).status).toBe(403);
      expect((await post('inspector-b1', '/ethics/archives/L1/lists', body)).body.code).toBe('AUTH.OUT_OF_SCOPE');
      const past = await post(hospital, '/ethics/archives/L1/lists', { ...body, expiresAt: '2025-01-01T00:00:00.000Z' });
      expect({ status: past.status, code: past.body.code }).toEqual({ status: 400, code: 'ETHICS.EXPIRY_IN_PAST' });
      expect((await post(hospital, '/ethics/archives/L1/lists', { ...body, list: 'grey' })).status).toBe(400);
      expect((await post(hospital, '/ethics/archives/L1/lists', { ...body, recordIds: ['R-none'] })).body.code).toBe(
        'ETHICS.RECORD_NOT_FOUND',
      );
      expect((await post(hospital, '/ethics/archives/L1/lists/black-1/remove', { reason: 'x' })).body.code).toBe('ETHICS.ROLE_FORBIDDEN');
      expect((await post(hospital, '/ethics/archives/L1/lists/none/remove', { reason: 'x' })).status).toBe(404);
    });
  });

  it('takes the red entry off when its timer fires, and the black one early with a reason', async () => {
    await t.advanceTo('2026-01-01T00:00:01.000Z');
    await t.settle();
    expect(await archive(hospital)).toMatchObject({ lists: [], listEntries: [{ entryId: 'red-1', status: 'expired' }] });
    expect((await t.http.get(`/public/institutions/${H}/honour-roll`).expect(200)).body.entries).toEqual([]);
    await post('leader-city-a', '/ethics/archives/L1/lists/black-1/remove', { reason: '复核后撤销' }).expect(200);
    const after = await archive(inspector);
    expect(after.lists).toEqual([]);
    expect(after.listEntries).toEqual(
      expect.arrayContaining([expect.objectContaining({ entryId: 'black-1', status: 'removed', endReason: '复核后撤销' })]),
    );
  });
});
