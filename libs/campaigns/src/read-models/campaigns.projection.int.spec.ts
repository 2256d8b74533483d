import { RecordedEvent } from '@bihuan/event-store';
import { INSPECTION_MIGRATIONS, LedgerQueries, ledgerProjection, VisitQueries, visitsProjection } from '@bihuan/inspection';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { campaignsProjection } from './campaigns.projection';
import { CAMPAIGNS_MIGRATIONS } from './campaigns-read-model.schema';
import { CampaignQueries } from './campaigns.queries';

let position = 0;
function recorded(streamName: string, type: string, data: object, occurredAt = '2025-03-03T02:00:00.000Z'): RecordedEvent {
  position += 1;
  const metadata = { eventId: `ev-${position}`, occurredAt } as RecordedEvent['metadata'];
  return { type, data, metadata, streamName, revision: 0, position };
}

const phases = [{ name: '自查自纠', from: '2025-03-01', to: '2025-06-30', reports: [] }];
const launched = (campaignId: string, issuingUnitId: string, institutionIds: string[], year = 2025) =>
  recorded(`campaign-${campaignId}`, 'CampaignLaunched', {
    campaignId,
    issuingUnitId,
    title: `专项行动 ${campaignId}`,
    year,
    scope: { institutionTypes: [], ownerships: [], levels: [], listedInstitutionIds: institutionIds },
    institutionIds,
    phases,
    launchedBy: 'u-1',
    launchedAt: '2025-03-01T00:00:00.000Z',
  });

/** The city's campaign over both counties, county-1's own, another city's; then an amendment and a close. */
const CAMPAIGNS: RecordedEvent[] = [
  launched('c-city', 'city', ['h-1', 'h-3']),
  launched('c-county', 'county-1', ['h-1', 'h-2'], 2024),
  launched('c-other', 'city-b', ['h-9']),
  recorded('campaign-c-city', 'CampaignAmended', {
    ...(launched('c-city', 'city', ['h-3']).data as object),
    title: '专项整治（调整）',
    changed: ['title', 'scope'],
    reason: '补充通知',
    amendedBy: 'u-1',
    amendedAt: '2025-03-05T00:00:00.000Z',
  }),
  recorded('campaign-c-county', 'CampaignClosed', {
    campaignId: 'c-county',
    carriedOver: [{ findingId: 'f-1', institutionId: 'h-1' }],
    reason: '结转',
    closedBy: 'u-1',
    closedAt: '2025-07-01T00:00:00.000Z',
  }),
];

const opened = (findingId: string, institutionId: string, campaignId: string | null) =>
  recorded(`finding-${findingId}`, 'FindingOpened', {
    findingId,
    visitId: 'v-1',
    visitKind: 'special',
    institutionId,
    campaignId,
    category: 'red-envelopes',
    severity: 'general',
    description: '问题',
    evidence: [],
    responsibleDepartment: '外科',
    responsiblePerson: null,
    requiredAction: 'deadline',
    openedBy: 'u-1',
    policyVersion: 'p',
  });
const planned = (visitId: string, institutionId: string, campaignId: string | null) =>
  recorded(`visit-${visitId}`, 'VisitPlanned', {
    visitId,
    kind: 'special',
    institutionId,
    inspectorIds: ['u-1'],
    plannedDate: '2025-03-10',
    campaignId,
    plannedBy: 'u-1',
  });

describe.each(TEST_SQL_DIALECTS)('campaigns read model on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: CampaignQueries;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS, CAMPAIGNS_MIGRATIONS]);
    const projection = campaignsProjection(test.database);
    await projection.handleBatch(CAMPAIGNS);
    await projection.handleBatch(CAMPAIGNS); // redelivered: the checkpoint ignores it
    queries = new CampaignQueries(test.database);
  });
  afterAll(() => test.dispose());

  const ids = async (units: string[], institutions: string[], filter = {}) =>
    (await queries.list({ units, institutions }, filter, undefined, 10)).items.map((c) => c.campaignId);

  it('lists campaigns issued in the reader’s units or scoping their institutions, newest first', async () => {
    expect(await ids(['city', 'county-1', 'county-2', 'h-1', 'h-2', 'h-3'], ['h-1', 'h-2', 'h-3'])).toEqual(['c-county', 'c-city']);
    // county-2 reads the city's campaign through h-3, which the amended scope holds; county-1 no longer does.
    expect(await ids(['county-2', 'h-3'], ['h-3'])).toEqual(['c-city']);
    expect(await ids(['county-1', 'h-1', 'h-2'], ['h-1', 'h-2'])).toEqual(['c-county']);
    expect(await ids(['h-1'], ['h-1'])).toEqual(['c-county']);
    expect(await ids([], [])).toEqual([]);
  });

  it('keeps the facts in force: title and scope amended, close with what it carried over; filters by status and year', async () => {
    const [county, city] = (await queries.list({ units: ['city', 'county-1'], institutions: [] }, {}, undefined, 10)).items;
    expect(city).toMatchObject({
      title: '专项整治（调整）',
      status: 'launched',
      institutionCount: 1,
      startsOn: '2025-03-01',
      endsOn: '2025-06-30',
    });
    expect(county).toMatchObject({ status: 'closed', year: 2024, closedAt: '2025-07-01T00:00:00.000Z', carriedOver: 1 });
    expect(await ids(['city', 'county-1'], [], { status: 'closed' })).toEqual(['c-county']);
    expect(await ids(['city', 'county-1'], [], { year: 2025 })).toEqual(['c-city']);
    expect(await ids(['city', 'county-1'], [], { issuingUnitId: 'city' })).toEqual(['c-city']);
  });

  it('pages through the list', async () => {
    const first = await queries.list({ units: ['city', 'county-1', 'city-b'], institutions: [] }, {}, undefined, 2);
    expect(first.items.map((c) => c.campaignId)).toEqual(['c-other', 'c-county']);
    const second = await queries.list({ units: ['city', 'county-1', 'city-b'], institutions: [] }, {}, first.nextCursor!, 2);
    expect(second.items.map((c) => c.campaignId)).toEqual(['c-city']);
    expect(second.nextCursor).toBeNull();
  });

  it('finds a campaign’s ledger rows and visits in the inspection read models (one ledger, filtered), within scope', async () => {
    await ledgerProjection(test.database).handleBatch([
      opened('f-1', 'h-1', 'c-county'),
      opened('f-2', 'h-2', 'c-county'),
      opened('f-3', 'h-1', null),
    ]);
    await visitsProjection(test.database).handleBatch([
      planned('v-1', 'h-1', 'c-county'),
      planned('v-2', 'h-2', 'c-county'),
      planned('v-3', 'h-1', 'free-tag'),
    ]);
    const ledger = await new LedgerQueries(test.database).ledger({ campaignId: 'c-county' }, ['h-1', 'h-2'], '2025-03-04T00:00:00.000Z');
    expect(ledger.rows.map((r) => [r.seq, r.findingId])).toEqual([
      [1, 'f-1'],
      [2, 'f-2'],
    ]);
    expect(ledger.summary).toMatchObject({ total: 2, open: 2 });
    const visits = new VisitQueries(test.database);
    expect((await visits.ofCampaign('c-county', ['h-2'])).map((v) => v.visitId)).toEqual(['v-2']);
    // An old free-text tag stays readable as it was.
    expect((await visits.ofCampaign('free-tag', ['h-1'])).map((v) => v.visitId)).toEqual(['v-3']);
    expect(await visits.ofCampaign('c-county', [])).toEqual([]);
  });
});
