import { shanghaiDate } from '@bihuan/core';

/** One month of the ledger's trend (Beijing months): rows opened in it, rows signed off in it. */
export interface MonthCountRow {
  /** `YYYY-MM`, Asia/Shanghai. */
  readonly month: string;
  readonly opened: number;
  readonly signedOff: number;
}

/** What the trend reads of a row: when it was opened and (if it stands signed off) when. */
export interface TrendInput {
  readonly opened_at: string;
  readonly signed_off_at: string | null;
}

/** A period of Shanghai dates (YYYY-MM-DD, inclusive at both ends); an open end is unbounded. */
export interface TrendPeriod {
  readonly from?: string;
  readonly to?: string;
}

const within = (date: string, p: TrendPeriod): boolean => (!p.from || date >= p.from) && (!p.to || date <= p.to);

/** The months from `first` to `last` (YYYY-MM), both included. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

/**
 * Rows opened and signed off per Beijing month, each counted by its own date within the period
 * (a row opened in February and signed off in March counts in both months), so that drilling a
 * month down lists the same rows (`from`/`to` for 新发现, `signedOffFrom`/`signedOffTo` for 已销号).
 * Months are bucketed here rather than in SQL, where SQLite and PostgreSQL spell time-zone
 * arithmetic differently: one computation, the same months on both. Every month between the first
 * and the last one counted is listed, empty ones with zeros, so a chart's axis has no gaps.
 */
export function monthlyTrend(rows: readonly TrendInput[], period: TrendPeriod): MonthCountRow[] {
  const opened = new Map<string, number>();
  const signedOff = new Map<string, number>();
  const add = (into: Map<string, number>, date: string) => into.set(date.slice(0, 7), (into.get(date.slice(0, 7)) ?? 0) + 1);
  for (const row of rows) {
    const openedOn = shanghaiDate(row.opened_at);
    if (within(openedOn, period)) add(opened, openedOn);
    if (row.signed_off_at) {
      const signedOn = shanghaiDate(row.signed_off_at);
      if (within(signedOn, period)) add(signedOff, signedOn);
    }
  }
  const months = [...opened.keys(), ...signedOff.keys()].sort();
  if (months.length === 0) return [];
  return monthsBetween(months[0]!, months[months.length - 1]!).map((month) => ({
    month,
    opened: opened.get(month) ?? 0,
    signedOff: signedOff.get(month) ?? 0,
  }));
}
