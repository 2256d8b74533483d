import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCalendarImport } from '../calendar-import';
import { CalendarImportError } from '../calendar.errors';
import { CalendarProvider } from '../calendar.provider';
import { SqliteCalendarRepository } from './sqlite-calendar.repository';

describe('SqliteCalendarRepository (real SQLite file)', () => {
  let dir: string;
  let file: string;
  const example = () =>
    parseCalendarImport(JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'cn-2027.example.json'), 'utf8')) as unknown);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-calendar-'));
    file = join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts empty, saves, replaces a year, and survives reopening the file', async () => {
    const db = new Database(file);
    const repository = new SqliteCalendarRepository(db);
    expect(await repository.load()).toEqual([]);
    const y2027 = example();
    await repository.save(y2027);
    await repository.save({ ...y2027, year: 2028, holidays: { '2028-01-01': '元旦' }, makeupWorkdays: {} });
    const corrected = { ...y2027, holidays: { ...y2027.holidays, '2027-04-06': '清明' } };
    await repository.save(corrected);
    db.close();

    const reopened = new Database(file);
    const loaded = await new SqliteCalendarRepository(reopened).load();
    expect(loaded.map((y) => y.year)).toEqual([2027, 2028]);
    expect(loaded[0]).toEqual(corrected);
    const row = reopened.prepare('SELECT content_hash FROM calendar_years WHERE year = 2027').get() as { content_hash: string };
    const provider = await CalendarProvider.fromRepository(new SqliteCalendarRepository(reopened));
    expect(provider.current().version).toContain(`+2027@${row.content_hash}`);
    expect(provider.current().isWorkingDay('2027-04-06')).toBe(false);
    reopened.close();
  });

  it('refuses a corrupted row on load instead of computing with it', async () => {
    const db = new Database(file);
    const repository = new SqliteCalendarRepository(db);
    await repository.save(example());
    db.prepare(`UPDATE calendar_years SET content = json_set(content, '$.makeupWorkdays."2027-02-17"', '春节')`).run();
    await expect(repository.load()).rejects.toBeInstanceOf(CalendarImportError);
    db.close();
  });
});
