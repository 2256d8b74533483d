import Database from 'better-sqlite3';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { applyDeadlineEvent } from './pending-deadlines';
import { SqlitePendingDeadlines } from './sqlite-pending-deadlines.adapter';

const PROVISIONAL = 'cn@chinese-days-1.5.7+provisional:2027@statutory-2025';
const OFFICIAL = 'cn@chinese-days-1.5.7+2027@15e6615f18a1';

function recorded(type: string, data: Record<string, unknown>, n: number): RecordedEvent {
  return {
    type,
    data,
    streamName: 'finding-1',
    revision: n,
    position: n,
    metadata: {
      eventId: `e${n}`,
      correlationId: 'c',
      causationId: null,
      actor: { id: 'system', role: 'system', unit: 'root' },
      occurredAt: '',
      recordedAt: '',
      schemaVersion: 1,
      prevHash: null,
      hash: '',
    },
  } as unknown as RecordedEvent;
}

describe('SqlitePendingDeadlines', () => {
  it('keeps the calendar version of each row and follows a recompute to the official version', () => {
    const db = new Database(':memory:');
    const rows = new SqlitePendingDeadlines(db);
    const set = {
      deadlineId: 'rectify',
      purpose: 'rectify',
      startedAt: '2026-12-14T02:00:00.000Z',
      dueAt: '2027-01-05T15:59:59.999Z',
      workingDays: 15,
      calendarVersion: PROVISIONAL,
      warnAt: ['2026-12-24T04:00:00.000Z'],
      policy: {},
    };
    applyDeadlineEvent(rows, recorded('DeadlineSet', set, 0));
    expect(rows.list()[0]).toMatchObject({ calendarVersion: PROVISIONAL, dueAt: set.dueAt });
    const data = {
      deadlineId: 'rectify',
      previousDueAt: set.dueAt,
      dueAt: '2027-01-06T15:59:59.999Z',
      warnAt: ['2026-12-24T16:00:00.000Z'],
      previousCalendarVersion: PROVISIONAL,
      calendarVersion: OFFICIAL,
      recomputedAt: '2026-12-20T02:00:00.000Z',
      remainingMs: null,
    };
    applyDeadlineEvent(rows, recorded('DeadlineRecomputed', data, 1));
    expect(rows.list()).toEqual([
      expect.objectContaining({
        status: 'pending',
        dueAt: data.dueAt,
        warnAt: data.warnAt,
        warned: [],
        calendarVersion: OFFICIAL,
        causationId: 'e1',
      }),
    ]);
  });

  it('drops a table of the older schema with its checkpoint, so the projection rebuilds it from the log', () => {
    const db = new Database(':memory:');
    db.exec(
      `CREATE TABLE pending_deadlines (stream TEXT, deadline_id TEXT, purpose TEXT, status TEXT, due_at TEXT, warn_at TEXT, warned TEXT, correlation_id TEXT, causation_id TEXT)`,
    );
    db.exec(`INSERT INTO pending_deadlines VALUES ('s', 'd', 'p', 'pending', 'x', '[]', '[]', 'c', 'e')`);
    const checkpoints = new SqliteCheckpointStore(db);
    checkpoints.saveSync('pendingDeadlines', 41);
    checkpoints.saveSync('other', 7);
    const rows = new SqlitePendingDeadlines(db);
    expect(rows.list()).toEqual([]);
    expect(checkpoints.loadSync('pendingDeadlines')).toBeNull();
    expect(checkpoints.loadSync('other')).toBe(7);
  });
});
