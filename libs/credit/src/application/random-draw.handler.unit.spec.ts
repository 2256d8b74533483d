import { AccessPolicy, Jurisdiction, StaticUserDirectory } from '@bihuan/auth';
import { DEMO_UNITS } from '@bihuan/demo';
import { CampaignCheck, DomainError, SequentialIdGenerator, sm3Hex } from '@bihuan/core';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { MemoryEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { drawInspections } from '../domain/draw/draw-inspections';
import { drawInputOf } from '../domain/draw/random-draw.decider';
import { DrawCommitted } from '../domain/draw/random-draw.messages';
import { CreditQueries } from '../read-models/credit.queries';
import { CREDIT_MIGRATIONS } from '../read-models/credit-read-model.schema';
import { RandomDrawHandler, RandomDrawRequest } from './random-draw.handler';

/** One open campaign `camp-1` scoping hosp-b1-2 only; any other id is unknown. */
const campaigns: CampaignCheck = {
  requireOpen: async (_actor, campaignId) => {
    if (campaignId !== 'camp-1') throw DomainError.invalid('CAMPAIGN.UNKNOWN_CAMPAIGN', 'campaignId', `no campaign ${campaignId}`);
    return { campaignId, institutionIds: ['hosp-b1-2'] };
  },
};

/**
 * The draw's inspectors come from the UserDirectory port, whatever it holds (the live directory in
 * production): never from the demo users. The units are the demo ones only because a directory
 * must name known units.
 */
describe('the random draw takes its inspectors from the user directory', () => {
  const setup = async (
    users: ConstructorParameters<typeof StaticUserDirectory>[0],
    conflicts: Readonly<Record<string, readonly string[]>> = {},
  ) => {
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    const store = new MemoryEventStore(clock);
    const policies = new PolicyRegistry(store, () => clock.now().toISOString());
    const ids = new SequentialIdGenerator('t');
    const execution = new CommandExecution(store, clock, ids, new ReadModelSync(), new CalendarService(store, clock), policies);
    const jurisdiction = new Jurisdiction(DEMO_UNITS);
    const readModels = openSqliteDatabase({ file: ':memory:' });
    await migrateToLatest(readModels, [CREDIT_MIGRATIONS]);
    const queries = new CreditQueries(readModels, execution, policies, {
      profileOf: () => undefined,
      institutionWithCreditCode: () => undefined,
    });
    const handler = new RandomDrawHandler(
      execution,
      queries,
      ids,
      new AccessPolicy(jurisdiction),
      jurisdiction,
      new StaticUserDirectory(users, jurisdiction),
      { profileOf: () => undefined, conflictsOf: (id) => conflicts[id] ?? [] },
      campaigns,
    );
    /** Commits the request; then the draw as the saga would make it, from the committed record (no worker runs here). */
    const draw = async () => {
      const answer = await handler.execute(request);
      const [committed] = await store.readStream(`randomDraw-${answer.drawId}`);
      const record = (committed as unknown as DrawCommitted).data;
      return { answer, record, visits: drawInspections(drawInputOf(record), record.algorithm).visits };
    };
    return { handler, draw };
  };
  const request = new RandomDrawRequest(
    { id: 'leader-b1', role: 'leader', unit: 'county-b1' },
    {
      kind: 'CommitRandomDraw',
      data: { jurisdiction: 'county-b1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-04-01' },
    },
  );

  it("draws among the directory's active inspectors within the jurisdiction, and commits to a secret seed", async () => {
    const { draw } = await setup([
      { id: 'zhou-1', name: '周监督员', role: 'inspector', unit: 'county-b1', active: true },
      { id: 'wu-2', name: '吴监督员', role: 'inspector', unit: 'county-b1', active: false },
      { id: 'zheng-3', name: '郑监督员', role: 'inspector', unit: 'county-a1', active: true },
      { id: 'wang-4', name: '王主任', role: 'hospital', unit: 'hosp-b1-1', active: true },
    ]);
    const { answer, record, visits } = await draw();
    expect(answer.inputs.inspectors).toEqual([{ id: 'zhou-1', unit: 'county-b1', conflicts: [], covers: ['hosp-b1-1', 'hosp-b1-2'] }]);
    expect(visits).toMatchObject([{ inspectorIds: ['zhou-1'] }]);
    // 256 random bits, kept out of the answer; the answer carries their digest.
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(answer).toMatchObject({ status: 'committed', seed: null, visits: null, commitment: { seedDigest: sm3Hex(record.seed) } });
    expect(JSON.stringify(answer)).not.toContain(record.seed);
  });

  it('excludes the conflicts the directory records (their one home since issue 16)', async () => {
    const inspector = (id: string) => ({ id, name: '监督员', role: 'inspector' as const, unit: 'county-b1', active: true });
    const conflicted = { 'zhou-1': ['hosp-b1-1', 'hosp-b1-2'] };
    const { answer, visits } = await (await setup([inspector('zhou-1'), inspector('qian-5')], conflicted)).draw();
    expect(answer.inputs.inspectors.map((i) => [i.id, i.conflicts])).toEqual([
      ['zhou-1', ['hosp-b1-1', 'hosp-b1-2']],
      ['qian-5', []],
    ]);
    expect(visits).toEqual([expect.objectContaining({ inspectorIds: ['qian-5'] })]);
  });

  it('refuses a draw the directory cannot staff', async () => {
    await expect((await setup([])).handler.execute(request)).rejects.toMatchObject({ code: 'CREDIT.DRAW_NOT_ENOUGH_INSPECTORS' });
  });

  it('commits a draw within a campaign only over the institutions it scopes, and refuses an unknown campaign', async () => {
    const { handler } = await setup([{ id: 'zhou-1', name: '周监督员', role: 'inspector', unit: 'county-b1', active: true }]);
    const within = (campaignId: string) =>
      new RandomDrawRequest(request.actor, {
        kind: 'CommitRandomDraw',
        data: { jurisdiction: 'county-b1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-04-01', campaignId },
      });
    const answer = await handler.execute(within('camp-1'));
    expect(answer.inputs.institutions.map((i) => i.id)).toEqual(['hosp-b1-2']);
    await expect(handler.execute(within('camp-x'))).rejects.toMatchObject({
      code: 'CAMPAIGN.UNKNOWN_CAMPAIGN',
      details: { field: 'campaignId' },
    });
  });
});
