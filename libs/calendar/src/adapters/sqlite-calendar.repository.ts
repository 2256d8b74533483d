import type { Database } from 'better-sqlite3';
import { CalendarYearData, canonicalYearJson, yearContentHash } from '../calendar-data';
import { parseCalendarImport } from '../calendar-import';
import { CalendarRepository } from '../calendar.repository';

interface YearRow {
  year: number;
  content: string;
}

/**
 * Imported calendar years in a `calendar_years` table of the store's SQLite file (the embedded
 * default), one row per year: the canonical JSON and its content hash. Rows are validated again on
 * load, so a hand-edited row fails loudly instead of skewing deadlines.
 */
export class SqliteCalendarRepository implements CalendarRepository {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS calendar_years (
      year INTEGER PRIMARY KEY,
      content TEXT NOT NULL,
      content_hash TEXT NOT NULL
    )`);
  }

  async load(): Promise<CalendarYearData[]> {
    const rows = this.db.prepare('SELECT year, content FROM calendar_years ORDER BY year').all() as YearRow[];
    return rows.map((row) => parseCalendarImport(JSON.parse(row.content) as unknown));
  }

  async save(year: CalendarYearData): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO calendar_years (year, content, content_hash) VALUES (?, ?, ?)
         ON CONFLICT(year) DO UPDATE SET content = excluded.content, content_hash = excluded.content_hash`,
      )
      .run(year.year, canonicalYearJson(year), yearContentHash(year));
  }
}
