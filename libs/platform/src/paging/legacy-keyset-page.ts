import type Database from 'better-sqlite3';
import { DomainError } from '@bihuan/core';
import { CursorValue, decodeCursor, encodeCursor } from './page-cursor';
import { preparedOn } from './prepared-statements';

/**
 * TRANSITIONAL (issue 15): the better-sqlite3 form of keysetPage, until every list reads through Kysely.
 * Keyset paging over a read-model table (issue 14): a page is the
 * rows after the cursor's sort keys, so page 500 costs what page 1 does, and no page counts the
 * whole filtered table. The ORDER BY must end in a unique column (e.g. the row's id) so no row
 * is skipped or shown twice where sort values tie.
 */
interface SortKey<R> {
  /** A column (or expression) of the query's table. */
  readonly column: string;
  readonly descending?: boolean;
  /** The row's value of that column, as the cursor keeps it. */
  readonly of: (row: R) => CursorValue;
}

export interface LegacyKeysetQuery<R, T> {
  /** `SELECT … FROM table` without WHERE. */
  readonly select: string;
  /** The filter (scope included); its parameters in `params`, named without the `keyset` prefix. */
  readonly where: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The sort, most significant first; the last key unique. */
  readonly order: readonly SortKey<R>[];
  readonly cursor?: string | undefined;
  readonly pageSize: number;
  /** A row as the answer shows it; `seq` numbers the rows of the whole list from 1. */
  readonly map: (row: R, seq: number) => T;
}

interface KeysetPage<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** A cursor that is not this list's: 400 naming the field (the DTO has already checked its form). */
function foreignCursor(): DomainError {
  return DomainError.invalid('PAGING.CURSOR_INVALID', 'cursor', 'cursor must be a nextCursor this list answered');
}

/**
 * `(k0, k1, …) after (@keyset0, @keyset1, …)` in the order's directions, spelt out so directions may
 * differ; led by a range on the first key alone, which lets SQLite seek its index to the page.
 */
function afterClause(order: readonly SortKey<unknown>[]): string {
  const alternatives = order.map((key, i) => {
    const equal = order.slice(0, i).map((k, j) => `${k.column} = @keyset${j}`);
    return [...equal, `${key.column} ${key.descending ? '<' : '>'} @keyset${i}`].join(' AND ');
  });
  const first = order[0]!;
  return `${first.column} ${first.descending ? '<=' : '>='} @keyset0 AND (${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

export function legacyKeysetPage<R, T>(db: Database.Database, query: LegacyKeysetQuery<R, T>): KeysetPage<T> {
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && (!cursor || cursor.after.length !== query.order.length)) throw foreignCursor();
  const params: Record<string, unknown> = { ...query.params, keysetLimit: query.pageSize + 1 };
  cursor?.after.forEach((value, i) => (params[`keyset${i}`] = value));
  const where = cursor ? `(${query.where}) AND (${afterClause(query.order as readonly SortKey<unknown>[])})` : query.where;
  const orderBy = query.order.map((k) => `${k.column}${k.descending ? ' DESC' : ''}`).join(', ');
  // One statement per filter combination, prepared once per connection.
  const rows = preparedOn(db, `${query.select} WHERE ${where} ORDER BY ${orderBy} LIMIT @keysetLimit`).all(params) as R[];
  const before = cursor?.before ?? 0;
  const shown = rows.slice(0, query.pageSize);
  const last = shown[shown.length - 1];
  const nextCursor =
    rows.length > query.pageSize && last !== undefined
      ? encodeCursor({ after: query.order.map((k) => k.of(last)), before: before + shown.length })
      : null;
  return { items: shown.map((row, i) => query.map(row, before + i + 1)), nextCursor };
}
