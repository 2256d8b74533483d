import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { integrityReport } from './integrity-report';
import { CaseHistoryService } from '../history/case-history.service';
import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { AUDIT_MIGRATIONS } from '../audit.migrations';
import { SqlCaseIndex } from '../case-index/sql-case-index.adapter';
import { MemoryCaseIndex } from '../case-index/memory-case-index.adapter';
import { SqlAuditTrail } from '../trail/sql-audit-trail.adapter';
import { LEADER } from '../testing/readers.fixture';
import { LinkedCaseIds, seedLinkedCase } from '../testing/linked-case.fixture';

describe('audit on a SQLite store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let ids: LinkedCaseIds;
  const now = '2025-04-01T00:00:00.000Z';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-audit-'));
    file = join(dir, 'events.sqlite');
    const clock = new FakeClock('2025-03-03T01:00:00.000Z');
    store = SqliteEventStore.open({ file, clock });
    ids = await seedLinkedCase(
      store,
      () => clock.now().toISOString(),
      () => void clock.advanceHours(1),
    );
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an intact log with its hash range, per stream and for the whole log', async () => {
    const whole = await integrityReport(store, { now });
    expect(whole).toMatchObject({
      ok: true,
      scope: 'log',
      headsChecked: true,
      firstBreak: null,
      algorithm: 'SM3',
      verifiedAt: now,
      firstPosition: 1,
    });
    expect(whole.events).toBe(whole.lastPosition);
    const [first] = await store.readAll({ maxCount: 1 });
    expect(whole.firstHash).toBe(first!.metadata.hash);
    const ticket = await store.readStream(ids.ticket);
    const one = await integrityReport(store, { stream: ids.ticket, now });
    expect(one).toMatchObject({
      ok: true,
      scope: 'streams',
      streams: 1,
      events: ticket.length,
      lastHash: ticket[ticket.length - 1]!.metadata.hash,
    });
    expect(one.perStream).toEqual([
      {
        stream: ids.ticket,
        events: ticket.length,
        firstHash: ticket[0]!.metadata.hash,
        lastHash: ticket[ticket.length - 1]!.metadata.hash,
        ok: true,
      },
    ]);
  });

  it('finds an event edited in the file behind the store’s back', async () => {
    const intruder = new Database(file);
    intruder
      .prepare("UPDATE events SET data = json_set(data, '$.points', 1) WHERE stream = ? AND type = 'CreditPointsAdded' AND revision = 2")
      .run(ids.credit);
    intruder.close();
    const report = await integrityReport(store, { streams: [ids.ticket, ids.credit, ids.finding], now });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ streamName: ids.credit, revision: 2, problem: 'content' });
    expect(report.perStream.find((s) => s.stream === ids.credit)!.ok).toBe(false);
    expect(report.perStream.find((s) => s.stream === ids.ticket)!.ok).toBe(true);
    expect((await integrityReport(store, { now })).firstBreak).toMatchObject({ streamName: ids.credit, revision: 2 });
  });

  it('finds a stream’s newest event deleted behind the store’s back (whole-log report only)', async () => {
    const [last] = await store.readStream(ids.ticket, { direction: 'backwards', maxCount: 1 });
    const head = (await store.headPosition())!;
    const intruder = new Database(file);
    intruder.prepare('DELETE FROM events WHERE position = ?').run(last!.position);
    intruder.close();
    expect((await integrityReport(store, { stream: ids.ticket, now })).ok).toBe(true); // a shorter valid chain
    const whole = await integrityReport(store, { now });
    expect(whole).toMatchObject({ ok: false, headsChecked: true, firstBreak: { problem: 'missing' } });
    expect(whole.firstBreak!.position).toBe(last!.position === head ? last!.position : last!.position + 1);
  });

  it('indexes into the store’s own file and answers like the memory index', async () => {
    const database = openSqliteDatabase({ file: store.database });
    await migrateToLatest(database, [PROCESSING_MIGRATIONS, AUDIT_MIGRATIONS]);
    const sqliteIndex = new SqlCaseIndex(database);
    const memoryIndex = new MemoryCaseIndex();
    const all = await store.readAll();
    await sqliteIndex.handleBatch(all);
    await sqliteIndex.handleBatch(all); // redelivery changes nothing
    for (const e of all) await memoryIndex.handle(e);
    expect(await sqliteIndex.checkpoint()).toBe(all[all.length - 1]!.position);
    expect((await sqliteIndex.streamsByCorrelation(ids.correlationId)).sort()).toEqual(
      (await memoryIndex.streamsByCorrelation(ids.correlationId)).sort(),
    );
    const trail = new SqlAuditTrail(database);
    const clock = new FakeClock(now);
    const viaSqlite = await new CaseHistoryService(store, sqliteIndex, { trail, clock }).history(ids.ticket, {
      pageSize: 100,
      reader: LEADER,
      purpose: '审计',
    });
    const viaMemory = await new CaseHistoryService(store, memoryIndex).history(ids.ticket, { pageSize: 100 });
    expect(viaSqlite).toEqual(viaMemory);
    expect(viaSqlite.streams).toHaveLength(7);
    expect(await trail.list({ stream: ids.ticket })).toEqual([
      { at: now, reader: LEADER, stream: ids.ticket, action: 'history', purpose: '审计', detail: { page: 1, pageSize: 100, asOf: null } },
    ]);
  });
});
