import { DomainError } from '@bihuan/core';

/**
 * The `then…` end of a given/when/then spec, shared by deciders (events) and workflows (outputs).
 * `run` decides once per assertion; `effective` picks what counts as "something happened".
 */
export function outcomeAssertions<T, M extends object>(
  run: () => readonly T[],
  effective: (outcome: readonly T[]) => readonly T[] = (outcome) => outcome,
) {
  return {
    then(expected: readonly T[]): void {
      expect(run()).toEqual(expected);
    },
    thenMatches(expected: readonly M[]): void {
      expect(run()).toMatchObject([...expected]);
    },
    thenNothing(): void {
      expect(effective(run())).toEqual([]);
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
  };
}
