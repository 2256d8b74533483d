import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteCheckpointStore } from '../checkpoints/sqlite-checkpoint-store.adapter';
import { SqliteProjection } from './sqlite-projection';

describe('SQLite checkpoints and projections (real file)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-proj-'));
    file = join(dir, 'bihuan.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('SqliteCheckpointStore keeps checkpoints across reopening the file', async () => {
    const a = new SqliteCheckpointStore(file);
    expect(await a.load('p')).toBeNull();
    await a.save('p', 7);
    await a.save('p', 9);
    a.close();
    const b = new SqliteCheckpointStore(file);
    expect(await b.load('p')).toBe(9);
    await b.delete('p');
    expect(await b.load('p')).toBeNull();
    b.close();
  });

  it('SqliteProjection writes rows and checkpoint in one transaction: a failing apply leaves neither', () => {
    const db = new Database(file);
    db.exec('CREATE TABLE rows (position INTEGER)');
    const p = new SqliteProjection({
      name: 'rows',
      db,
      apply: (e, d) => {
        d.prepare('INSERT INTO rows VALUES (?)').run(e.position);
        if (e.type === 'Bad') throw new Error('half-way');
      },
      tables: ['rows'],
    });
    const ev = (position: number, type: string) => ({ position, type }) as RecordedEvent;
    p.handle(ev(1, 'Good'));
    expect(() => p.handle(ev(2, 'Bad'))).toThrow('half-way');
    p.handle(ev(1, 'Good')); // already applied: skipped
    expect(db.prepare('SELECT position FROM rows').all()).toEqual([{ position: 1 }]);
    expect(p.checkpoints.loadSync('rows')).toBe(1);
    p.reset();
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 0 });
    expect(p.checkpoints.loadSync('rows')).toBeNull();
    db.close();
  });
});
