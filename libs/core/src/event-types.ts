import { DomainEvent } from './message';

/**
 * Every type of an event union, each named once (`{ FindingOpened: true, … }`): the compiler
 * checks that none is missing and none is extra, so a list can never drift from its union.
 */
export type EventTypes<E extends DomainEvent> = { readonly [T in E['type']]: true };

/**
 * Narrows an event read from the log to a decider's union by its type name. A stream holds only
 * what its decider wrote, so the name says which data the event carries; a type the union does not
 * name (none, in a healthy log) is left out rather than handed to an `evolve` that cannot read it.
 */
export function isEventOf<E extends DomainEvent, M extends DomainEvent>(types: EventTypes<E>, event: M): event is M & E {
  return Object.prototype.hasOwnProperty.call(types, event.type);
}

/** The listed type names in order, e.g. for a workflow's `inputs`. */
export function typesOf<E extends DomainEvent>(types: EventTypes<E>): readonly E['type'][] {
  return Object.keys(types).filter((type): type is E['type'] => Object.prototype.hasOwnProperty.call(types, type));
}
