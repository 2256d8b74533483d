import { ComplaintStatistics, statisticsSheet } from '@bihuan/complaints';
import { creditLevelsSheet, creditListsSheet, VisibleCreditLevel, VisibleListEntry } from '@bihuan/credit';
import {
  findingsByCategorySheet,
  findingsByInstitutionCategorySheet,
  findingsByInstitutionSheet,
  findingsByMonthSheet,
  findingsByRungSheet,
  LedgerCounts,
} from '@bihuan/inspection';
import { OfficeSheetSpec, StatisticsHeading } from '@bihuan/platform';

/**
 * The tables of the leaders' dashboard, one per figure, each a 通报 table its owning context lays
 * out (inspection's counts-sheets, complaints' statistics sheet, credit's sheets). The ids are
 * what `GET /statistics/export?table=` and the console's export buttons name.
 */
export const STATISTICS_TABLES = [
  'findings-by-institution',
  'findings-by-category',
  'findings-by-institution-category',
  'findings-by-rung',
  'findings-by-month',
  'complaints-by-institution',
  'complaints-by-month',
  'credit-levels',
  'credit-lists',
] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

/** What the tables are made from; each part is read only when a table asked for needs it. */
export interface StatisticsFigures {
  readonly findings?: LedgerCounts;
  readonly complaintsByInstitution?: ComplaintStatistics;
  readonly complaintsByMonth?: ComplaintStatistics;
  readonly credit?: { readonly levels: readonly VisibleCreditLevel[]; readonly listEntries: readonly VisibleListEntry[] };
}
export type FigurePart = keyof StatisticsFigures;

/** Which part of the figures each table reads. */
export const TABLE_PARTS: Readonly<Record<StatisticsTable, FigurePart>> = {
  'findings-by-institution': 'findings',
  'findings-by-category': 'findings',
  'findings-by-institution-category': 'findings',
  'findings-by-rung': 'findings',
  'findings-by-month': 'findings',
  'complaints-by-institution': 'complaintsByInstitution',
  'complaints-by-month': 'complaintsByMonth',
  'credit-levels': 'credit',
  'credit-lists': 'credit',
};

/** One table as its sheet; the parts it reads are present (the service read them first). */
export function tableSheet(
  table: StatisticsTable,
  figures: StatisticsFigures,
  heading: StatisticsHeading,
  unitName: (id: string) => string,
): OfficeSheetSpec<unknown> {
  const need = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error(`statistics table ${table}: its figures were not read`);
    return part;
  };
  // A sheet's rows and columns travel together, so forgetting their row type is safe.
  const sheet = <R>(spec: OfficeSheetSpec<R>): OfficeSheetSpec<unknown> => spec as OfficeSheetSpec<unknown>;
  switch (table) {
    case 'findings-by-institution':
      return sheet(findingsByInstitutionSheet(need(figures.findings), heading));
    case 'findings-by-category':
      return sheet(findingsByCategorySheet(need(figures.findings), heading));
    case 'findings-by-institution-category':
      return sheet(findingsByInstitutionCategorySheet(need(figures.findings), heading));
    case 'findings-by-rung':
      return sheet(findingsByRungSheet(need(figures.findings), heading));
    case 'findings-by-month':
      return sheet(findingsByMonthSheet(need(figures.findings), heading));
    case 'complaints-by-institution':
      return sheet(statisticsSheet(need(figures.complaintsByInstitution), unitName, heading));
    case 'complaints-by-month':
      return sheet(statisticsSheet(need(figures.complaintsByMonth), unitName, heading));
    case 'credit-levels':
      return sheet(creditLevelsSheet(need(figures.credit).levels, unitName, heading));
    case 'credit-lists':
      return sheet(creditListsSheet(need(figures.credit).listEntries, unitName, heading));
  }
}
