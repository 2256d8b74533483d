import { DomainEvent } from '../message';
import { EventTypes } from '../event-types';

/**
 * What a one-line summary may look up (issue 17, item 3): people and units by name, deadlines by
 * what they are for. The audit's registry builds it from the directory (UserDirectory,
 * Jurisdiction), so a context's summaries stay pure and never see the directory itself.
 */
export interface SummaryContext {
  /** Who recorded the event, by name (系统 for timers and workflows). */
  readonly actor: string;
  /** A person's name (a directory user or a staff member), the id when unknown; 系统 for `system`. */
  person(id: string | null | undefined): string;
  /** A unit's name (institution, commission), the id when unknown. */
  unit(id: string | null | undefined): string;
  /** What a deadline of the event's stream is for, from its id: `rectify` → 整改时限. */
  deadline(deadlineId: string): string;
  /**
   * A code another context owns, in words (a credit behaviour that is a finding or complaint
   * category, an escalation rung): looked up in every catalogue's `terms`; the code when unknown.
   */
  term(code: string): string;
}

export type Summariser<D> = (data: D, ctx: SummaryContext) => string;

/**
 * One summary for each type of the union E, keyed like `EventTypes<E>`: the compiler refuses a
 * missing or an extra type, and each summariser reads its own event's data.
 */
export type EventSummaries<E extends DomainEvent> = {
  readonly [T in E['type']]: Summariser<Extract<E, { type: T }>['data']>;
};

/**
 * One context's contribution to the registry: its summaries, which of its types are bookkeeping
 * (folded out of a history by default), and the names of its deadlines.
 */
export interface SummaryCatalogue {
  /** The owning context, for messages (`inspection`, `complaints` …). */
  readonly context: string;
  /** Every type this catalogue summarises. */
  readonly types: readonly string[];
  /** Types a reader does not need to follow the case (workflow records, timers): folded away by default. */
  readonly bookkeeping: readonly string[];
  /** The summary of one event of this catalogue (the type must be one of `types`). */
  summarise(type: string, data: object, ctx: SummaryContext): string;
  /** What one of this context's deadlines is for (null: not one of its ids). */
  deadlineName?(deadlineId: string): string | null;
  /** Words for this context's codes that other contexts' events mention (see SummaryContext.term). */
  readonly terms?: Readonly<Record<string, string>>;
}

/**
 * A catalogue from a typed summary map. `bookkeeping` names whole unions by their `EventTypes`
 * list, so a new bookkeeping type is folded as soon as its union lists it.
 */
export function summaryCatalogue<E extends DomainEvent>(
  context: string,
  summaries: EventSummaries<E>,
  extras: {
    bookkeeping?: EventTypes<E> | Partial<EventTypes<E>>;
    deadlineName?: (deadlineId: string) => string | null;
    terms?: Readonly<Record<string, string>>;
  } = {},
): SummaryCatalogue {
  const table = summaries as unknown as Readonly<Record<string, Summariser<object>>>;
  const types = Object.keys(table);
  return {
    context,
    types,
    bookkeeping: Object.keys(extras.bookkeeping ?? {}),
    summarise(type, data, ctx) {
      const summarise = Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
      if (!summarise) throw new Error(`${context}: no summary for ${type}`);
      return summarise(data, ctx);
    },
    ...(extras.deadlineName ? { deadlineName: extras.deadlineName } : {}),
    ...(extras.terms ? { terms: extras.terms } : {}),
  };
}
