/**
 * Marker strings the access matrix seeds into every free-text field, and who may see each.
 * A marker is unique text (`MK-<institution>-<n>`), so finding it in a response proves that the
 * response carries data of that case, whatever the shape of the JSON, spreadsheet or HTML.
 */
export type MarkerClass =
  /** Ordinary case text: visible to whoever may read the owning institution's cases. */
  | 'case'
  /** Published by design (public credit page, published draws): no leak check. */
  | 'public'
  /** Black-list reasons and blacklist-class information: partners only. */
  | 'blacklist'
  /** A named complainant's name / phone / ID number: never to hospitals. */
  | 'identity'
  /** The complaint secret handed to the public complainant, a draw's seed before its reveal: to nobody. */
  | 'secret'
  /** A planned unannounced visit (暗访): never to hospitals before it happens. */
  | 'planned'
  /** A staff member's black-list entry (医务人员黑榜, 内部共享): commission staff only, never hospitals or partners. */
  | 'internal';

/**
 * Which context the marker was written in: partners are given credit information, and of
 * referrals and leads only those of their own agency.
 */
export type MarkerContext = 'inspection' | 'complaints' | 'ethics' | 'credit' | 'campaigns' | 'notices' | 'referrals';

export interface Marker {
  readonly text: string;
  readonly institution: string;
  readonly cls: MarkerClass;
  readonly context: MarkerContext;
  /** Where it was written, for the violation report. */
  readonly where: string;
  /** A referral's or a lead's text: the partner agency it went to or came from. */
  readonly agency?: string;
}

/** Collects markers while seeding; `next` gives the field text to send. */
export class MarkerBook {
  readonly all: Marker[] = [];
  private readonly counters = new Map<string, number>();

  next(institution: string, context: MarkerContext, where: string, cls: MarkerClass = 'case', agency?: string): string {
    const n = (this.counters.get(institution) ?? 0) + 1;
    this.counters.set(institution, n);
    const prefix = cls === 'case' ? 'MK' : `MK${cls.toUpperCase()}`;
    // Zero-padded, so no marker is the prefix of another (MK-x-1 of MK-x-10).
    const text = `${prefix}-${institution}-${String(n).padStart(3, '0')}`;
    this.add({ text, institution, cls, context, where, ...(agency ? { agency } : {}) });
    return text;
  }

  /** A marker whose text is given (digits for a phone, the secret the API generated). */
  add(marker: Marker): void {
    this.all.push(marker);
  }

  /** The markers a text contains. */
  find(text: string): Marker[] {
    const found = new Set<Marker>();
    for (const match of text.matchAll(/MK[A-Z]*-[a-z0-9-]+?-\d{3}(?!\d)/g)) {
      const m = this.byText().get(match[0]);
      if (m) found.add(m);
    }
    for (const m of this.plain()) if (text.includes(m.text)) found.add(m);
    return [...found];
  }

  private index: Map<string, Marker> | null = null;
  private others: Marker[] | null = null;

  private byText(): Map<string, Marker> {
    return (this.index ??= new Map(this.all.map((m) => [m.text, m])));
  }

  /** Markers whose text the API chose or a validator shapes (phone, ID number, secret, date). */
  private plain(): Marker[] {
    return (this.others ??= this.all.filter((m) => !/^MK[A-Z]*-.+-\d{3}$/.test(m.text)));
  }

  /** Moves a case's markers to a new owner (a complaint re-dispatched to another institution). */
  reassign(texts: readonly string[], institution: string): void {
    for (let i = 0; i < this.all.length; i++) {
      const m = this.all[i]!;
      if (texts.includes(m.text)) this.all[i] = { ...m, institution };
    }
  }
}
