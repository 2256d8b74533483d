import { AccessPolicy, Jurisdiction, StaticUserDirectory } from '@bihuan/auth';
import { DEMO_UNITS } from '@bihuan/demo';
import { CampaignCheck, DomainError, SequentialIdGenerator } from '@bihuan/core';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { MemoryEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
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
    return new RandomDrawHandler(
      execution,
      queries,
      ids,
      new AccessPolicy(jurisdiction),
      jurisdiction,
      new StaticUserDirectory(users, jurisdiction),
      { profileOf: () => undefined, conflictsOf: (id) => conflicts[id] ?? [] },
      campaigns,
    );
  };
  const request = new RandomDrawRequest(
    { id: 'leader-b1', role: 'leader', unit: 'county-b1' },
    {
      kind: 'RequestRandomDraw',
      data: { jurisdiction: 'county-b1', count: 1, inspectorsPerVisit: 1, plannedDate: '2025-04-01' },
    },
  );

  it("draws among the directory's active inspectors within the jurisdiction, and records them", async () => {
    const handler = await setup([
      { id: 'zhou-1', name: '周监督员', role: 'inspector', unit: 'county-b1', active: true },
      { id: 'wu-2', name: '吴监督员', role: 'inspector', unit: 'county-b1', active: false },
      { id: 'zheng-3', name: '郑监督员', role: 'inspector', unit: 'county-a1', active: true },
      { id: 'wang-4', name: '王主任', role: 'hospital', unit: 'hosp-b1-1', active: true },
    ]);
    const draw = await handler.execute(request);
    expect(draw.inputs.inspectors).toEqual([{ id: 'zhou-1', unit: 'county-b1', conflicts: [], covers: ['hosp-b1-1', 'hosp-b1-2'] }]);
    expect(draw.result.visits).toMatchObject([{ inspectorIds: ['zhou-1'] }]);
  });

  it('excludes the conflicts the directory records (their one home since issue 16)', async () => {
    const inspector = (id: string) => ({ id, name: '监督员', role: 'inspector' as const, unit: 'county-b1', active: true });
    const conflicted = { 'zhou-1': ['hosp-b1-1', 'hosp-b1-2'] };
    const draw = await (await setup([inspector('zhou-1'), inspector('qian-5')], conflicted)).execute(request);
    expect(draw.inputs.inspectors.map((i) => [i.id, i.conflicts])).toEqual([
      ['zhou-1', ['hosp-b1-1', 'hosp-b1-2']],
      ['qian-5', []],
    ]);
    expect(draw.result.visits).toEqual([expect.objectContaining({ inspectorIds: ['qian-5'] })]);
  });

  it('refuses a draw the directory cannot staff', async () => {
    await expect((await setup([])).execute(request)).rejects.toMatchObject({ code: 'CREDIT.DRAW_NOT_ENOUGH_INSPECTORS' });
  });

  it('draws within a campaign only among the institutions it scopes, and refuses an unknown campaign', async () => {
    const handler = await setup([{ id: 'zhou-1', name: '周监督员', role: 'inspector', unit: 'county-b1', active: true }]);
    const within = (campaignId: string) =>
      new RandomDrawRequest(request.actor, { ...request.action, data: { ...request.action.data, campaignId } });
    const draw = await handler.execute(within('camp-1'));
    expect(draw.inputs.institutions.map((i) => i.id)).toEqual(['hosp-b1-2']);
    expect(draw.result.visits).toMatchObject([{ institutionId: 'hosp-b1-2' }]);
    await expect(handler.execute(within('camp-x'))).rejects.toMatchObject({
      code: 'CAMPAIGN.UNKNOWN_CAMPAIGN',
      details: { field: 'campaignId' },
    });
  });
});
