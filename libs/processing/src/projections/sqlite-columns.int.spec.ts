import Database from 'better-sqlite3';
import { addMissingColumns } from './sqlite-columns';

describe('addMissingColumns', () => {
  it('adds the columns a read-model table lacks, keeps its rows, and is a no-op the second time or without the table', () => {
    const db = new Database(':memory:');
    db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, due_at TEXT); INSERT INTO t VALUES ('1', '2027-01-05T15:59:59.999Z')");
    addMissingColumns(db, 't', { due_at: 'TEXT', calendar_version: 'TEXT' });
    addMissingColumns(db, 't', { calendar_version: 'TEXT' });
    addMissingColumns(db, 'absent', { calendar_version: 'TEXT' });
    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ id: '1', due_at: '2027-01-05T15:59:59.999Z', calendar_version: null }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'absent'").all()).toEqual([]);
    db.close();
  });
});
