import { RecordedEvent } from '@bihuan/event-store';
import { CaseIndex, IndexBound, IndexedEvent, StreamShare } from './case-index.port';
import { commandsRecorded, toIndexed } from './indexed-event';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const inBound = (e: { position: number; recordedAt: string }, b: IndexBound): boolean =>
  e.position <= b.maxPosition && e.recordedAt <= b.maxRecordedAt;

interface Edge {
  readonly other: string;
  readonly position: number;
  readonly recordedAt: string;
}

/** The case index in process memory (tests, memory-only setups). */
export class MemoryCaseIndex implements CaseIndex {
  readonly name = 'audit.caseIndex';
  private readonly byId = new Map<string, IndexedEvent>();
  private readonly byStream = new Map<string, IndexedEvent[]>();
  private readonly byCorrelation = new Map<string, IndexedEvent[]>();
  private readonly commands = new Map<string, string>();
  private readonly edges = new Map<string, Edge[]>();
  private last: number | null = null;

  async handle(event: RecordedEvent): Promise<void> {
    if (this.last !== null && event.position <= this.last) return;
    const c = event.metadata.causationId;
    const cause = c ? (this.byId.get(c) ?? this.byId.get(this.commands.get(c) ?? '')) : undefined;
    const e = toIndexed(event, cause?.eventId ?? null);
    this.byId.set(e.eventId, e);
    push(this.byStream, e.stream, e);
    push(this.byCorrelation, e.correlationId, e);
    if (cause && cause.correlationId !== e.correlationId) {
      push(this.edges, e.correlationId, { other: cause.correlationId, position: e.position, recordedAt: e.recordedAt });
      push(this.edges, cause.correlationId, { other: e.correlationId, position: e.position, recordedAt: e.recordedAt });
    }
    for (const r of commandsRecorded(event)) if (!this.commands.has(r.commandId)) this.commands.set(r.commandId, r.recordedBy);
    this.last = event.position;
  }

  async reset(): Promise<void> {
    for (const m of [this.byId, this.byStream, this.byCorrelation, this.commands, this.edges]) m.clear();
    this.last = null;
  }

  async checkpoint(): Promise<number | null> {
    return this.last;
  }

  async correlationsOfStream(stream: string, bound: IndexBound): Promise<string[]> {
    return [...new Set((this.byStream.get(stream) ?? []).filter((e) => inBound(e, bound)).map((e) => e.correlationId))];
  }

  async neighbourCorrelations(correlations: readonly string[], bound: IndexBound): Promise<string[]> {
    const out = new Set<string>();
    for (const c of correlations) for (const edge of this.edges.get(c) ?? []) if (inBound(edge, bound)) out.add(edge.other);
    return [...out];
  }

  async streamShares(correlations: readonly string[], bound: IndexBound): Promise<StreamShare[]> {
    const shares = new Map<string, { stream: string; lastRevision: number; lastPosition: number; firstPosition: number; events: number }>();
    for (const c of correlations) {
      for (const e of this.byCorrelation.get(c) ?? []) {
        if (!inBound(e, bound)) continue;
        const s = shares.get(e.stream);
        if (!s)
          shares.set(e.stream, {
            stream: e.stream,
            lastRevision: e.revision,
            lastPosition: e.position,
            firstPosition: e.position,
            events: 1,
          });
        else {
          s.events += 1;
          if (e.revision > s.lastRevision) [s.lastRevision, s.lastPosition] = [e.revision, e.position];
          s.firstPosition = Math.min(s.firstPosition, e.position);
        }
      }
    }
    return [...shares.values()];
  }

  async eventsByIds(eventIds: readonly string[]): Promise<IndexedEvent[]> {
    return eventIds.flatMap((id) => this.byId.get(id) ?? []);
  }

  async streamsByCorrelation(correlationId: string): Promise<string[]> {
    return [...new Set((this.byCorrelation.get(correlationId) ?? []).map((e) => e.stream))];
  }
}
