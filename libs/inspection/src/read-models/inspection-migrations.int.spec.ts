import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { INSPECTION_MIGRATIONS, NO_DUE_DATE } from './inspection-read-model.schema';

describe('INSPECTION_MIGRATIONS on a SQLite data directory from before migrations', () => {
  it('adopts the tables the schema check made, adding the calendar-version columns an older release lacked and the due-date sort column', async () => {
    const database = openSqliteDatabase({ file: ':memory:' });
    const raw = database.sqlite!;
    // The first release's ledger table (abridged: the columns matter, not their number) with a row in it.
    raw.exec(`CREATE TABLE inspection_findings (finding_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, visit_id TEXT NOT NULL,
      opened_position INTEGER NOT NULL,
      rectify_due_at TEXT, current_due_at TEXT);
      INSERT INTO inspection_findings VALUES ('f-1', 'hosp-1', 'v-1', 7, NULL, NULL);
      INSERT INTO inspection_findings VALUES ('f-2', 'hosp-1', 'v-1', 8, '2025-03-21T09:00:00.000Z', '2025-03-28T09:00:00.000Z');`);
    expect(await migrateToLatest(database, [PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS])).toContain('inspection/0001-baseline');
    const columns = (raw.prepare('PRAGMA table_info(inspection_findings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['rectify_calendar_version', 'current_calendar_version']));
    // The due-date sort's column copies each row's current due date; a row without one sorts last.
    expect(raw.prepare('SELECT finding_id, due_order FROM inspection_findings ORDER BY opened_position').all()).toEqual([
      { finding_id: 'f-1', due_order: NO_DUE_DATE },
      { finding_id: 'f-2', due_order: '2025-03-28T09:00:00.000Z' },
    ]);
    const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'inspection_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['inspection_findings_opened', 'inspection_findings_due', 'inspection_visits_created']));
    await database.close();
  });
});
