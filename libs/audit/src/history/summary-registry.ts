import { HistorySummaries, SummarisedEvent, SummaryCatalogue, SummaryContext } from '@bihuan/core';

/** Names for ids: the directory's people and units (undefined when the id is unknown). */
export interface NameLookup {
  person(id: string): string | undefined;
  unit(id: string): string | undefined;
}

/** What the registry reads of an event (declared in core beside HistorySummaries). */
export type { SummarisedEvent } from '@bihuan/core';

const NO_NAMES: NameLookup = { person: () => undefined, unit: () => undefined };

/**
 * Every context's summaries joined (issue 17, item 3): one Chinese line per event, built from its
 * data, with people and units by name. The contexts own their catalogues; the registry only
 * composes them with the directory. Refuses two catalogues claiming one type, so a summary has
 * one home.
 */
export class EventSummaryRegistry implements HistorySummaries {
  private readonly owner = new Map<string, SummaryCatalogue>();
  private readonly bookkeeping = new Set<string>();
  private readonly terms = new Map<string, string>();

  constructor(
    readonly catalogues: readonly SummaryCatalogue[],
    private readonly names: NameLookup = NO_NAMES,
  ) {
    for (const catalogue of catalogues) {
      for (const type of catalogue.types) {
        const other = this.owner.get(type);
        if (other) throw new Error(`Event type ${type} is summarised by both ${other.context} and ${catalogue.context}`);
        this.owner.set(type, catalogue);
      }
      catalogue.bookkeeping.forEach((type) => this.bookkeeping.add(type));
      for (const [code, word] of Object.entries(catalogue.terms ?? {})) if (!this.terms.has(code)) this.terms.set(code, word);
    }
  }

  /** Every summarised type. */
  types(): string[] {
    return [...this.owner.keys()];
  }

  has(type: string): boolean {
    return this.owner.has(type);
  }

  /** Internal bookkeeping (workflow records, deadline timers): folded out of a history by default. */
  isBookkeeping(type: string): boolean {
    return this.bookkeeping.has(type);
  }

  /** The same registry resolving names through another directory. */
  withNames(names: NameLookup): EventSummaryRegistry {
    return new EventSummaryRegistry(this.catalogues, names);
  }

  /** Who acted, by name: 系统 for timers and workflows, 投诉人 for the public entry. */
  actorName(actor: SummarisedEvent['actor']): string {
    if (actor.role === 'system' || actor.id === 'system') return '系统';
    if (actor.role === 'public') return '投诉人';
    return this.names.person(actor.id) ?? actor.id;
  }

  /**
   * The event's one-line summary. Data a reader's view trimmed or an old shape the summariser
   * cannot read yields a plain line naming the type rather than an error: a history always answers.
   * Summarisers see the data as the reader sees it; none of them reads a complainant's fields.
   */
  summarise(event: SummarisedEvent): string {
    const catalogue = this.owner.get(event.type);
    const actor = this.actorName(event.actor);
    if (!catalogue) return `${actor} 记录 ${event.type}`;
    try {
      // A field missing from old or trimmed data reads as a dash, never as `undefined`.
      return catalogue.summarise(event.type, event.data, this.context(actor)).replace(/\bundefined\b|\bNaN\b/g, '—');
    } catch {
      return `${actor} 记录 ${event.type}`;
    }
  }

  /** What a deadline is for, from its id (`rectify` → 整改时限), as the contexts name their own ids; the id when none does. */
  deadlineName(deadlineId: string): string {
    for (const c of this.catalogues) {
      const name = c.deadlineName?.(deadlineId);
      if (name) return name;
    }
    return deadlineId;
  }

  private context(actor: string): SummaryContext {
    const { names } = this;
    return {
      actor,
      // No id on the event (older data, or trimmed for the reader): the person who recorded it.
      person: (id) => (!id ? actor : id === 'system' ? '系统' : (names.person(id) ?? id)),
      unit: (id) => (!id ? '' : (names.unit(id) ?? id)),
      deadline: (id) => this.deadlineName(id),
      term: (code) => this.terms.get(code) ?? code,
    };
  }
}
