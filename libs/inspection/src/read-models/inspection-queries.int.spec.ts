import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { at } from '../domain/inspection.fixtures';
import { CountsQueries } from './counts.queries';
import { INSPECTION_MIGRATIONS } from './inspection-read-model.schema';
import { ledgerProjection } from './ledger.projection';
import { LedgerQueries, LedgerSort } from './ledger.queries';
import { visitsProjection } from './visits.projection';
import { VisitQueries } from './visits.queries';

let position = 0;
function recorded(streamName: string, type: string, data: object, occurredAt = at(0)): RecordedEvent {
  position += 1;
  const metadata = { eventId: `ev-${position}`, occurredAt } as RecordedEvent['metadata'];
  return { type, data, metadata, streamName, revision: 0, position };
}

const opened = (id: string, institutionId: string, occurredAt = at(0)) =>
  recorded(
    `finding-${id}`,
    'FindingOpened',
    {
      findingId: id,
      visitId: 'v-1',
      visitKind: 'routine',
      institutionId,
      campaignId: null,
      category: 'red-envelopes',
      severity: 'general',
      description: `问题 ${id}`,
      evidence: ['att-1'],
      responsibleDepartment: '外科',
      responsiblePerson: null,
      requiredAction: 'deadline',
      openedBy: 'u-1',
      policyVersion: 'p',
    },
    occurredAt,
  );
const noticed = (id: string, dueAt: string) =>
  recorded(`finding-${id}`, 'RectificationNoticeIssued', { findingId: id, round: 1, noticeNo: null, deadlineId: 'rectify', dueAt });
const PROVISIONAL = 'cn@test+provisional:2027@statutory-2025';

/** Five findings over three hospitals, and four visits: the lists, filters, scope and counts on both engines. */
const FINDINGS: RecordedEvent[] = [
  opened('f-1', 'hosp-1'),
  noticed('f-1', at(21)),
  recorded('finding-f-1', 'DeadlineExtended', { deadlineId: 'rectify', dueAt: at(28), calendarVersion: PROVISIONAL }),
  opened('f-2', 'hosp-2'),
  noticed('f-2', at(5)),
  recorded('finding-f-2', 'FindingEscalated', { findingId: 'f-2', rung: 'reminder-letter', step: 1, deadlineId: 'r1', dueAt: at(12) }),
  opened('f-3', 'hosp-1', at(3)),
  recorded('finding-f-3', 'FindingWithdrawn', { findingId: 'f-3', reason: '误报' }),
  opened('f-4', 'hosp-3', at(4)),
  noticed('f-4', at(21)),
  recorded('finding-f-4', 'SignOffRequested', { findingId: 'f-4', summary: '整改完成' }),
  opened('f-5', 'hosp-2', at(5)),
  noticed('f-5', at(21)),
  recorded('finding-f-5', 'FindingSignedOff', { findingId: 'f-5', onTime: true, signedOffAt: at(6), signedOffBy: 'u', recheckDueAt: null }),
];
const planned = (id: string, kind: string, institutionId: string, plannedDate: string) =>
  recorded(`visit-${id}`, 'VisitPlanned', {
    visitId: id,
    kind,
    institutionId,
    inspectorIds: ['u-1'],
    plannedDate,
    campaignId: null,
    plannedBy: 'u',
  });
const VISITS: RecordedEvent[] = [
  planned('v-1', 'unannounced', 'hosp-1', '2025-03-10'),
  planned('v-2', 'self', 'hosp-2', '2025-03-12'),
  planned('v-3', 'routine', 'hosp-1', '2025-03-14T09:00'),
  recorded('visit-v-3', 'VisitConducted', { visitId: 'v-3', conductedOn: '2025-03-14', inspectorIds: ['u-2'], summary: '已检查' }),
  recorded('visit-v-3', 'VisitClosed', { visitId: 'v-3', findingIds: [], closedAt: at(12) }),
  recorded('visit-v-3', 'VisitReopened', { visitId: 'v-3', findingId: 'f-1', reason: 'r' }),
  recorded('visit-v-3', 'VisitClosed', { visitId: 'v-3', findingIds: [], closedAt: at(13) }),
  recorded('visit-v-3', 'VisitReopened', { visitId: 'v-3', findingId: 'f-1', reason: 'r' }),
  planned('v-4', 'random', 'hosp-1', '2025-03-16'),
  recorded('visit-v-4', 'VisitCancelled', { visitId: 'v-4', reason: '改期', cancelledBy: 'u' }),
];

