import { SelectQueryBuilder, sql } from 'kysely';
import { DomainError } from '@bihuan/core';
import { limitOf } from '@bihuan/database';
import { CursorValue, decodeCursor, encodeCursor } from './page-cursor';

/**
 * Keyset paging over a read-model table, the one way every list pages (issue 14): a page is the
 * rows after the cursor's sort keys, so page 500 costs what page 1 does, and no page counts the
 * whole filtered table. The order must end in a unique column (e.g. the row's id) so no row
 * is skipped or shown twice where sort values tie.
 */
export interface SortKey<R> {
  /** A column of the query's table (trusted: named by code, never by a request). */
  readonly column: string;
  readonly descending?: boolean;
  /** The row's value of that column, as the cursor keeps it. */
  readonly of: (row: R) => CursorValue;
}

export interface KeysetQuery<DB, TB extends keyof DB, R, T> {
  /** The filtered query (scope included), without ORDER BY or LIMIT. */
  readonly query: SelectQueryBuilder<DB, TB, R>;
  /** The sort, most significant first; the last key unique. */
  readonly order: readonly SortKey<R>[];
  /**
   * Names the order when a list offers several: the cursor carries it, so a cursor one order
   * answered is refused by another of as many keys (`due` and `-due`). Lists of one order omit it.
   */
  readonly orderName?: string;
  readonly cursor?: string | undefined;
  readonly pageSize: number;
  /** A row as the answer shows it; `seq` numbers the rows of the whole list from 1. */
  readonly map: (row: R, seq: number) => T;
}

export interface KeysetPage<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** A cursor that is not this list's: 400 naming the field (the DTO has already checked its form). */
function foreignCursor(): DomainError {
  return DomainError.invalid('PAGING.CURSOR_INVALID', 'cursor', 'cursor must be a nextCursor this list answered');
}

/**
 * `(k0, k1, …) after (v0, v1, …)` in the order's directions, spelt out so directions may differ;
 * led by a range on the first key alone, which lets the engine seek its index to the page.
 */
function after<DB, TB extends keyof DB, R>(
  query: SelectQueryBuilder<DB, TB, R>,
  order: readonly SortKey<R>[],
  values: readonly CursorValue[],
): SelectQueryBuilder<DB, TB, R> {
  const ref = (i: number) => sql.ref<CursorValue>(order[i]!.column);
  const beyond = (i: number) => (order[i]!.descending ? '<' : '>');
  return query.where((eb) =>
    eb.and([
      eb(ref(0), order[0]!.descending ? '<=' : '>=', values[0]!),
      eb.or(
        order.map((_, i) => eb.and([...order.slice(0, i).map((__, j) => eb(ref(j), '=', values[j]!)), eb(ref(i), beyond(i), values[i]!)])),
      ),
    ]),
  );
}

/** The cursor's keys are as many as the order's, followed by the order's name when it has one. */
function fits(keys: readonly CursorValue[], length: number, named: readonly string[]): boolean {
  return keys.length === length + named.length && named.every((name, i) => keys[length + i] === name);
}

export async function keysetPage<DB, TB extends keyof DB, R, T>(page: KeysetQuery<DB, TB, R, T>): Promise<KeysetPage<T>> {
  const cursor = page.cursor === undefined ? null : decodeCursor(page.cursor);
  const named = page.orderName === undefined ? [] : [page.orderName];
  if (page.cursor !== undefined && (!cursor || !fits(cursor.after, page.order.length, named))) throw foreignCursor();
  let query = cursor ? after(page.query, page.order, cursor.after) : page.query;
  for (const key of page.order) query = query.orderBy(sql.ref(key.column), key.descending ? 'desc' : 'asc');
  const rows = (await query.limit(limitOf(page.pageSize + 1)).execute()) as R[];
  const before = cursor?.before ?? 0;
  const shown = rows.slice(0, page.pageSize);
  const last = shown[shown.length - 1];
  const nextCursor =
    rows.length > page.pageSize && last !== undefined
      ? encodeCursor({ after: [...page.order.map((k) => k.of(last)), ...named], before: before + shown.length })
      : null;
  return { items: shown.map((row, i) => page.map(row, before + i + 1)), nextCursor };
}
