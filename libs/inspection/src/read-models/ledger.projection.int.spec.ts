import { MemoryEventStore } from '@bihuan/event-store';
import { handleCommand, PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { findingDecider, FindingCommand } from '../domain';
import * as F from '../domain/finding/finding.fixtures';
import { at, cmd, inspector } from '../domain/inspection.fixtures';
import { RecordNoticeDocument } from '../domain/finding/finding.commands';
import { INSPECTION_MIGRATIONS } from './inspection-read-model.schema';
import { ledgerProjection } from './ledger.projection';
import { LedgerQueries } from './ledger.queries';

describe.each(TEST_SQL_DIALECTS)('ledger projection on $name', (dialect) => {
  let test: TestSqlDatabase;
  const store = new MemoryEventStore(new FakeClock(at(0)));

  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS]);
    const commands: FindingCommand[] = [
      F.open({ institutionId: 'hosp-1' }),
      F.notice(),
      F.plan({ id: 'h', role: 'hospital', unit: 'hosp-1' }),
      F.expire('rectify', F.RECTIFY_DUE, F.RECTIFY_DUE, {
        startedAt: F.RECTIFY_DUE,
        dueAt: at(30),
        workingDays: 5,
        calendarVersion: 'v',
        warnAt: [],
        policy: {},
      }),
    ];
    for (const c of commands) await handleCommand(store, 'finding-f-1', findingDecider, c);
  });
  afterAll(async () => {
    await test.dispose();
    await store.close();
  });

  it('builds one ledger row per finding, and a rebuild (clear + replay) gives the same rows', async () => {
    const projection = ledgerProjection(test.database);
    for (const e of await store.readAll()) await projection.handle(e);
    const queries = new LedgerQueries(test.database);
    const before = await queries.ledger({ institutionId: 'hosp-1' }, ['hosp-1'], at(22));
    expect(before.rows).toHaveLength(1);
    expect(before.rows[0]).toMatchObject({
      status: 'inProgress',
      measures: '全院警示教育，签订廉洁承诺书',
      escalationRung: 'reminder-letter',
      currentDueAt: at(30),
      deadline: F.RECTIFY_DUE,
      overdue: true,
    });
    for (const e of await store.readAll()) await projection.handle(e); // a redelivery changes nothing
    expect(await queries.ledger({ institutionId: 'hosp-1' }, ['hosp-1'], at(22))).toEqual(before);
    await projection.reset();
    expect((await queries.ledger({ institutionId: 'hosp-1' }, ['hosp-1'], at(22))).rows).toEqual([]);
    for (const e of await store.readAll()) await projection.handle(e);
    expect(await queries.ledger({ institutionId: 'hosp-1' }, ['hosp-1'], at(22))).toEqual(before);
    expect((await queries.ledger({ institutionId: 'hosp-1' }, ['hosp-2'], at(22))).rows).toEqual([]); // not visible
  });

  it('keeps the printed 整改通知书 number beside the typed one', async () => {
    const printed = (kind: RecordNoticeDocument['data']['kind'], documentNo: string) =>
      cmd<RecordNoticeDocument>(
        'RecordNoticeDocument',
        {
          findingId: 'f-2',
          kind,
          documentNo,
          issuingUnitId: 'city-1',
          digest: 'a'.repeat(64),
          templateVersion: 1,
          templateDigest: 'b'.repeat(64),
          fileName: 'notice.docx',
          fields: { documentNo },
        },
        inspector,
        at(2),
      );
    const f2 = (c: FindingCommand) => handleCommand(store, 'finding-f-2', findingDecider, c);
    await f2(F.open({ findingId: 'f-2', institutionId: 'hosp-9' }));
    const notice = F.notice();
    await f2({ ...notice, data: { ...notice.data, findingId: 'f-2' } });
    const projection = ledgerProjection(test.database);
    const queries = new LedgerQueries(test.database);
    const noticeOf = async () => {
      for (const e of await store.readAll()) await projection.handle(e);
      const [r] = (await queries.ledger({ institutionId: 'hosp-9' }, ['hosp-9'], at(3))).rows;
      return [r?.noticeNo, r?.noticeDocumentNo];
    };
    expect(await noticeOf()).toEqual(['整改〔2025〕1号', null]);
    await f2(printed('rectification-notice', '甲卫健监整〔2025〕7号'));
    expect(await noticeOf()).toEqual(['整改〔2025〕1号', '甲卫健监整〔2025〕7号']);
  });

  it('skips an event that no decider wrote (a malformed FindingOpened) instead of wedging', async () => {
    const metadata = {
      eventId: 'bad-1',
      correlationId: 'c',
      causationId: null,
      actor: { id: 'x', role: 'system' as const, unit: 'root' },
      occurredAt: at(0),
      schemaVersion: 1,
    };
    await store.append('finding-broken', [{ type: 'FindingOpened', data: {}, metadata }], 'no_stream');
    const projection = ledgerProjection(test.database);
    const events = await store.readAll();
    await expect(projection.handle(events[events.length - 1]!)).resolves.toBeUndefined();
    expect(await new LedgerQueries(test.database).row('broken', at(0))).toBeNull();
  });
});