describe.each(TEST_SQL_DIALECTS)('inspection queries on $name', (dialect) => {
  let test: TestSqlDatabase;
  let ledger: LedgerQueries;
  let visits: VisitQueries;
  const both = ['hosp-1', 'hosp-2'];
  const ids = (rows: readonly { findingId: string }[]) => rows.map((r) => r.findingId);

  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS]);
    await ledgerProjection(test.database).handleBatch(FINDINGS);
    await visitsProjection(test.database).handleBatch(VISITS);
    ledger = new LedgerQueries(test.database);
    visits = new VisitQueries(test.database);
  });
  afterAll(() => test.dispose());

  it('pages the ledger in the order opened, numbering 序号 across pages', async () => {
    const first = await ledger.list({}, both, at(10), undefined, 2);
    expect(first.items.map((r) => [r.seq, r.findingId])).toEqual([
      [1, 'f-1'],
      [2, 'f-2'],
    ]);
    const second = await ledger.list({}, both, at(10), first.nextCursor!, 2);
    expect(second.items.map((r) => [r.seq, r.findingId])).toEqual([
      [3, 'f-3'],
      [4, 'f-5'],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  /** Every page of a sort, two rows at a time: `[seq, findingId]` in the order answered. */
  async function walk(sort: LedgerSort, visible: readonly string[]): Promise<[number, string][]> {
    const rows: [number, string][] = [];
    let cursor: string | undefined;
    do {
      const page = await ledger.list({}, visible, at(10), cursor, 2, sort);
      rows.push(...page.items.map((r): [number, string] => [r.seq, r.findingId]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }

  it('pages each sort to the end, no row skipped or repeated; seq counts places in that order', async () => {
    const all = [...both, 'hosp-3'];
    const numbered = (order: string[]) => order.map((id, i) => [i + 1, id]);
    expect(await walk('opened', all)).toEqual(numbered(['f-1', 'f-2', 'f-3', 'f-4', 'f-5']));
    expect(await walk('-opened', all)).toEqual(numbered(['f-5', 'f-4', 'f-3', 'f-2', 'f-1']));
    // Due dates: f-2 at 12 (its rung's), f-4 and f-5 tie at 21 (in the order opened), f-1 at 28 (extended);
    // withdrawn f-3 never had one and comes last.
    expect(await walk('due', all)).toEqual(numbered(['f-2', 'f-4', 'f-5', 'f-1', 'f-3']));
    expect(await walk('-due', all)).toEqual(numbered(['f-3', 'f-1', 'f-5', 'f-4', 'f-2']));
  });

  it("refuses one sort's cursor in another, even of as many keys", async () => {
    const cursorOf = async (sort: LedgerSort) => (await ledger.list({}, both, at(10), undefined, 1, sort)).nextCursor!;
    const refused = { code: 'PAGING.CURSOR_INVALID', details: { field: 'cursor' } };
    for (const [from, to] of [
      ['due', '-due'],
      ['-due', 'due'],
      ['opened', '-opened'],
      ['-opened', 'opened'],
      ['opened', 'due'],
      ['due', 'opened'],
    ] as const) {
      await expect(ledger.list({}, both, at(10), await cursorOf(from), 1, to)).rejects.toMatchObject(refused);
    }
  });

  it('keeps to the scope: one institution, several, or none', async () => {
    expect(ids((await ledger.list({}, ['hosp-2'], at(10), undefined)).items)).toEqual(['f-2', 'f-5']);
    expect(ids((await ledger.list({}, [...both, 'hosp-3'], at(10), undefined)).items)).toEqual(['f-1', 'f-2', 'f-3', 'f-4', 'f-5']);
    expect((await ledger.list({}, [], at(10), undefined)).items).toEqual([]);
    expect((await ledger.ledger({ institutionId: 'hosp-3' }, both, at(10))).rows).toEqual([]);
  });

  it('flags overdue against the clock: a rung reached, or the current deadline passed', async () => {
    expect(ids((await ledger.list({ overdue: true }, both, at(10), undefined)).items)).toEqual(['f-2']);
    expect(ids((await ledger.list({ overdue: false }, both, at(10), undefined)).items)).toEqual(['f-1', 'f-3', 'f-5']);
    expect(ids((await ledger.list({ overdue: true }, both, at(29), undefined)).items)).toEqual(['f-1', 'f-2']);
    const f1 = await ledger.row('f-1', at(10));
    expect(f1).toMatchObject({ overdue: false, deadline: at(28), currentDueAt: at(28), deadlineProvisional: true, evidence: ['att-1'] });
    expect(await ledger.row('f-5', at(10))).toMatchObject({ signedOff: true, onTime: true, overdue: false });
  });

  it('filters by fields and by the Shanghai date opened', async () => {
    expect(ids((await ledger.list({ status: 'withdrawn' }, both, at(10), undefined)).items)).toEqual(['f-3']);
    expect(ids((await ledger.list({ escalationRung: 'reminder-letter' }, both, at(10), undefined)).items)).toEqual(['f-2']);
    const day = at(3).slice(0, 10);
    expect(ids((await ledger.list({ from: day, to: day }, both, at(10), undefined)).items)).toEqual(['f-3']);
  });

  it('sums a ledger, not counting withdrawn rows', async () => {
    expect((await ledger.ledger({ institutionId: 'hosp-1' }, both, at(29))).summary).toEqual({
      total: 1,
      signedOff: 0,
      open: 1,
      overdue: 1,
      withdrawn: 1,
      closed: false,
    });
  });

  it('counts by group in the same key order on both engines', async () => {
    const counts = await new CountsQueries(test.database).counts({}, [...both, 'hosp-3'], at(10));
    expect(counts).toMatchObject({ total: 5, open: 3, signedOff: 1, withdrawn: 1, overdue: 1 });
    // Code-point order: PostgreSQL under a linguistic collation would put signedOff first.
    expect(counts.byStatus.map((r) => [r.key, r.total])).toEqual([
      ['noticeIssued', 2],
      ['signOffRequested', 1],
      ['signedOff', 1],
      ['withdrawn', 1],
    ]);
    expect(counts.byInstitution.map((r) => [r.key, r.total, r.open, r.overdue])).toEqual([
      ['hosp-1', 2, 1, 0],
      ['hosp-2', 2, 1, 1],
      ['hosp-3', 1, 1, 0],
    ]);
    expect(counts.byEscalationRung).toEqual([{ key: 'reminder-letter', total: 1, open: 1, signedOff: 0, withdrawn: 0, overdue: 1 }]);
    expect((await new CountsQueries(test.database).counts({}, [], at(10))).total).toBe(0);
  });

  it('lists visits newest first, hiding what a hospital must not see ahead', async () => {
    const first = await visits.list({}, both, undefined, 3);
    expect(first.items.map((v) => v.visitId)).toEqual(['v-4', 'v-3', 'v-2']);
    expect((await visits.list({}, both, first.nextCursor!, 3)).items.map((v) => v.visitId)).toEqual(['v-1']);
    expect((await visits.list({ onlyConductedOrSelf: true }, both, undefined)).items.map((v) => v.visitId)).toEqual(['v-3', 'v-2']);
    const march14 = await visits.list({ from: '2025-03-12', to: '2025-03-14' }, both, undefined);
    expect(march14.items.map((v) => v.visitId)).toEqual(['v-3', 'v-2']);
    expect((await visits.list({}, [], undefined)).items).toEqual([]);
    expect(await visits.get('v-3')).toMatchObject({
      status: 'findingsRegistered',
      reopenCount: 2,
      closedAt: null,
      inspectorIds: ['u-2'],
      conductedOn: '2025-03-14',
    });
    expect(await visits.get('v-4')).toMatchObject({ status: 'cancelled', cancelledReason: '改期' });
    expect(await visits.get('nope')).toBeNull();
  });
});
