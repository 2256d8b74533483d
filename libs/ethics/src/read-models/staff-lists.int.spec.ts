import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ETHICS_MIGRATIONS } from './ethics-read-model.schema';
import { ethicsProjection } from './ethics.projection';
import { StaffListQueries } from './staff-lists.queries';

const T0 = '2025-03-03T01:00:00.000Z';
let position = 0;
const ev = (streamName: string, type: string, data: object): RecordedEvent => ({
  streamName,
  revision: position,
  position: ++position,
  type,
  data,
  metadata: {
    eventId: `e-${position}`,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'insp-1', role: 'inspector', unit: 'county' },
    occurredAt: T0,
    recordedAt: T0,
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
});
const added = (staffId: string, institutionId: string, entryId: string, list: 'red' | 'black', listedAt: string) =>
  ev(`ethicsArchive-${staffId}`, 'StaffListEntryAdded', {
    entryId,
    staffId,
    institutionId,
    list,
    reason: `${list} ${entryId}`,
    recordIds: list === 'black' ? ['R9'] : [],
    listedAt,
    expiresAt: '2026-06-30T16:00:00.000Z',
    deadlineId: `${list}-list-${entryId}`,
    listedBy: 'insp-1',
    policyVersion: 'ethics-default@1',
  });

const EVENTS = [
  ev('ethicsArchive-S1', 'EthicsArchiveOpened', {
    staffId: 'S1',
    institutionId: 'H1',
    departmentId: 'cardiology',
    name: '王医生',
    openedBy: 'u',
    implicit: false,
  }),
  added('S1', 'H1', 'E1', 'red', '2025-03-01T00:00:00.000Z'),
  added('S1', 'H1', 'E2', 'black', '2025-03-02T00:00:00.000Z'),
  added('S2', 'H1', 'E3', 'red', '2025-03-03T00:00:00.000Z'),
  added('S3', 'H2', 'E4', 'red', '2025-03-04T00:00:00.000Z'),
  ev('ethicsArchive-S2', 'StaffListEntryRemoved', {
    entryId: 'E3',
    staffId: 'S2',
    list: 'red',
    reason: '核查撤销',
    removedAt: T0,
    removedBy: 'insp-1',
  }),
  ev('ethicsArchive-S3', 'StaffListEntryExpired', { entryId: 'E4', staffId: 'S3', list: 'red', expiredAt: T0 }),
];

describe.each(TEST_SQL_DIALECTS)('staff 红黑榜 in the ethics read model on $name', (dialect) => {
  let test: TestSqlDatabase;
  let queries: StaffListQueries;
  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, ETHICS_MIGRATIONS]);
    const projection = ethicsProjection(test.database);
    await projection.handleBatch(EVENTS.slice(0, 4));
    for (const e of EVENTS) await projection.handle(e); // the first four again: ignored by the checkpoint
    queries = new StaffListQueries(test.database);
  });
  afterAll(() => test.dispose());

  it('answers a staff member’s entries on the reader’s lists, newest first, with how each ended', async () => {
    expect((await queries.entries('S1', ['red', 'black'])).map((e) => [e.entryId, e.list, e.status, e.recordIds])).toEqual([
      ['E2', 'black', 'active', ['R9']],
      ['E1', 'red', 'active', []],
    ]);
    expect((await queries.entries('S1', ['red'])).map((e) => e.entryId)).toEqual(['E1']);
    expect(await queries.entries('S2', ['red'])).toEqual([
      expect.objectContaining({ entryId: 'E3', status: 'removed', endedAt: T0, endReason: '核查撤销' }),
    ]);
    expect((await queries.entries('S3', ['red']))[0]).toMatchObject({ status: 'expired', endedAt: T0, endReason: null });
    expect(await queries.entries('S1', [])).toEqual([]);
  });

  it('answers an institution’s 荣誉榜: its staff on the red list now, never the black list nor an ended or lapsed entry', async () => {
    expect(await queries.honourRoll('H1', '2025-06-01T00:00:00.000Z')).toEqual([
      {
        entryId: 'E1',
        name: '王医生',
        departmentId: 'cardiology',
        reason: 'red E1',
        listedAt: '2025-03-01T00:00:00.000Z',
        expiresAt: '2026-06-30T16:00:00.000Z',
      },
    ]);
    expect(await queries.honourRoll('H1', '2026-07-01T00:00:00.000Z')).toEqual([]);
    expect(await queries.honourRoll('H2', '2025-06-01T00:00:00.000Z')).toEqual([]);
  });

  it('tells per staff member which lists they are on now, among those the reader sees', async () => {
    expect(Object.fromEntries(await queries.activeLists(['H1', 'H2'], ['red', 'black']))).toEqual({ S1: ['red', 'black'] });
    expect(Object.fromEntries(await queries.activeLists(['H1'], ['red']))).toEqual({ S1: ['red'] });
    expect((await queries.activeLists([], ['red'])).size).toBe(0);
  });
});
