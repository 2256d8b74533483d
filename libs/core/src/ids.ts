import { createHash, randomUUID } from 'node:crypto';

/** Id generation behind a port, so tests get predictable ids and domain code gets none at all. */
export interface IdGenerator {
  next(): string;
}

/**
 * Time-ordered UUIDs (RFC 9562, version 7): the first 48 bits are the Unix time in ms, the rest
 * random, so ids made later sort later. Why: ids are keys of B-tree indexes (the log's unique
 * eventId index above all); random ids put every insert on a random leaf page, which a commit
 * must then write, while time-ordered ones all land on the rightmost leaf. Within one process
 * they are strictly increasing (12 bits count ids within the same ms).
 */
export class TimeOrderedIdGenerator implements IdGenerator {
  private lastMs = -1;
  private counter = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  next(): string {
    let ms = this.nowMs();
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.counter = 0;
    } else {
      ms = this.lastMs;
      this.counter += 1;
      if (this.counter > 0xfff) {
        // 4096 ids in one ms: borrow the next ms rather than repeat or go backwards.
        ms = this.lastMs += 1;
        this.counter = 0;
      }
    }
    // randomUUID draws from a cached entropy pool: its random digits are the cheapest source.
    const random = randomUUID();
    return `${timePrefix(ms)}-7${this.counter.toString(16).padStart(3, '0')}-${random.slice(19)}`;
  }
}

/** Predictable ids for tests: `<prefix>-000001`, `<prefix>-000002`, … */
export class SequentialIdGenerator implements IdGenerator {
  private counter = 0;
  constructor(private readonly prefix = 'id') {}
  next(): string {
    this.counter += 1;
    return `${this.prefix}-${String(this.counter).padStart(6, '0')}`;
  }
}

/**
 * A UUID-shaped id derived from its inputs (SM3 of the parts). Commands sent by sagas and timers
 * use it, so that the same cause always yields the same command id and redelivery is a no-op.
 */
export function deterministicId(...parts: readonly (string | number)[]): string {
  const hex = sm3OfParts(parts);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant(hex[16]!)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A deterministic id (SM3 of the parts) that sorts by `at` (epoch ms or an ISO instant): the
 * version-7 layout with `at` as its time and hash bits for the rest. For ids whose cause has a
 * time of its own, e.g. a timer's wake-up command (its due instant). An unreadable `at` gives
 * `deterministicId(...parts)`.
 */
export function timedId(at: number | string, ...parts: readonly (string | number)[]): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_MS) return deterministicId(...parts);
  const hex = sm3OfParts(parts);
  return `${timePrefix(ms)}-7${hex.slice(0, 3)}-${variant(hex[3]!)}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
}

/**
 * A deterministic id derived from another id (`origin`) and further parts, keeping the origin's
 * time when it is time-ordered (version 7): the events a command writes, the commands a saga sends
 * on an event, sort near their origin and stay deterministic. Otherwise `deterministicId`.
 */
export function derivedId(origin: string, ...parts: readonly (string | number)[]): string {
  return TIME_ORDERED.test(origin) ? timedId(millisOf(origin), origin, ...parts) : deterministicId(origin, ...parts);
}

/** The Unix ms a time-ordered (version 7) id carries, or null for any other id. */
export function idTime(id: string): number | null {
  return TIME_ORDERED.test(id) ? millisOf(id) : null;
}

/**
 * The SM3 digest (64 lowercase hex digits) of a text's UTF-8 bytes: what a commitment publishes
 * (a draw's seed, docs/adr/0015), so pure code can check one without importing node:crypto.
 */
export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

export const ID_GENERATOR = Symbol('ID_GENERATOR');

const TIME_ORDERED = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const MAX_MS = 2 ** 48 - 1;

function sm3OfParts(parts: readonly (string | number)[]): string {
  return createHash('sm3').update(parts.map(String).join('\u001f')).digest('hex');
}

/** The RFC 9562 variant digit (binary 10xx), its low two bits from a hash digit. */
function variant(digit: string): string {
  return ((parseInt(digit, 16) & 3) | 8).toString(16);
}

/** `xxxxxxxx-xxxx`: 48 bits of ms, hex. */
function timePrefix(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

function millisOf(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
