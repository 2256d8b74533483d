import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { drawnVisitId } from '../workflows/random-draw-visits.workflow';
import { CREDIT_MIGRATIONS } from './credit-read-model.schema';
import { drawProgressProjection } from './draw-progress.projection';
import { DrawProgressTables } from './draw-progress.schema';
import { drawRevealOpenSteps } from './draw-reveal-open-steps';

const day = (n: number): string => `2025-03-${String(n).padStart(2, '0')}T02:00:00.000Z`;

/** An event as the log delivers it (only the fields the projection reads matter). */
const ev = (position: number, streamName: string, type: string, data: object, occurredAt: string): RecordedEvent => ({
  streamName,
  revision: position,
  position,
  type,
  data,
  metadata: {
    eventId: `e-${position}`,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' },
    occurredAt,
    recordedAt: occurredAt,
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
});

const result = (drawId: string, jurisdiction: string, institutions: string[]) => ({
  drawId,
  jurisdiction,
  algorithm: 'weighted-credit@2',
  visits: institutions.map((institutionId) => ({ institutionId, inspectorIds: ['inspector-a1'] })),
  plannedDate: '2025-03-10',
  campaignId: null,
});
const made = (drawId: string, jurisdiction: string, institutions: string[]) => ({
  ...result(drawId, jurisdiction, institutions),
  madeBy: 'inspector-a1',
  madeAt: day(3),
});
const visit = (drawId: string, institutionId: string): string => `visit-${drawnVisitId(drawId, institutionId)}`;
const conducted = { conductedOn: '2025-03-10', inspectorIds: ['inspector-a1'] };
const cancelled = { reason: '机构停业', cancelledBy: 'inspector-a1' };

/**
 * D1 (county-a1): one visit conducted, one cancelled → ready, then revealed. D2 (county-a1): its visit
 * still planned. D3 (county-b1): its visit conducted, then a late cancellation that changes nothing.
 * D4: a draw published before commitments, its visit conducted — never revealed. A visit that was
 * not drawn ends too.
 */
const BEFORE_REVEAL: RecordedEvent[] = [
  ev(1, 'randomDraw-D1', 'DrawCommitted', { drawId: 'D1', jurisdiction: 'county-a1' }, day(3)),
  ev(2, 'randomDraw-D1', 'DrawMade', made('D1', 'county-a1', ['hosp-a1-1', 'hosp-a1-2']), day(3)),
  ev(3, visit('D1', 'hosp-a1-1'), 'VisitPlanned', { kind: 'random', institutionId: 'hosp-a1-1' }, day(3)),
  ev(4, 'randomDraw-D2', 'DrawMade', made('D2', 'county-a1', ['hosp-a1-3']), day(4)),
  ev(5, 'randomDraw-D3', 'DrawMade', made('D3', 'county-b1', ['hosp-b1-1']), day(4)),
  ev(
    6,
    'randomDraw-D4',
    'DrawPublished',
    { ...result('D4', 'county-a1', ['hosp-a1-1']), seed: 's', publishedBy: 'u', publishedAt: day(2) },
    day(2),
  ),
  ev(7, visit('D1', 'hosp-a1-1'), 'VisitConducted', conducted, day(10)),
  ev(8, visit('D3', 'hosp-b1-1'), 'VisitConducted', conducted, day(11)),
  ev(9, visit('D3', 'hosp-b1-1'), 'VisitCancelled', cancelled, day(12)),
  ev(10, visit('D4', 'hosp-a1-1'), 'VisitConducted', conducted, day(10)),
  ev(11, 'visit-not-drawn', 'VisitConducted', conducted, day(10)),
  ev(12, visit('D1', 'hosp-a1-2'), 'VisitCancelled', cancelled, day(13)),
];
const REVEAL = ev(
  13,
  'randomDraw-D1',
  'DrawRevealed',
  { drawId: 'D1', jurisdiction: 'county-a1', seed: 's', visits: [], revealedBy: 'u', revealedAt: day(14) },
  day(14),
);

describe.each(TEST_SQL_DIALECTS)('draw progress projection and the 揭示种子 steps on $name', (dialect) => {
  let test: TestSqlDatabase;
  const db = () => test.database.db.withTables<DrawProgressTables>();
  const visitsOf = async (drawId: string) =>
    (
      await db()
        .selectFrom('credit_drawn_visits')
        .select(['institution_id', 'outcome', 'outcome_at'])
        .where('draw_id', '=', drawId)
        .orderBy('institution_id')
        .execute()
    ).map((r) => [r.institution_id, r.outcome, r.outcome_at]);

  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, CREDIT_MIGRATIONS]);
    const projection = drawProgressProjection(test.database);
    await projection.handleBatch(BEFORE_REVEAL.slice(0, 6));
    for (const e of BEFORE_REVEAL) await projection.handle(e); // the first six again: ignored by the checkpoint
  });
  afterAll(() => test.dispose());

  it('records each drawn visit and how it ended; a visit that was not drawn has no row', async () => {
    expect(await visitsOf('D1')).toEqual([
      ['hosp-a1-1', 'conducted', day(10)],
      ['hosp-a1-2', 'cancelled', day(13)],
    ]);
    expect(await visitsOf('D2')).toEqual([['hosp-a1-3', 'pending', null]]);
    // Conducted wins over a later cancellation, as the reveal reads the visit's stream.
    expect(await visitsOf('D3')).toEqual([['hosp-b1-1', 'conducted', day(11)]]);
    const all = await db().selectFrom('credit_drawn_visits').select('visit_id').execute();
    expect(all.map((r) => r.visit_id)).not.toContain('not-drawn');
    expect(all).toHaveLength(5);
  });

  it('lists a draw whose visits are all done for its jurisdiction (and those above it), not a pending or older one', async () => {
    const county = await drawRevealOpenSteps(db(), ['county-a1', 'hosp-a1-1', 'hosp-a1-2', 'hosp-a1-3']);
    expect(county).toEqual([
      {
        kind: 'draw-reveal',
        caseId: 'D1',
        institutionId: null,
        unitId: 'county-a1',
        // Drawn on 3 March (Beijing), two institutions: one conducted, one cancelled.
        summary: '2025年3月3日抽取 · 2 家机构',
        link: '/cases/draws/D1',
        dueAt: null,
        since: day(13),
      },
    ]);
    const city = await drawRevealOpenSteps(db(), ['city-a', 'county-a1', 'city-b', 'county-b1']);
    expect(city.map((s) => [s.caseId, s.unitId, s.since, s.summary])).toEqual([
      ['D1', 'county-a1', day(13), '2025年3月3日抽取 · 2 家机构'],
      ['D3', 'county-b1', day(11), '2025年3月4日抽取 · 1 家机构'],
    ]);
    expect(await drawRevealOpenSteps(db(), ['county-b2'])).toEqual([]);
    expect(await drawRevealOpenSteps(db(), [])).toEqual([]);
  });

  it('takes a revealed draw off the list', async () => {
    await drawProgressProjection(test.database).handle(REVEAL);
    expect((await drawRevealOpenSteps(db(), ['county-a1', 'county-b1'])).map((s) => s.caseId)).toEqual(['D3']);
    const row = await db().selectFrom('credit_draw_progress').selectAll().where('draw_id', '=', 'D1').executeTakeFirstOrThrow();
    expect([row.status, row.revealed_at]).toEqual(['revealed', day(14)]);
  });
});
