import { DomainEvent } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { draft, history, markCorrected, publish } from '../domain/public-notice.fixtures';
import { noticesProjection } from './notices.projection';
import { NOTICES_MIGRATIONS } from './notices-read-model.schema';
import { NoticeQueries } from './notices.queries';

let position = 0;
function recorded(event: DomainEvent, noticeId: string): RecordedEvent {
  position += 1;
  const metadata = { eventId: `ev-${position}`, occurredAt: '2025-04-01T02:00:00.000Z' } as RecordedEvent['metadata'];
  return { type: event.type, data: event.data, metadata, streamName: `publicNotice-${noticeId}`, revision: 0, position };
}
const of = (noticeId: string, events: readonly DomainEvent[]) => events.map((e) => recorded(e, noticeId));

const FIVE_YEARS = { class: 'adverse' as const, until: '2030-04-01T02:00:00.000Z', policyVersion: 'credit@1' };
const RED_LIST = { class: 'basic' as const, until: null, policyVersion: 'credit@1' };

/**
 * city-1 publishes n-1 (adverse), drafts its correction n-2, marks n-1 corrected — and only then
 * publishes n-2; n-3 is a draft; city-2 publishes a red-list notice n-4.
 */
function notices(): { before: RecordedEvent[]; after: RecordedEvent[] } {
  const n1 = history([draft(), publish({ publicity: FIVE_YEARS })]);
  const n2 = history([draft({ noticeId: 'n-2', corrects: { noticeId: 'n-1', documentNo: '1号', title: '原通报' } })]);
  const n3 = history([draft({ noticeId: 'n-3', title: '四月通报' })]);
  const n4 = history([
    draft({ noticeId: 'n-4', issuingUnitId: 'city-2', kind: 'credit-list-changes' }),
    publish({ noticeId: 'n-4', documentNo: '乙卫健监整〔2025〕1号', publicity: RED_LIST }),
  ]);
  const mark = history([draft(), publish(), markCorrected('n-2')]).slice(2);
  const n2Published = history([
    draft({ noticeId: 'n-2', corrects: { noticeId: 'n-1', documentNo: '1号', title: '原通报' } }),
    publish({ noticeId: 'n-2', documentNo: '2号', publicity: FIVE_YEARS }),
  ]).slice(1);
  return {
    before: [...of('n-1', n1), ...of('n-2', n2), ...of('n-3', n3), ...of('n-4', n4), ...of('n-1', mark)],
    after: of('n-2', n2Published),
  };
}

describe.each(TEST_SQL_DIALECTS)('notices read model on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: NoticeQueries;
  const events = notices();
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, NOTICES_MIGRATIONS]);
    const projection = noticesProjection(test.database);
    await projection.handleBatch(events.before);
    await projection.handleBatch(events.before); // redelivered: the checkpoint ignores it
    queries = new NoticeQueries(test.database);
  });
  afterAll(() => test.dispose());

  const publicIds = async (now: string) =>
    (await queries.published(now, undefined, undefined, 10)).items.map((n) => [n.noticeId, n.correctedById]);

  it('lists the staff’s notices of their units, drafts included, newest drafted first, by status', async () => {
    const ids = async (units: string[], filter = {}) => (await queries.staff(units, filter, undefined, 10)).items.map((n) => n.noticeId);
    expect(await ids(['city-1'])).toEqual(['n-3', 'n-2', 'n-1']);
    expect(await ids(['city-1'], { status: 'draft' })).toEqual(['n-3', 'n-2']);
    expect(await ids(['city-2'], { kind: 'credit-list-changes' })).toEqual(['n-4']);
    expect(await ids([])).toEqual([]);
    const [n3, n2] = (await queries.staff(['city-1'], {}, undefined, 10)).items;
    expect(n3).toMatchObject({ title: '四月通报', status: 'draft', period: { from: '2025-03-01', to: '2025-03-31' }, documentNo: null });
    expect(n2).toMatchObject({ correctsId: 'n-1', withdraw: false });
  });

  it('lists the public’s notices newest published first, naming a correction only once it is published', async () => {
    expect(await publicIds('2025-04-02T00:00:00.000Z')).toEqual([
      ['n-4', null],
      ['n-1', null],
    ]);
    await noticesProjection(test.database).handleBatch(events.after);
    expect(await publicIds('2025-04-02T00:00:00.000Z')).toEqual([
      ['n-2', null],
      ['n-4', null],
      ['n-1', 'n-2'],
    ]);
    const [n2] = (await queries.published('2025-04-02T00:00:00.000Z', undefined, undefined, 1)).items;
    expect(n2).toMatchObject({ documentNo: '2号', publicUntil: FIVE_YEARS.until, publishedAt: '2025-04-01T02:00:00.000Z' });
  });

  it('leaves adverse notices out once their five years are over, and pages', async () => {
    expect(await publicIds('2030-04-01T02:00:00.000Z')).toEqual([['n-4', null]]);
    const first = await queries.published('2025-04-02T00:00:00.000Z', undefined, undefined, 2);
    const second = await queries.published('2025-04-02T00:00:00.000Z', undefined, first.nextCursor!, 2);
    expect([...first.items, ...second.items].map((n) => n.noticeId)).toEqual(['n-2', 'n-4', 'n-1']);
    expect(second.nextCursor).toBeNull();
  });
});
