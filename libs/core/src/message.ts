import { Actor } from './actor';

/**
 * A domain event as a decider produces it: plain data, past-tense type, ISO-8601 date strings.
 * The envelope (metadata) is added when it is appended, so deciders never see ids or clocks.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * The envelope every stored event carries (architecture.md, rule 3).
 * `recordedAt`, `prevHash` and `hash` are stamped by the event store when it appends.
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** When it happened in the world (business time, may be earlier than recordedAt). */
  readonly occurredAt: string;
  /** When the log accepted it. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  /** SM3 hash of the previous event in the same stream; null for a stream's first event. */
  readonly prevHash: string | null;
  /** SM3 hash of this event's canonical form (see event-store's hash-chain). */
  readonly hash: string;
}

/** The part of the metadata the writer supplies; the store adds the rest. */
export type WriteMetadata = Omit<EventMetadata, 'recordedAt' | 'prevHash' | 'hash'>;

/** A full message: event + envelope, as read from the log. */
export interface Message<Type extends string = string, Data extends object = object> extends DomainEvent<Type, Data> {
  readonly metadata: EventMetadata;
}

/**
 * Metadata of a command: everything a pure decider may not produce itself (time, ids, actor)
 * arrives here. `commandId` is deterministic for commands sent by sagas and timers, so that a
 * redelivered command is recognised and ignored.
 */
export interface CommandMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** The instant the command is decided at (ISO-8601). */
  readonly now: string;
}

export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
