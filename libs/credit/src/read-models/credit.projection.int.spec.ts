import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RecordedEvent } from '@bihuan/event-store';
import { CreditArchiveEvent } from '../domain/archive/credit-archive.events';
import { inspector, open, points, revoke, run, T0 } from '../testing/credit-test-fixtures';
import { creditProjection } from './credit.projection';

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

describe('credit projection (SQLite file)', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-credit-rm-'));
    db = new Database(join(dir, 'read-models.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one row per entry from its own stream or an old archive stream, and the archive state without points', () => {
    const opened = run([open()]);
    const later = run([points('P1', 'kickbacks'), points('P2', 'commissions'), revoke('P1')], opened);
    const events = recorded([
      ...opened.map((event) => ({ event })),
      { event: legacy, stream: 'creditArchive-H1' },
      ...later.slice(opened.length).map((event) => ({ event })),
    ]);
    const projection = creditProjection(db);
    for (const e of events) projection.handle(e);
    for (const e of events) projection.handle(e); // redelivered: ignored by the checkpoint
    const rows = db.prepare('SELECT points_id, cycle_no, revoked FROM credit_points ORDER BY points_id').all();
    expect(rows).toEqual([
      { points_id: 'OLD', cycle_no: 1, revoked: 0 },
      { points_id: 'P1', cycle_no: 1, revoked: 1 },
      { points_id: 'P2', cycle_no: 1, revoked: 0 },
    ]);
    const archives = db.prepare('SELECT institution_id, state FROM credit_archive_states').all() as {
      institution_id: string;
      state: string;
    }[];
    expect(archives.map((a) => a.institution_id)).toEqual(['H1']);
    const state = JSON.parse(archives[0]!.state) as Record<string, unknown>;
    expect(state).not.toHaveProperty('points');
    expect(state['measures']).toEqual([expect.objectContaining({ cycleNo: 1, thresholdPoints: 12, pointsId: 'P2' })]);
  });
});
