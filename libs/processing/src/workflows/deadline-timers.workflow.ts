import { DEADLINE_EVENT_TYPES, DeadlineEvent, isDeadlineEvent, Message, Workflow, WorkflowOutput } from '@bihuan/core';
import { expireTimer, expireTimerId, TimerCause, warnTimer, warnTimerId } from './deadline-timer-ids';

/** Workflow name, and the category of its streams (`deadlineTimers-<case stream>`). */
export const DEADLINE_TIMERS = 'deadlineTimers';

/** How many warning timers are armed for each deadline of one case stream. */
export type DeadlineTimersState = Readonly<Record<string, { readonly warnTimers: number }>>;

/** The stream an input came from: the runner delivers RecordedEvents, which carry it. */
export function sourceStream(input: Message): string | null {
  const stream = (input as Message & { readonly streamName?: unknown }).streamName;
  return typeof stream === 'string' && stream.length > 0 ? stream : null;
}

function cause(input: Message): TimerCause {
  return { correlationId: input.metadata.correlationId, causationId: input.metadata.eventId };
}

function arm(
  stream: string,
  e: { deadlineId: string; dueAt: string; warnAt: readonly string[] },
  armedWarnings: number,
  c: TimerCause,
): WorkflowOutput[] {
  const outputs: WorkflowOutput[] = [{ kind: 'schedule', timer: expireTimer(stream, e.deadlineId, e.dueAt, c) }];
  e.warnAt.forEach((at, n) => outputs.push({ kind: 'schedule', timer: warnTimer(stream, e.deadlineId, n, at, e.dueAt, c) }));
  for (let n = e.warnAt.length; n < armedWarnings; n += 1) outputs.push({ kind: 'cancel', timerId: warnTimerId(stream, e.deadlineId, n) });
  return outputs;
}

function disarm(stream: string, deadlineId: string, armedWarnings: number): WorkflowOutput[] {
  const outputs: WorkflowOutput[] = [{ kind: 'cancel', timerId: expireTimerId(stream, deadlineId) }];
  for (let n = 0; n < armedWarnings; n += 1) outputs.push({ kind: 'cancel', timerId: warnTimerId(stream, deadlineId, n) });
  return outputs;
}

function decide(input: Message, state: DeadlineTimersState): readonly WorkflowOutput[] {
  const stream = sourceStream(input);
  if (!stream || !isDeadlineEvent(input)) return [{ kind: 'ignore', reason: `not a deadline event of a stream: ${input.type}` }];
  const armed = state[input.data.deadlineId]?.warnTimers ?? 0;
  switch (input.type) {
    case 'DeadlineSet':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
      return arm(stream, input.data, armed, cause(input));
    case 'DeadlinePaused':
    case 'DeadlineExpired':
    case 'DeadlineCleared':
      return disarm(stream, input.data.deadlineId, armed);
    case 'DeadlineRecomputed':
      // A paused deadline recomputed keeps no timers (its remaining time is recorded); a running one is re-armed.
      return input.data.remainingMs === null
        ? arm(stream, input.data, armed, cause(input))
        : [{ kind: 'ignore', reason: 'a paused deadline was recomputed: nothing to arm' }];
    case 'DeadlineWarned':
      return [{ kind: 'ignore', reason: 'a warning was given: its timer has fired' }];
  }
}

function evolveArmed(state: DeadlineTimersState, event: DeadlineEvent): DeadlineTimersState {
  const { deadlineId } = event.data;
  switch (event.type) {
    case 'DeadlineSet':
    case 'DeadlineResumed':
    case 'DeadlineExtended':
      return { ...state, [deadlineId]: { warnTimers: event.data.warnAt.length } };
    case 'DeadlineRecomputed':
      return event.data.remainingMs === null ? { ...state, [deadlineId]: { warnTimers: event.data.warnAt.length } } : state;
    case 'DeadlinePaused':
    case 'DeadlineExpired':
    case 'DeadlineCleared': {
      const { [deadlineId]: _gone, ...rest } = state;
      return rest;
    }
    case 'DeadlineWarned':
      return state;
  }
}

/**
 * Arms the wake-up timers of every deadline in every stream (architecture.md, rule 5): the
 * deadline events are the facts, this workflow only keeps the timers in step with them.
 * Set / Resumed / Extended / Recomputed (running) → (re)schedule expiry and warnings, cancelling
 * warnings beyond the new count; Paused → cancel them all;
 * Expired / Cleared → cancel what is left. One instance per case stream.
 */
export const deadlineTimersWorkflow: Workflow<DeadlineTimersState> = {
  name: DEADLINE_TIMERS,
  inputs: DEADLINE_EVENT_TYPES,
  initialState: {},
  instanceId: (input) => (isDeadlineEvent(input) ? sourceStream(input) : null),
  decide,
  evolve: (state, event) => (isDeadlineEvent(event) && sourceStream(event as Message) ? evolveArmed(state, event) : state),
};
