/** `YYYY-MM-DD`, a calendar date in Asia/Shanghai. */
export type LocalDate = string;

/**
 * One year of the mainland-China calendar as the State Council publishes it. Days not listed follow
 * the week: Monday–Friday work, Saturday–Sunday off. `holidays` are days off (they may include the
 * weekend days inside a holiday block); `makeupWorkdays` (调休上班) are weekend days that are worked.
 */
export interface CalendarYearData {
  readonly year: number;
  readonly holidays: Readonly<Record<LocalDate, string>>;
  readonly makeupWorkdays: Readonly<Record<LocalDate, string>>;
  /** Where the data comes from: a notice number (国办发明电〔2025〕7号), `chinese-days@1.5.7`, or `provisional@statutory-2025`. */
  readonly source: string;
}
