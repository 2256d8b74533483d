import { DomainError, DomainEvent, Message, Workflow, WorkflowOutput } from '@bihuan/core';

/**
 * given/when/then for workflow (saga) deciders, the way the runner drives them:
 * `spec.given([deadlineSet]).when(deadlinePaused).then([{ kind: 'cancel', timerId }])`.
 * `given` folds earlier inputs (and recorded outputs) through `evolve`; `when` decides on one input.
 */
export function WorkflowSpecification<S, Out extends DomainEvent = DomainEvent>(workflow: Workflow<S, Out>) {
  return {
    given(history: readonly (Message | Out)[]) {
      return {
        when(input: Message) {
          const run = (): readonly WorkflowOutput[] =>
            workflow.decide(
              input,
              history.reduce((state, event) => workflow.evolve(state, event), workflow.initialState),
            );
          return {
            then(expected: readonly WorkflowOutput[]): void {
              expect(run()).toEqual(expected);
            },
            thenMatches(expected: readonly object[]): void {
              expect(run()).toMatchObject(expected as object[]);
            },
            /** No effect: no outputs at all, or only `ignore`. */
            thenNothing(): void {
              expect(run().filter((o) => o.kind !== 'ignore')).toEqual([]);
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
            /** The instance this input is routed to. */
            instance(): string | null {
              return workflow.instanceId(input);
            },
            outputs(): readonly WorkflowOutput[] {
              return run();
            },
          };
        },
      };
    },
  };
}
