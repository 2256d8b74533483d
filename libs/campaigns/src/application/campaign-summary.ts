import { FINDING_CATEGORIES, FindingCategory, LedgerRow } from '@bihuan/inspection';
import { addRow, emptyCell, ProgressCell, ProgressTable } from './campaign-progress';

/** The rates of the 通报: rectified (signed off) of all findings, on time of those signed off; null where nothing to rate. */
export interface SummaryRates {
  readonly rectificationRate: number | null;
  readonly onTimeRate: number | null;
  /** Reports received on time of those due; null when none are due or reporting duties are not kept. */
  readonly reportsOnTimeRate: number | null;
}

export type SummaryLine = ProgressCell & SummaryRates;

export interface SummaryByCategory extends SummaryLine {
  readonly category: FindingCategory;
}

export interface SummaryByInstitution extends SummaryLine {
  readonly institutionId: string;
}

/** The closing summary's figures (the 通报 table): totals, by finding category, by institution. */
export interface SummaryFigures {
  readonly totals: SummaryLine;
  readonly byCategory: SummaryByCategory[];
  readonly byInstitution: SummaryByInstitution[];
}

const ratio = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

export function withRates(cell: ProgressCell): SummaryLine {
  return {
    ...cell,
    rectificationRate: ratio(cell.signedOff, cell.findings),
    onTimeRate: ratio(cell.onTime, cell.signedOff),
    reportsOnTimeRate: ratio(cell.reportsOnTime, cell.reportsReceived === null ? null : cell.reportsDue),
  };
}

/**
 * The summary from the same rows as the progress table (its unit totals), plus the findings by
 * category in the catalogue's order (categories without findings left out). Pure.
 */
export function campaignSummaryFigures(progress: ProgressTable, rows: readonly LedgerRow[]): SummaryFigures {
  const tracked = progress.totals.total.reportsReceived !== null;
  const byCategory = new Map<FindingCategory, ProgressCell>();
  for (const row of rows) {
    const cell = byCategory.get(row.category) ?? emptyCell(tracked);
    addRow(cell, row);
    byCategory.set(row.category, cell);
  }
  return {
    totals: withRates(progress.totals.total),
    byCategory: FINDING_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({
      category,
      ...withRates(byCategory.get(category)!),
    })),
    byInstitution: progress.units.map((u) => ({ institutionId: u.institutionId, ...withRates(u.total) })),
  };
}
