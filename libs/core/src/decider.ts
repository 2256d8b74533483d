import { Command, DomainEvent } from './message';

/**
 * One decider per aggregate (architecture.md, rule 2): pure functions, no I/O, no clock.
 * `decide` throws a DomainError when a rule forbids the command; returns [] when it is a no-op.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): readonly E[];
}

/**
 * A decider of some case, as registries of several hold it (the command router, a worker
 * contribution, audit's state view). Decider's members are methods, which TypeScript compares
 * bivariantly, so every decider is one as it is, without a cast; a registry keeps it sound by
 * handing each decider only commands and events of its own category's streams.
 */
export type AnyDecider = Decider<Command, DomainEvent, unknown>;

/**
 * Replays events onto a decider's initial state. It takes the events as the log gives them: a
 * stream holds only what its own decider wrote, which is what lets any decider (its `evolve` is a
 * method, compared bivariantly) fold them without a cast at every call.
 */
export function fold<S>(
  decider: Pick<Decider<Command, DomainEvent, S>, 'initialState' | 'evolve'>,
  events: readonly DomainEvent[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/** Exhaustiveness check for switches over unions: a compile error when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
