import { DomainEvent, Message, Workflow, WorkflowOutput } from '@bihuan/core';
import { outcomeAssertions } from './outcome-assertions';

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
            /** `thenNothing`: no effect, that is no outputs at all or only `ignore`. */
            ...outcomeAssertions<WorkflowOutput, object>(run, (outputs) => outputs.filter((o) => o.kind !== 'ignore')),
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
