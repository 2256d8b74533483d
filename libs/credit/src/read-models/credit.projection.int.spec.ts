import { SequentialIdGenerator } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { MemoryEventStore, RecordedEvent } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync } from '@bihuan/platform';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { CreditArchiveEvent } from '../domain/archive/credit-archive.events';
import { command, hospital, inspector, open, points, revoke, run, T0 } from '../testing/credit-test-fixtures';
import { DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';
import { creditProjection } from './credit.projection';
import { CREDIT_MIGRATIONS, CreditTables } from './credit-read-model.schema';
import { CreditQueries } from './credit.queries';
import { ApplicantDirectory } from '../application/applicant-directory';

/** Each event in the stream the credit context writes it to (ADR 0006): an entry's own, else the archive. */
function recorded(events: readonly { event: CreditArchiveEvent; stream?: string }[]): RecordedEvent[] {
  return events.map(({ event: e, stream }, i) => ({
    streamName:
      stream ??
      (e.type === 'CreditPointsAdded' || e.type === 'CreditPointsRevoked' ? `creditPoints-H1.${e.data.pointsId}` : 'creditArchive-H1'),
    revision: i,
    position: i + 1,
    type: e.type,
    data: e.data,
    metadata: {
      eventId: `ev-${i}`,
      correlationId: 'c',
      causationId: null,
      actor: inspector,
      occurredAt: T0,
      recordedAt: T0,
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  }));
}

/** An entry as archive streams held them before ADR 0006: in the archive, with the cycle's total. */
const legacy: CreditArchiveEvent = {
  type: 'CreditPointsAdded',
  data: {
    institutionId: 'H1',
    pointsId: 'OLD',
    cycleNo: 1,
    behaviour: 'fees',
    points: 4,
    totalPoints: 4,
    summary: null,
    source: null,
    causedBy: null,
    occurredAt: T0,
    addedBy: 'insp-1',
    policyVersion: 'credit-default@1',
  },
};

/** A directory holding H1 with the code CODE (an applicant's records join it), and nothing else. */
const CODE = '91330100799655058B';
const directory: ApplicantDirectory = {
  profileOf: (id) => (id === 'H1' ? { creditCode: CODE } : undefined),
  institutionWithCreditCode: (code) => (code === CODE ? 'H1' : undefined),
};

/** The queries on the same database, as the API builds them (the policy in force is the default). */
function queriesOn(database: SqlDatabase): CreditQueries {
  const clock = new FakeClock(T0);
  const store = new MemoryEventStore(clock);
  const policies = new PolicyRegistry(store, () => clock.now().toISOString());
  const execution = new CommandExecution(
    store,
    clock,
    new SequentialIdGenerator('t'),
    new ReadModelSync(),
    new CalendarService(store, clock),
    policies,
  );
  return new CreditQueries(database, execution, policies, directory);
}

/** An event of another credit stream (old conflicts, draws) with just the fields the projection reads. */
const at = (position: number, streamName: string, type: string, data: object): RecordedEvent => ({
  ...recorded([{ event: legacy }])[0]!,
  streamName,
  position,
  type,
  data,
});

describe.each(TEST_SQL_DIALECTS)('credit projection and queries on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, CREDIT_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  it('keeps one row per entry from its own stream or an old archive stream, and the archive state without points', async () => {
    const opened = run([open()]);
    const later = run([points('P1', 'kickbacks'), points('P2', 'commissions'), revoke('P1')], opened);
    const events = recorded([
      ...opened.map((event) => ({ event })),
      { event: legacy, stream: 'creditArchive-H1' },
      ...later.slice(opened.length).map((event) => ({ event })),
    ]);
    const projection = creditProjection(test.database);
    for (const e of events) await projection.handle(e);
    await projection.handleBatch(events); // redelivered: ignored by the checkpoint
    const db = test.database.db.withTables<CreditTables>();
    const rows = await db.selectFrom('credit_points').select(['points_id', 'cycle_no', 'revoked']).orderBy('points_id').execute();
    expect(rows).toEqual([
      { points_id: 'OLD', cycle_no: 1, revoked: 0 },
      { points_id: 'P1', cycle_no: 1, revoked: 1 },
      { points_id: 'P2', cycle_no: 1, revoked: 0 },
    ]);
    const archives = await db.selectFrom('credit_archive_states').select(['institution_id', 'state']).execute();
    expect(archives.map((a) => a.institution_id)).toEqual(['H1']);
    const state = JSON.parse(archives[0]!.state) as Record<string, unknown>;
    expect(state).not.toHaveProperty('points');
    expect(state['measures']).toEqual([expect.objectContaining({ cycleNo: 1, thresholdPoints: 12, pointsId: 'P2' })]);

    // The level sums the cycle's counted entries (OLD 4 + P2), the same on either engine; an unknown institution is A.
    const queries = queriesOn(test.database);
    const p2 = later.find((e) => e.type === 'CreditPointsAdded' && e.data.pointsId === 'P2');
    const expected = 4 + (p2?.type === 'CreditPointsAdded' ? p2.data.points : NaN);
    const [h1, none] = await queries.levels('inspector', ['H1', 'H9'], T0);
    expect(h1).toMatchObject({ institutionId: 'H1', asOf: T0, level: 'C', cyclePoints: expected });
    expect(none).toMatchObject({ institutionId: 'H9', level: 'A', reason: 'no archive', cyclePoints: 0 });
    expect(await queries.level('inspector', 'H1', T0)).toEqual(h1);
    expect((await queries.drawInputs(['H1'])).levelsAt(T0, DEFAULT_CREDIT_POLICY).get('H1')).toMatchObject({ level: 'C' });
    expect(await queries.view('anonymous', 'H9', T0)).toBeNull();
    expect(await queries.view('inspector', 'H1', T0)).not.toBeNull();
  });

  it('keeps a supplier agreement with its term and signed file (also on an archive folded before files existed) and a commendation', async () => {
    const opened = run([open()]);
    const digest = 'a'.repeat(64);
    const later = run(
      [
        command(
          'AttachEvidence',
          { institutionId: 'H1', file: { digest, size: 10, mediaType: 'application/pdf', name: '协议.pdf' } },
          hospital('H1'),
        ),
        command(
          'PledgeCommitment',
          {
            institutionId: 'H1',
            commitmentId: 'SA1',
            kind: 'supplier-integrity',
            text: '廉洁诚信协议',
            pledgedAt: T0,
            supplier: { name: '某某医药有限公司', creditCode: '91330100799655058B' },
            validUntil: '2026-12-31T16:00:00.000Z',
            evidence: [digest],
          },
          hospital('H1'),
        ),
        command('RecordCreditInformation', {
          institutionId: 'H1',
          recordId: 'CM1',
          infoClass: 'basic',
          kind: 'commendation',
          title: '优质服务示范单位',
          occurredAt: T0,
        }),
      ],
      opened,
    );
    const events = recorded(later.map((event) => ({ event })));
    const projection = creditProjection(test.database);
    await projection.handleBatch(events.slice(0, opened.length));
    // The row as a projection from before files folded it: no `files` key.
    const db = test.database.db.withTables<CreditTables>();
    const row = await db.selectFrom('credit_archive_states').select('state').where('institution_id', '=', 'H1').executeTakeFirstOrThrow();
    const { files: _none, ...old } = JSON.parse(row.state) as Record<string, unknown>;
    await db
      .updateTable('credit_archive_states')
      .set({ state: JSON.stringify(old) })
      .where('institution_id', '=', 'H1')
      .execute();
    await projection.handleBatch(events.slice(opened.length));
    const view = await queriesOn(test.database).view('anonymous', 'H1', T0);
    expect(view?.items).toContainEqual({
      id: 'SA1',
      infoClass: 'basic',
      kind: 'commitment',
      title: '廉洁诚信协议（供应商：某某医药有限公司）',
      occurredAt: T0,
      until: '2026-12-31T16:00:00.000Z',
    });
    expect(view?.items).toContainEqual(
      expect.objectContaining({ id: 'CM1', infoClass: 'basic', kind: 'commendation', title: '优质服务示范单位' }),
    );
    const state = JSON.parse((await db.selectFrom('credit_archive_states').select('state').executeTakeFirstOrThrow()).state) as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(state.files)).toEqual([digest]);
  });

  it('lists draws as they stand (older draws as they were published), passing over an old log’s (historical) credit conflict events', async () => {
    const projection = creditProjection(test.database);
    const conflict = (inspectorId: string, institutionId: string) => ({ inspectorId, institutionId, reason: 'kin', declaredAt: T0 });
    await projection.handleBatch([
      at(1, 'inspectorConflicts-i2', 'ConflictOfInterestDeclared', conflict('i2', 'H2')),
      at(2, 'inspectorConflicts-i1', 'ConflictOfInterestDeclared', conflict('i1', 'H3')),
      at(3, 'inspectorConflicts-i1', 'ConflictOfInterestDeclared', conflict('i1', 'H1')),
      at(4, 'inspectorConflicts-i2', 'ConflictOfInterestWithdrawn', { inspectorId: 'i2', institutionId: 'H2' }),
      at(5, 'randomDraw-D1', 'DrawRequested', { drawId: 'D1', jurisdiction: 'city', requestedAt: '2025-01-01T00:00:00.000Z' }),
      at(6, 'randomDraw-D2', 'DrawRequested', { drawId: 'D2', jurisdiction: 'town', requestedAt: '2025-02-01T00:00:00.000Z' }),
      at(7, 'randomDraw-D1', 'DrawPublished', { drawId: 'D1', visits: [{}, {}] }),
      at(8, 'randomDraw-D3', 'DrawRequested', { drawId: 'D3', jurisdiction: 'elsewhere', requestedAt: '2025-03-01T00:00:00.000Z' }),
      // Committed draws (ADR 0018): committed → drawn → revealed.
      at(9, 'randomDraw-D4', 'DrawCommitted', { drawId: 'D4', jurisdiction: 'town', committedAt: '2025-04-01T00:00:00.000Z' }),
      at(10, 'randomDraw-D5', 'DrawCommitted', { drawId: 'D5', jurisdiction: 'city', committedAt: '2025-05-01T00:00:00.000Z' }),
      at(11, 'randomDraw-D4', 'DrawMade', { drawId: 'D4', visits: [{}, {}, {}] }),
      at(12, 'randomDraw-D4', 'DrawRevealed', { drawId: 'D4', seed: 's', visits: [] }),
    ]);
    const queries = queriesOn(test.database);
    expect(await queries.draws(['city', 'town'])).toEqual([
      { drawId: 'D5', jurisdiction: 'city', status: 'committed', requestedAt: '2025-05-01T00:00:00.000Z', visits: null },
      { drawId: 'D4', jurisdiction: 'town', status: 'revealed', requestedAt: '2025-04-01T00:00:00.000Z', visits: 3 },
      { drawId: 'D2', jurisdiction: 'town', status: 'requested', requestedAt: '2025-02-01T00:00:00.000Z', visits: null },
      { drawId: 'D1', jurisdiction: 'city', status: 'published', requestedAt: '2025-01-01T00:00:00.000Z', visits: 2 },
    ]);
    expect(await queries.draws([])).toEqual([]);
  });
});
