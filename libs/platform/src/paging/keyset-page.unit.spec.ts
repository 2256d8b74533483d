import Database from 'better-sqlite3';
import { DomainError } from '@bihuan/core';
import { keysetPage, SortKey } from './keyset-page';
import { decodeCursor, encodeCursor } from './page-cursor';

type Row = { id: string; at: string; unit: string };

/** Newest first with ties on `at` broken by id ascending: the complaints list's mixed directions. */
const ORDER: readonly SortKey<Row>[] = [
  { column: 'at', descending: true, of: (r) => r.at },
  { column: 'id', of: (r) => r.id },
];

function table(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, at TEXT NOT NULL, unit TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  // Seven rows, three sharing one instant, one outside the filter.
  for (const [id, at, unit] of [
    ['a', '2025-03-01', 'u1'],
    ['b', '2025-03-02', 'u1'],
    ['c', '2025-03-02', 'u1'],
    ['d', '2025-03-02', 'u1'],
    ['e', '2025-03-03', 'u2'],
    ['f', '2025-03-04', 'u1'],
    ['g', '2025-03-05', 'u1'],
  ])
    insert.run(id, at, unit);
  return db;
}

const page = (db: Database.Database, cursor: string | undefined, pageSize = 2) =>
  keysetPage(db, {
    select: 'SELECT * FROM t',
    where: 'unit = @unit',
    params: { unit: 'u1' },
    order: ORDER,
    cursor,
    pageSize,
    map: (r: Row, seq: number) => `${seq}:${r.id}`,
  });

describe('keysetPage', () => {
  it('walks every matching row once, in order, across ties, numbering on, and ends with nextCursor null', () => {
    const db = table();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = page(db, cursor);
      seen.push(...p.items);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['1:g', '2:f', '3:b', '4:c', '5:d', '6:a']);
  });

  it('answers no cursor when the rows end exactly at a page boundary', () => {
    expect(page(table(), undefined, 6)).toEqual({ items: ['1:g', '2:f', '3:b', '4:c', '5:d', '6:a'], nextCursor: null });
  });

  it("refuses another list's cursor as a 400 naming the field", () => {
    const foreign = encodeCursor({ after: ['2025-03-02'], before: 2 });
    expect(() => page(table(), foreign)).toThrow(DomainError);
    try {
      page(table(), foreign);
    } catch (error) {
      expect(error).toMatchObject({ code: 'PAGING.CURSOR_INVALID', kind: 'validation', details: { field: 'cursor' } });
    }
  });
});

describe('page cursor', () => {
  it('round-trips sort keys and the rows before, and rejects anything this API did not make', () => {
    const cursor = encodeCursor({ after: [42, 'visit-9'], before: 40 });
    expect(decodeCursor(cursor)).toEqual({ after: [42, 'visit-9'], before: 40 });
    for (const bad of ['', 'page-2!', '2', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(decodeCursor(Buffer.from('[1, -1]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('[{"x":1}, 0]').toString('base64url'))).toBeNull();
  });
});
