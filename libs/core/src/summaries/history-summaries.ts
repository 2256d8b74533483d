import { Role } from '../actor';

/** What a summary reads of an event: a recorded event, a history entry or a dossier row. */
export interface SummarisedEvent {
  readonly type: string;
  readonly data: object;
  /** A role as recorded (read models keep it as text). */
  readonly actor: { readonly id: string; readonly role: string };
}

/**
 * The one summary registry as the contexts see it (issue 17, item 3). The audit builds it from
 * every context's catalogue and the directory (EventSummaryRegistry); it reaches inspection and
 * complaints through HISTORY_SUMMARIES because those contexts sit below the audit.
 */
export interface HistorySummaries {
  summarise(event: SummarisedEvent): string;
  isBookkeeping(type: string): boolean;
}

/** Injection token for HistorySummaries; the app binds it to the audit's registry. */
export const HISTORY_SUMMARIES = Symbol('HISTORY_SUMMARIES');

/**
 * The one declaration of who may unfold a case history (`?all=true`: every event, the workflow
 * records and deadline timers included): leaders audit, admins operate (domain.md, "People").
 * Every history route asserts it; the access matrix reads the same list (matrix-table.ts,
 * `roleQueries`), so the rule and its test cannot drift apart.
 */
export const FULL_HISTORY_ROLES: readonly Role[] = ['leader', 'admin'];

/** The query string that unfolds a history. */
export const FULL_HISTORY_QUERY = 'all=true';

/**
 * The one folding rule: bookkeeping out unless `all`, every remaining entry with its summary. Call
 * it on entries as the reader sees them, so a summary never shows what the data beside it withholds.
 */
export function summariseHistory<E extends SummarisedEvent>(
  entries: readonly E[],
  summaries: HistorySummaries,
  all = false,
): (E & { summary: string })[] {
  return entries.filter((e) => all || !summaries.isBookkeeping(e.type)).map((e) => ({ ...e, summary: summaries.summarise(e) }));
}
