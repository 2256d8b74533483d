import { createTestApp, TestApp } from '../../testing/test-app';
import { expectNothingWritten } from './ethics-credit.fixtures';

const H = 'hosp-a1-1';
const BLACK_REASON = '骗取医保基金 联合惩戒';
const BLACK_INFO = '联合惩戒备忘录 失信名单';

describe('credit archives, lists and visibility (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const post = (user: string, path: string, body: object) => t.http.post(path).set(t.auth(user)).send(body);
  const get = (user: string, path: string) => t.http.get(path).set(t.auth(user));
  const kinds = (body: { items: { kind: string }[] }) => body.items.map((i) => i.kind);

  it('opens an archive and records points; reaching 12 imposes key supervision and makes the level C', async () => {
    const opened = await post('inspector-a1', '/credit/archives', {
      institutionId: H,
      name: '甲市第一人民医院',
      responsiblePerson: '院长甲',
    }).expect(201);
    expect(opened.body.events).toEqual(['CreditArchiveOpened', 'CreditCycleOpened', 'DeadlineSet']);
    await post('inspector-a1', `/credit/archives/${H}/points`, {
      behaviour: 'red-envelopes',
      occurredAt: '2025-03-01T02:00:00.000Z',
      summary: '收受红包',
    }).expect(201);
    const second = await post('inspector-a1', `/credit/archives/${H}/points`, {
      behaviour: 'kickbacks',
      occurredAt: '2025-03-02T02:00:00.000Z',
    }).expect(201);
    // The entry is written on its own stream; the creditThresholds saga imposes the measure on the archive (ADR 0006).
    expect(second.body.events).toEqual(['CreditPointsAdded']);
    const measures = (await t.store.readStream(`creditArchive-${H}`)).filter((e) => e.type === 'CreditMeasureImposed');
    expect(measures.map((e) => e.data)).toEqual([expect.objectContaining({ cycleNo: 1, thresholdPoints: 12, totalPoints: 12 })]);
    const level = await get('hospital-a1-1', `/credit/archives/${H}/level`).expect(200);
    expect(level.body).toMatchObject({ level: 'C', cyclePoints: 12 });
    const view = await get('hospital-a1-1', `/credit/archives/${H}`).expect(200);
    expect(kinds(view.body)).toEqual(expect.arrayContaining(['archive', 'points', 'measure']));
  });

  it('revokes an entry on its own stream: the cycle points drop, the measure imposed stands (C)', async () => {
    const revoke = (pointsId: string, reason: string) =>
      t.http.post(`/credit/archives/${H}/points/${pointsId}/revoke`).set(t.auth('inspector-a1')).send({ reason });
    const kickbacks = (await t.store.readAll({ filter: { categories: ['creditPoints'] } })).find(
      (e) => e.streamName.startsWith(`creditPoints-${H}.`) && (e.data as { behaviour?: string }).behaviour === 'kickbacks',
    )!;
    const pointsId = (kickbacks.data as { pointsId: string }).pointsId;
    const revoked = await revoke(pointsId, '复核撤销').expect(200);
    expect(revoked.body).toMatchObject({ stream: `creditPoints-${H}.${pointsId}`, events: ['CreditPointsRevoked'] });
    const level = await get('hospital-a1-1', `/credit/archives/${H}/level`).expect(200);
    expect(level.body).toMatchObject({ level: 'C', cyclePoints: 6, reason: 'measure imposed this cycle' });
    expect((await revoke(pointsId, 'again').expect(200)).body.events).toEqual([]);
    expect((await revoke('no-such-entry', 'x')).body).toMatchObject({ code: 'CREDIT.POINTS_NOT_FOUND' });
  });

  it('shows the black list to partners only — never on the public page, to a hospital or to an inspector', async () => {
    await post('inspector-a1', `/credit/archives/${H}/lists`, {
      entryId: 'black-1',
      list: 'black',
      reason: BLACK_REASON,
      expiresAt: '2025-06-01T00:00:00.000Z',
    }).expect(201);
    await post('inspector-a1', `/credit/archives/${H}/information`, {
      infoClass: 'blacklist',
      kind: 'joint-discipline',
      title: BLACK_INFO,
      occurredAt: '2025-03-03T00:00:00.000Z',
    }).expect(201);
    await post('leader-city-a', `/credit/archives/${H}/lists`, {
      entryId: 'red-1',
      list: 'red',
      reason: '诚信示范单位',
      expiresAt: '2025-04-01T00:00:00.000Z',
    }).expect(201);
    await post('inspector-a1', `/credit/archives/${H}/information`, {
      infoClass: 'adverse',
      kind: 'penalty',
      title: '2019年行政处罚',
      occurredAt: '2019-01-10T00:00:00.000Z',
    }).expect(201);

    const page = await t.http.get(`/public/institutions/${H}/credit`).expect(200);
    const anonymous = JSON.stringify(page.body);
    expect(anonymous).not.toContain(BLACK_REASON);
    expect(anonymous).not.toContain(BLACK_INFO);
    expect(anonymous).not.toContain('blacklist');
    expect(page.body.redList).toMatchObject([{ id: 'red-1', kind: 'red-list' }]);
    expect(page.body.adverse.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['points', 'measure']));
    expect(anonymous).not.toContain('2019年行政处罚'); // adverse, but older than 5 years
    // A token on the public route changes nothing.
    expect(JSON.stringify((await t.http.get(`/public/institutions/${H}/credit`).set(t.auth('partner-discipline'))).body)).not.toContain(
      BLACK_REASON,
    );

    for (const user of ['hospital-a1-1', 'inspector-a1', 'leader-prov', 'admin']) {
      const res = await get(user, `/credit/archives/${H}`).expect(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(BLACK_REASON);
      expect(text).not.toContain(BLACK_INFO);
      expect(res.body.level).toMatchObject({ level: 'D', reason: 'withheld' });
      expect(text).toContain('2019年行政处罚'); // kept, and shown to those who may read all adverse information
    }
    const levels = await get('inspector-a1', '/credit/archives').expect(200);
    expect(JSON.stringify(levels.body)).not.toContain('black list');

    const partner = await get('partner-discipline', `/credit/archives/${H}`).expect(200);
    expect(kinds(partner.body)).toEqual(expect.arrayContaining(['black-list', 'joint-discipline']));
    expect(partner.body.level).toMatchObject({ level: 'D', reason: 'black list' });
  });

  it('takes list entries off when their expiry deadline fires (advanceTo)', async () => {
    await t.advanceTo('2025-04-02T00:00:00.000Z');
    expect((await t.http.get(`/public/institutions/${H}/credit`).expect(200)).body.redList).toEqual([]);
    await t.advanceTo('2025-06-02T00:00:00.000Z');
    const partner = await get('partner-discipline', `/credit/archives/${H}`).expect(200);
    expect(kinds(partner.body)).not.toContain('black-list');
    const events = await t.store.readStream(`creditArchive-${H}`);
    const expired = events.filter((e) => e.type === 'ListEntryExpired').map((e) => e.data);
    expect(expired).toEqual([
      expect.objectContaining({ entryId: 'red-1', list: 'red', expiredAt: '2025-04-01T00:00:00.000Z' }),
      expect.objectContaining({ entryId: 'black-1', list: 'black', expiredAt: '2025-06-01T00:00:00.000Z' }),
    ]);
    expect((await get('hospital-a1-1', `/credit/archives/${H}/level`)).body.level).toBe('C');
  });

  it('turns a breached staff commitment into an adverse record and an ethics record, both naming the breach', async () => {
    await post('hospital-a1-1', `/credit/archives/${H}/commitments`, {
      commitmentId: 'C-S20',
      kind: 'staff',
      staffId: 'S20',
      text: '不收受红包',
      pledgedAt: '2025-01-05T00:00:00.000Z',
    }).expect(201);
    await post('inspector-a1', `/credit/archives/${H}/commitments/C-S20/breaches`, {
      breachId: 'BR-1',
      description: '收受患者红包',
      evidence: ['照片1'],
      occurredAt: '2025-06-01T02:00:00.000Z',
    }).expect(201);
    await t.settle();
    const events = await t.store.readStream(`creditArchive-${H}`);
    const breach = events.find((e) => e.type === 'CommitmentBreached')!;
    const record = events.find((e) => e.type === 'CreditInformationRecorded' && (e.data as { kind: string }).kind === 'commitment-breach')!;
    expect(record.data).toMatchObject({
      infoClass: 'adverse',
      causedBy: { stream: `creditArchive-${H}`, eventId: breach.metadata.eventId },
    });
    const ethics = await get('hospital-a1-1', '/ethics/archives/S20').expect(200);
    expect(ethics.body.records).toMatchObject([
      { sourceKind: 'commitment', recordKind: 'commitment-breached', points: -10, causedBy: { eventId: breach.metadata.eventId } },
    ]);
  });

  it('refuses bad input with a 4xx naming the field, writing nothing', async () => {
    await expectNothingWritten(t, async () => {
      const behaviour = await post('inspector-a1', `/credit/archives/${H}/points`, {
        behaviour: 'rudeness',
        occurredAt: '2025-06-01T00:00:00.000Z',
      });
      expect(behaviour.status).toBe(400);
      expect(behaviour.body).toMatchObject({ code: 'CREDIT.BEHAVIOUR_UNKNOWN', fields: [{ field: 'behaviour' }] });
      // Nor does a refused entry open the archive of an institution that has none yet.
      const first = await post('inspector-a1', `/credit/archives/hosp-a1-2/points`, {
        behaviour: 'rudeness',
        occurredAt: '2025-06-01T00:00:00.000Z',
      });
      expect(first.body).toMatchObject({ code: 'CREDIT.BEHAVIOUR_UNKNOWN', fields: [{ field: 'behaviour' }] });
      const expiry = await post('inspector-a1', `/credit/archives/${H}/lists`, {
        list: 'red',
        reason: 'x',
        expiresAt: '2025-01-01T00:00:00.000Z',
      });
      expect(expiry.status).toBe(400);
      expect(expiry.body.fields[0].field).toBe('expiresAt');
      const infoClass = await post('inspector-a1', `/credit/archives/${H}/information`, {
        infoClass: 'secret',
        kind: 'x',
        title: 'x',
        occurredAt: '2025-06-01T00:00:00.000Z',
      });
      expect(infoClass.status).toBe(400);
      expect(infoClass.body.fields[0].field).toBe('infoClass');
      const extra = await post('inspector-a1', `/credit/archives/${H}/points`, {
        behaviour: 'fees',
        occurredAt: '2025-06-01T00:00:00.000Z',
        totalPoints: 0,
      });
      expect(extra.status).toBe(400);
      const unknown = await t.http.get('/public/institutions/county-a1/credit');
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0].field).toBe('institutionId');
    });
  });

  it('keeps archives within scope and roles', async () => {
    await expectNothingWritten(t, async () => {
      expect((await get('hospital-a1-2', `/credit/archives/${H}`)).status).toBe(403);
      expect((await get('inspector-b1', `/credit/archives/${H}`)).status).toBe(403);
      expect(
        (await post('hospital-a1-1', `/credit/archives/${H}/points`, { behaviour: 'fees', occurredAt: '2025-06-01T00:00:00.000Z' })).status,
      ).toBe(403);
      expect(
        (await post('inspector-b1', `/credit/archives/${H}/points`, { behaviour: 'fees', occurredAt: '2025-06-01T00:00:00.000Z' })).status,
      ).toBe(403);
      expect(
        (
          await post('hospital-a1-2', `/credit/archives/${H}/commitments`, {
            kind: 'institution',
            text: 'x',
            pledgedAt: '2025-06-01T00:00:00.000Z',
          })
        ).status,
      ).toBe(403);
    });
  });
});
