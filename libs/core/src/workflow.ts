import { Command, DomainEvent, Message } from './message';

/** A durable wake-up request. `id` is deterministic, so rescheduling replaces instead of duplicating. */
export interface TimerRequest {
  readonly id: string;
  /** The stream the command is sent to when the timer fires. */
  readonly stream: string;
  /** ISO-8601 instant at which the timer is due. */
  readonly dueAt: string;
  /** The command sent when it fires; it is checked against its stream, so a late fire is harmless. */
  readonly command: Command;
}

/** What a workflow (saga) decides in answer to an input (architecture.md, rule 4). */
export type WorkflowOutput =
  | { readonly kind: 'send'; readonly stream: string; readonly command: Command }
  | { readonly kind: 'schedule'; readonly timer: TimerRequest }
  | { readonly kind: 'cancel'; readonly timerId: string }
  | { readonly kind: 'complete' }
  | { readonly kind: 'ignore'; readonly reason: string };

/**
 * A workflow decider with its own stream: it sees input messages from other streams and
 * answers with outputs, which the runner records before it acts on them (at-least-once).
 * `evolve` folds both the recorded inputs and outputs, so state survives restarts.
 */
export interface Workflow<S, Out extends DomainEvent = DomainEvent> {
  /** Unique name; also the category of the workflow's streams. */
  readonly name: string;
  /** The input event types it consumes; others are never delivered. */
  readonly inputs: readonly string[];
  readonly initialState: S;
  /** Which workflow instance an input belongs to, or null to ignore it. */
  instanceId(input: Message): string | null;
  decide(input: Message, state: S): readonly WorkflowOutput[];
  evolve(state: S, event: Message | Out): S;
}
