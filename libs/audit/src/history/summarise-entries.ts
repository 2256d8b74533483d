import { HistoryEntry } from './case-history.types';
import { EventSummaryRegistry } from './summary-registry';

/**
 * Entries with their one-line summary and each deadline named (整改时限). Call it on entries as the reader sees them (after
 * redaction), so a summary can never show what the data shown beside it withholds.
 */
export function summariseEntries(entries: readonly HistoryEntry[], summaries: EventSummaryRegistry): HistoryEntry[] {
  return entries.map((e) => ({
    ...e,
    summary: summaries.summarise(e),
    deadlines: e.deadlines.map((d) => ({ ...d, label: summaries.deadlineName(d.deadlineId) })),
  }));
}
