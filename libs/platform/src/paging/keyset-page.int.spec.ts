import { MigrationSet } from '@bihuan/database';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { DomainError } from '@bihuan/core';
import { keysetPage, SortKey } from './keyset-page';
import { decodeCursor, encodeCursor } from './page-cursor';

type Row = { id: string; at: string; unit: string };

/** Newest first with ties on `at` broken by id ascending: the complaints list's mixed directions. */
const ORDER: readonly SortKey<Row>[] = [
  { column: 'at', descending: true, of: (r) => r.at },
  { column: 'id', of: (r) => r.id },
];

const T: MigrationSet = {
  owner: 'spec',
  migrations: {
    '0001-t': async (db) => {
      await db.schema
        .createTable('t')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

type Tables = { t: Row };

describe.each(TEST_SQL_DIALECTS)('keysetPage on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeAll(async () => {
    test = await dialect.open([T]);
    // Seven rows, three sharing one instant, one outside the filter.
    await test.database.db
      .withTables<Tables>()
      .insertInto('t')
      .values(
        [
          ['a', '2025-03-01', 'u1'],
          ['b', '2025-03-02', 'u1'],
          ['c', '2025-03-02', 'u1'],
          ['d', '2025-03-02', 'u1'],
          ['e', '2025-03-03', 'u2'],
          ['f', '2025-03-04', 'u1'],
          ['g', '2025-03-05', 'u1'],
        ].map(([id, at, unit]) => ({ id: id!, at: at!, unit: unit! })),
      )
      .execute();
  });
  afterAll(() => test.dispose());

  const page = (cursor: string | undefined, pageSize = 2, orderName?: string) =>
    keysetPage({
      query: test.database.db.withTables<Tables>().selectFrom('t').selectAll().where('unit', '=', 'u1'),
      order: ORDER,
      ...(orderName === undefined ? {} : { orderName }),
      cursor,
      pageSize,
      map: (r: Row, seq: number) => `${seq}:${r.id}`,
    });

  it('walks every matching row once, in order, across ties, numbering on, and ends with nextCursor null', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await page(cursor);
      seen.push(...p.items);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['1:g', '2:f', '3:b', '4:c', '5:d', '6:a']);
  });

  it('answers no cursor when the rows end exactly at a page boundary', async () => {
    expect(await page(undefined, 6)).toEqual({ items: ['1:g', '2:f', '3:b', '4:c', '5:d', '6:a'], nextCursor: null });
  });

  it("refuses another list's cursor as a 400 naming the field", async () => {
    const foreign = encodeCursor({ after: ['2025-03-02'], before: 2 });
    await expect(page(foreign)).rejects.toMatchObject({ code: 'PAGING.CURSOR_INVALID', kind: 'validation', details: { field: 'cursor' } });
    await expect(page(foreign)).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps a named order to its own cursors: another name, or none, is refused', async () => {
    const first = await page(undefined, 2, 'newest');
    expect((await page(first.nextCursor!, 2, 'newest')).items).toEqual(['3:b', '4:c']);
    const refused = { code: 'PAGING.CURSOR_INVALID', details: { field: 'cursor' } };
    await expect(page(first.nextCursor!, 2, 'oldest')).rejects.toMatchObject(refused);
    await expect(page(first.nextCursor!, 2)).rejects.toMatchObject(refused);
    await expect(page((await page(undefined, 2)).nextCursor!, 2, 'newest')).rejects.toMatchObject(refused);
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
