import { RecordedEvent } from '@bihuan/event-store';
import { createTestApp, TestApp } from '../../testing/test-app';

const pointsOf = (events: readonly RecordedEvent[]) =>
  events
    .filter((e) => e.type === 'CreditPointsAdded')
    .map((e) => e.data as { behaviour: string; points: number; causedBy: { stream: string; eventId: string } });

/** An institution's credit record in log order: its archive and its points entries' own streams (ADR 0006). */
const creditOf = async (t: TestApp, institutionId: string): Promise<RecordedEvent[]> =>
  (await t.store.readAll({ filter: { categories: ['creditArchive', 'creditPoints'] } })).filter(
    (e) => e.streamName === `creditArchive-${institutionId}` || e.streamName.startsWith(`creditPoints-${institutionId}.`),
  );

/**
 * Cross-context sagas end to end: what a complaint or an overdue finding establishes follows the
 * staff member (ethics archive) and the institution (credit points), each naming its cause.
 */
describe('ethics and credit sagas (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
  });
  afterAll(() => t.close());

  const post = async (user: string, path: string, body: object, status: number) => {
    const res = await t.http.post(path).set(t.auth(user)).send(body);
    if (res.status !== status) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };

  it('a substantiated complaint naming a staff member → an ethics record on that archive and points on the institution', async () => {
    // The complaint's closed loop through the complaints API: public intake → dispatch → acknowledge → decision.
    const submitted = await t.http
      .post('/public/complaints')
      .send({ category: 'red-envelopes-kickbacks', description: '手术前医生索要红包', institutionId: 'hosp-a1-2' })
      .expect(201);
    const list = await t.http.get('/complaints').set(t.auth('inspector-a1')).expect(200);
    const ticketId = (list.body.items as { ticketCode: string; ticketId: string }[]).find(
      (i) => i.ticketCode === submitted.body.ticketCode,
    )!.ticketId;
    await post('inspector-a1', `/complaints/${ticketId}/dispatch`, { institutionId: 'hosp-a1-2', complexity: 'simple' }, 200);
    await post('hospital-a1-2', `/complaints/${ticketId}/acknowledge`, {}, 200);
    await post(
      'hospital-a1-2',
      `/complaints/${ticketId}/decision`,
      { decision: 'substantiated', findings: '经查属实', implicatedStaffId: 'S-77' },
      200,
    );
    await t.settle();
    const stream = `complaintTicket-${ticketId}`;
    const decided = (await t.store.readStream(stream)).find((e) => e.type === 'ComplaintDecided')!;
    const eventId = decided.metadata.eventId;
    const archive = await t.http.get('/ethics/archives/S-77').set(t.auth('hospital-a1-2')).expect(200);
    expect(archive.body).toMatchObject({ institutionId: 'hosp-a1-2', implicit: true });
    expect(archive.body.records).toMatchObject([
      { sourceKind: 'complaint', recordKind: 'complaint-substantiated', points: -10, causedBy: { stream, eventId } },
    ]);
    const credit = await creditOf(t, 'hosp-a1-2');
    expect(pointsOf(credit)).toEqual([
      expect.objectContaining({ behaviour: 'red-envelopes-kickbacks', points: 6, causedBy: { stream, eventId } }),
    ]);
    const view = await t.http.get('/credit/archives/hosp-a1-2').set(t.auth('inspector-a1')).expect(200);
    expect(view.body.level).toMatchObject({ level: 'B', cyclePoints: 6 });
    // Adverse information is public for 5 years.
    const page = await t.http.get('/public/institutions/hosp-a1-2/credit').expect(200);
    expect(page.body.adverse).toMatchObject([{ kind: 'points' }]);
  });

  it('a finding of a listed behaviour adds points, and an overdue finding reaching 挂牌督办 adds more, each naming its event', async () => {
    const plannedDate = '2025-03-03';
    const visit = await post('inspector-a1', '/visits', { kind: 'unannounced', institutionId: 'hosp-a1-1', plannedDate }, 201);
    await post('inspector-a1', `/visits/${visit.id}/record`, { conductedOn: plannedDate, summary: '暗访住院部' }, 200);
    const finding = await post(
      'inspector-a1',
      `/visits/${visit.id}/findings`,
      {
        category: 'red-envelopes',
        severity: 'general',
        description: '外科病房医生收受患者红包',
        evidence: ['att-1'],
        responsibleDepartment: '外科',
        requiredAction: 'deadline',
      },
      201,
    );
    await post('inspector-a1', `/findings/${finding.id}/notice`, {}, 200);
    await t.settle();
    const stream = `finding-${finding.id}`;
    const opened = (await t.store.readStream(stream)).find((e) => e.type === 'FindingOpened')!;
    expect(pointsOf(await creditOf(t, 'hosp-a1-1'))).toEqual([
      expect.objectContaining({ behaviour: 'red-envelopes', points: 6, causedBy: { stream, eventId: opened.metadata.eventId } }),
    ]);

    // Nobody rectifies: rectify → reminder letter → rectification notice → summons → 挂牌督办.
    await t.advanceTo('2025-05-01T00:00:00.000Z');
    const listed = (await t.store.readStream(stream)).find(
      (e) => e.type === 'FindingEscalated' && (e.data as { rung: string }).rung === 'listed-supervision',
    )!;
    expect(listed).toBeDefined();
    const credit = await creditOf(t, 'hosp-a1-1');
    expect(pointsOf(credit)).toEqual([
      expect.objectContaining({ behaviour: 'red-envelopes' }),
      expect.objectContaining({ behaviour: 'listed-supervision', points: 4, causedBy: { stream, eventId: listed.metadata.eventId } }),
    ]);
    // The saga's command names the escalation as its causation; the archive event names it in causedBy.
    const added = credit.filter((e) => e.type === 'CreditPointsAdded')[1]!;
    const saga = await t.store.readStream(`creditConsequences-finding.${finding.id}`);
    expect(JSON.stringify(saga)).toContain(listed.metadata.eventId);
    expect(added.metadata.actor).toMatchObject({ role: 'system' });
    // No points for the other rungs.
    await t.advanceTo('2025-07-01T00:00:00.000Z');
    expect(pointsOf(await creditOf(t, 'hosp-a1-1'))).toHaveLength(2);
  });

  it('a withdrawn finding revokes the points it added', async () => {
    const plannedDate = '2025-07-01';
    const visit = await post('inspector-a1', '/visits', { kind: 'unannounced', institutionId: 'hosp-a1-2', plannedDate }, 201);
    await post('inspector-a1', `/visits/${visit.id}/record`, { conductedOn: plannedDate }, 200);
    const finding = await post(
      'inspector-a1',
      `/visits/${visit.id}/findings`,
      {
        category: 'kickbacks',
        severity: 'serious',
        description: '耗材回扣',
        evidence: ['att-9'],
        responsibleDepartment: '设备科',
        requiredAction: 'deadline',
      },
      201,
    );
    await t.settle();
    await post('inspector-a1', `/findings/${finding.id}/withdraw`, { reason: '录入错误' }, 200);
    await t.settle();
    const events = await creditOf(t, 'hosp-a1-2');
    const added = events.find((e) => e.type === 'CreditPointsAdded' && (e.data as { behaviour: string }).behaviour === 'kickbacks')!;
    expect(events.find((e) => e.type === 'CreditPointsRevoked')?.data).toMatchObject({
      pointsId: (added.data as { pointsId: string }).pointsId,
      points: 6,
    });
  });
});
