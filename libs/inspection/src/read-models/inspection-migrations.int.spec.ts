import { migrateToLatest, openSqliteDatabase } from '@bihuan/database';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { INSPECTION_MIGRATIONS } from './inspection-read-model.schema';

describe('INSPECTION_MIGRATIONS on a SQLite data directory from before migrations', () => {
  it('adopts the tables the schema check made, adding the calendar-version columns an older release lacked', async () => {
    const database = openSqliteDatabase({ file: ':memory:' });
    const raw = database.sqlite!;
    // The first release's ledger table (abridged: the columns matter, not their number) with a row in it.
    raw.exec(`CREATE TABLE inspection_findings (finding_id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, visit_id TEXT NOT NULL,
      opened_position INTEGER NOT NULL,
      rectify_due_at TEXT, current_due_at TEXT);
      INSERT INTO inspection_findings VALUES ('f-1', 'hosp-1', 'v-1', 7, NULL, NULL);`);
    expect(await migrateToLatest(database, [PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS])).toContain('inspection/0001-baseline');
    const columns = (raw.prepare('PRAGMA table_info(inspection_findings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['rectify_calendar_version', 'current_calendar_version']));
    expect(raw.prepare('SELECT finding_id FROM inspection_findings').pluck().all()).toEqual(['f-1']);
    const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'inspection_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['inspection_findings_opened', 'inspection_visits_created']));
    await database.close();
  });
});
