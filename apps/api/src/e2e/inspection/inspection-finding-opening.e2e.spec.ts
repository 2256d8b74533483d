import { Command, SYSTEM_ACTOR } from '@bihuan/core';
import { FindingSender, findingOpenings, RegisterFindings, VISIT_STREAM_CATEGORY, visitDecider } from '@bihuan/inspection';
import { CommandExecution } from '@bihuan/platform';
import { handleCommand } from '@bihuan/processing';
import { createTestApp, TestApp } from '../../testing/test-app';
import { FINDING, Steps, steps } from './inspection-steps';

type Data = { visitId?: string; findingId?: string; findingIds?: string[] };

/**
 * Opening findings on a visit is one consistent flow: the visit records the finding first (its
 * decider says whether it is conducted and open), the finding stream is opened from that record —
 * by the request, and by the findingOpening workflow should the request die in between. Whatever
 * the order of "close the visit" and "open a finding", no finding exists without its visit
 * recording it, and the visit records no finding that is never opened.
 */
describe('opening findings on a visit (e2e)', () => {
  let t: TestApp;
  let s: Steps;
  beforeAll(async () => {
    t = await createTestApp({ start: '2025-03-03T01:00:00.000Z' });
    s = steps(t);
  });
  afterAll(() => t.close());

  /** Findings the visit recorded, and findings opened on the visit: always the same, once settled. */
  async function assertConsistent(visitId: string): Promise<string[]> {
    await t.settle();
    const recorded = (await t.store.readStream(`visit-${visitId}`))
      .filter((e) => e.type === 'VisitFindingsRegistered')
      .flatMap((e) => (e.data as Data).findingIds ?? []);
    const opened = (await t.store.readAll())
      .filter((e) => e.type === 'FindingOpened' && (e.data as Data).visitId === visitId)
      .map((e) => String((e.data as Data).findingId));
    expect([...opened].sort()).toEqual([...recorded].sort());
    return recorded;
  }
  const visitStatus = async (visitId: string) => (await s.get('inspector-a1', `/visits/${visitId}`))['status'];
  const immediate = { ...FINDING, requiredAction: 'immediate' };

  it('records the finding on its visit first, opens it from that record once, and answers as before', async () => {
    const visitId = await s.visit();
    const res = await s.post('inspector-a1', `/visits/${visitId}/findings`, FINDING, 201);
    expect(res).toEqual({
      id: expect.any(String),
      stream: `finding-${String(res['id'])}`,
      visitId,
      position: expect.any(Number),
      events: ['FindingOpened', 'VisitFindingsRegistered'],
    });
    const [registered] = (await t.store.readStream(`visit-${visitId}`)).filter((e) => e.type === 'VisitFindingsRegistered');
    const finding = await t.store.readStream(`finding-${String(res['id'])}`);
    expect(finding.map((e) => e.type)).toEqual(['FindingOpened']); // the request and the workflow sent one command
    expect(finding[0]!.position).toBeGreaterThan(registered!.position);
    expect(finding[0]!.position).toBe(res['position']);
    const [open] = findingOpenings(registered!);
    expect(finding[0]!.metadata).toMatchObject({
      causationId: open!.metadata.commandId,
      correlationId: registered!.metadata.correlationId,
      actor: { id: 'inspector-a1' },
    });
    expect(finding[0]!.data).toMatchObject({ visitId, openedBy: 'inspector-a1' });
    expect(await s.get('inspector-a1', `/findings/${String(res['id'])}`)).toMatchObject({ status: 'open', finding: { visitId } });
    await assertConsistent(visitId);
  });

  it('close first: a visit closed by its last sign-off refuses a new finding and nothing is written', async () => {
    const visitId = await s.visit();
    const first = await s.finding(visitId, immediate);
    await s.post('inspector-a1', `/findings/${first}/sign-off`, { comment: '当场整改' });
    expect(await visitStatus(visitId)).toBe('closed');
    const head = await s.head();
    const res = await t.http.post(`/visits/${visitId}/findings`).set(t.auth('inspector-a1')).send(FINDING);
    expect([res.status, res.body.code]).toEqual([409, 'INSPECTION.VISIT_CLOSED']);
    expect(await s.head()).toBe(head);
    expect(await assertConsistent(visitId)).toEqual([first]);
  });

  it('open first: a finding recorded before the last sign-off keeps the visit open until it is settled too', async () => {
    const visitId = await s.visit();
    const first = await s.finding(visitId, immediate);
    const second = await s.finding(visitId, immediate);
    await s.post('inspector-a1', `/findings/${first}/sign-off`, { comment: '当场整改' });
    expect(await visitStatus(visitId)).toBe('findingsRegistered');
    await s.post('inspector-a1', `/findings/${second}/sign-off`, { comment: '当场整改' });
    expect(await visitStatus(visitId)).toBe('closed');
    expect(await assertConsistent(visitId)).toEqual([first, second]);
  });

  it('at the same time, in whichever order they land: either the finding is recorded and opened, or refused and nothing of it exists', async () => {
    for (let round = 0; round < 4; round += 1) {
      const visitId = await s.visit();
      const first = await s.finding(visitId, immediate);
      const [, opened] = await Promise.all([
        s.post('inspector-a1', `/findings/${first}/sign-off`, { comment: '当场整改' }),
        t.http.post(`/visits/${visitId}/findings`).set(t.auth('inspector-a1')).send(immediate),
      ]);
      expect([201, 409]).toContain(opened.status);
      const recorded = await assertConsistent(visitId);
      if (opened.status === 201) expect(recorded).toEqual([first, opened.body.id]);
      else expect([recorded, opened.body.code, await visitStatus(visitId)]).toEqual([[first], 'INSPECTION.VISIT_CLOSED', 'closed']);
    }
  });

  it('a crash between the two writes: the findingOpening workflow opens the finding the visit recorded', async () => {
    const visitId = await s.visit();
    // The request dies right after the visit's write: only RegisterFindings reaches the log.
    const register: RegisterFindings = {
      type: 'RegisterFindings',
      data: {
        visitId,
        findings: [{ ...immediate, findingId: 'f-crash', requiredAction: 'immediate', category: 'red-envelopes', severity: 'general' }],
      },
      metadata: {
        commandId: 'crash-1',
        correlationId: 'crash-1',
        causationId: null,
        actor: { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' },
        now: t.clock.now().toISOString(),
      },
    };
    await handleCommand(t.store, `${VISIT_STREAM_CATEGORY}-${visitId}`, visitDecider, register);
    expect(await assertConsistent(visitId)).toEqual(['f-crash']);
    expect(await s.get('inspector-a1', '/findings/f-crash')).toMatchObject({ status: 'open', finding: { visitId } });
    expect((await t.store.readStream('finding-f-crash'))[0]!.data).toMatchObject({ openedBy: 'inspector-a1', institutionId: 'hosp-a1-1' });
    // Opening it again — the request's late second write, or a redelivery — writes nothing.
    const [registered] = (await t.store.readStream(`visit-${visitId}`)).filter((e) => e.type === 'VisitFindingsRegistered');
    const head = await s.head();
    const again = await new FindingSender(t.app.get(CommandExecution)).send('finding-f-crash', findingOpenings(registered!)[0]! as Command);
    expect(again.events).toEqual(['FindingOpened']);
    expect(await s.head()).toBe(head);
    expect((await t.store.readStream('finding-f-crash')).map((e) => e.type)).toEqual(['FindingOpened']);
  });

  it("the workflow records one OpenFinding per finding the visit recorded, as the system, on the visit's process stream", async () => {
    const visitId = await s.visit();
    await s.finding(visitId);
    const workflow = await t.store.readStream(`findingOpening-${visitId}`);
    expect(
      workflow
        .filter((e) => e.type === 'OutputRecorded')
        .map((e) => (e.data as { output: { kind: string; command?: Command } }).output.command?.type),
    ).toEqual(['OpenFinding']);
    expect(workflow[0]!.metadata.actor).toEqual(SYSTEM_ACTOR);
    await assertConsistent(visitId);
  });
});
