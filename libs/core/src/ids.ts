import { createHash, randomUUID } from 'node:crypto';

/** Id generation behind a port, so tests get predictable ids and domain code gets none at all. */
export interface IdGenerator {
  next(): string;
}

export class RandomIdGenerator implements IdGenerator {
  next(): string {
    return randomUUID();
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
  const hex = createHash('sm3').update(parts.map(String).join('\u001f')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const ID_GENERATOR = Symbol('ID_GENERATOR');
