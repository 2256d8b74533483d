import { RecordedEvent } from '../event-store.port';

/**
 * Turns an event's data of `fromVersion` into the next version's. Pure and total: it runs on every
 * read of every stored event of that version, forever, so it must accept anything that version's
 * writers ever wrote.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: Readonly<Record<string, unknown>>) => object;
}

/**
 * A registry of upcasters, per event type a chain 1 → 2 → … → current. Every adapter applies it
 * to every event it hands out (reads and subscriptions), so readers only ever see the current
 * shape; the stored form stays as written and is kept on the event (`stored`) for the hash chain.
 * Writers stamp `currentVersion(type)`.
 */
export class Upcasters {
  private readonly chains = new Map<string, Map<number, Upcaster['upcast']>>();

  constructor(readonly list: readonly Upcaster[]) {
    for (const u of list) {
      const chain = this.chains.get(u.type) ?? new Map<number, Upcaster['upcast']>();
      if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1 || chain.has(u.fromVersion)) {
        throw new Error(`Upcaster ${u.type} v${u.fromVersion}: versions start at 1 and each has one upcaster`);
      }
      chain.set(u.fromVersion, u.upcast);
      this.chains.set(u.type, chain);
    }
    for (const [type, chain] of this.chains) {
      for (let v = 1; v <= chain.size; v += 1) if (!chain.has(v)) throw new Error(`Upcasters of ${type} skip version ${v}`);
    }
  }

  /** The version the code writes and reads: one past the last upcaster of the type, else 1. */
  currentVersion(type: string): number {
    return 1 + (this.chains.get(type)?.size ?? 0);
  }

  /** The event in its current shape; unchanged (same object) when it already is. */
  upcast(event: RecordedEvent): RecordedEvent {
    const chain = this.chains.get(event.type);
    const storedVersion = event.metadata.schemaVersion;
    let step = chain?.get(storedVersion);
    if (!chain || !step) return event;
    let data: object = event.data;
    let version = storedVersion;
    for (; step; step = chain.get(version)) {
      data = step(data as Readonly<Record<string, unknown>>);
      version += 1;
    }
    return {
      ...event,
      data,
      metadata: { ...event.metadata, schemaVersion: version },
      stored: { data: event.data, schemaVersion: storedVersion },
    };
  }
}
