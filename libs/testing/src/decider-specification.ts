import { Command, Decider, DomainEvent, fold } from '@bihuan/core';
import { outcomeAssertions } from './outcome-assertions';

/**
 * given/when/then for deciders:
 * `spec.given([opened]).when(expire).then([escalated])`, `.thenThrows('CODE')`, `.thenNothing()`.
 */
export function DeciderSpecification<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = (): readonly E[] => decider.decide(command, fold(decider, events));
          return {
            ...outcomeAssertions<E, Partial<E>>(run),
            /** The produced events, for assertions the helpers above do not cover. */
            events(): readonly E[] {
              return run();
            },
          };
        },
      };
    },
  };
}
