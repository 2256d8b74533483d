import { Command, Decider, DomainEvent, DomainError, fold } from '@bihuan/core';

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
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenMatches(expected: readonly Partial<E>[]): void {
              expect(run()).toMatchObject(expected as object[]);
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            thenThrows(code: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
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
