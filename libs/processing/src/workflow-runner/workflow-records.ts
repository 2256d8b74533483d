import {
  Command,
  derivedId,
  DomainEvent,
  EventTypes,
  isEventOf,
  SYSTEM_ACTOR,
  TimerRequest,
  Workflow,
  WorkflowOutput,
  WriteMetadata,
} from '@bihuan/core';
import { EventToAppend, ExpectedRevision, RecordedEvent } from '@bihuan/event-store';

/**
 * The events a workflow runner writes to a workflow's own stream `<workflow>-<instance>`:
 * the input it saw, the outputs it decided (before acting on them), and that it acted.
 */
export const INPUT_RECORDED = 'InputRecorded';
export const OUTPUT_RECORDED = 'OutputRecorded';
export const OUTPUTS_DISPATCHED = 'OutputsDispatched';

/** The whole input message, so that replaying the workflow stream can call `evolve` on it again. */
export interface InputRecordedData {
  readonly eventId: string;
  readonly type: string;
  readonly streamName: string;
  readonly revision: number;
  readonly position: number;
  readonly data: object;
  readonly metadata: RecordedEvent['metadata'];
}

export interface OutputRecordedData {
  readonly inputEventId: string;
  readonly index: number;
  readonly output: WorkflowOutput;
}

export interface OutputsDispatchedData {
  readonly inputEventId: string;
  readonly outputs: number;
}

/** What a workflow's own stream holds, told apart by type. */
export type WorkflowRecord =
  | DomainEvent<typeof INPUT_RECORDED, InputRecordedData>
  | DomainEvent<typeof OUTPUT_RECORDED, OutputRecordedData>
  | DomainEvent<typeof OUTPUTS_DISPATCHED, OutputsDispatchedData>;

export const WORKFLOW_RECORDS: EventTypes<WorkflowRecord> = { InputRecorded: true, OutputRecorded: true, OutputsDispatched: true };

/** A timer output must say which stream its command goes to (`{ ...timer, stream }`). */
export type RoutedTimerRequest = TimerRequest & { readonly stream: string };

export function timerStream(timer: TimerRequest): string {
  const stream = (timer as Partial<RoutedTimerRequest>).stream;
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new Error(`Timer ${timer.id} has no target stream: schedule outputs need { ...timer, stream }`);
  }
  return stream;
}

export interface RecordedInput {
  readonly outputs: WorkflowOutput[];
  dispatched: boolean;
}

/** A workflow instance as its stream tells it. */
export interface WorkflowInstance<S> {
  readonly state: S;
  readonly expected: ExpectedRevision;
  readonly inputs: ReadonlyMap<string, RecordedInput>;
  readonly completed: boolean;
}

/** Folds a workflow stream: recorded inputs and outputs go through `evolve`, in order. */
export function replayWorkflow<S>(workflow: Workflow<S>, events: readonly RecordedEvent[]): WorkflowInstance<S> {
  let state = workflow.initialState;
  let completed = false;
  const inputs = new Map<string, RecordedInput>();
  for (const event of events) {
    if (!isEventOf(WORKFLOW_RECORDS, event)) continue;
    if (event.type === INPUT_RECORDED) {
      inputs.set(event.data.eventId, { outputs: [], dispatched: false });
      state = workflow.evolve(state, recordedInputMessage(event.data));
    } else if (event.type === OUTPUT_RECORDED) {
      inputs.get(event.data.inputEventId)?.outputs.push(event.data.output);
      if (event.data.output.kind === 'complete') completed = true;
      state = workflow.evolve(state, event);
    } else {
      const entry = inputs.get(event.data.inputEventId);
      if (entry) entry.dispatched = true;
    }
  }
  const last = events[events.length - 1];
  return { state, expected: last ? last.revision : 'no_stream', inputs, completed };
}

/** The input as it was delivered (a RecordedEvent, so workflows may read its `streamName`). */
export function recordedInputMessage(d: InputRecordedData): RecordedEvent {
  return { streamName: d.streamName, revision: d.revision, position: d.position, type: d.type, data: d.data, metadata: d.metadata };
}

/** True when acting on the output touches the world (a command or a timer). */
export function hasEffect(output: WorkflowOutput): boolean {
  return output.kind === 'send' || output.kind === 'schedule' || output.kind === 'cancel';
}

export interface RecordContext {
  readonly workflow: string;
  readonly instance: string;
  readonly input: RecordedEvent;
  /** ISO-8601 instant of recording: `occurredAt`, and `now` of the commands sent. */
  readonly now: string;
}

/**
 * Completes what a pure workflow cannot know in the commands it sends, where it left them empty:
 * `commandId` '' → derivedId(input eventId, workflow, instance, output index); correlationId
 * '' → the input's; causationId null → the input's eventId; `now` '' → the recording instant.
 * A workflow that sets its own deterministic command id (e.g. one key per case, so a consequence
 * is sent at most once across rounds) keeps it. Done once, when recording, so acting again after
 * a crash sends the very same command.
 */
export function finaliseOutput(ctx: RecordContext, output: WorkflowOutput, index: number): WorkflowOutput {
  if (output.kind === 'schedule') timerStream(output.timer);
  if (output.kind !== 'send') return output;
  const given = output.command.metadata;
  const command: Command = {
    ...output.command,
    metadata: {
      ...given,
      commandId: given.commandId || derivedId(ctx.input.metadata.eventId, ctx.workflow, ctx.instance, index),
      correlationId: given.correlationId || ctx.input.metadata.correlationId,
      causationId: given.causationId ?? ctx.input.metadata.eventId,
      now: given.now || ctx.now,
    },
  };
  return { ...output, command };
}

function meta(ctx: RecordContext, ...key: (string | number)[]): WriteMetadata {
  return {
    eventId: derivedId(ctx.input.metadata.eventId, ctx.workflow, ctx.instance, ...key),
    correlationId: ctx.input.metadata.correlationId,
    causationId: ctx.input.metadata.eventId,
    actor: SYSTEM_ACTOR,
    occurredAt: ctx.now,
    schemaVersion: 1,
  };
}

/** InputRecorded + one OutputRecorded per output (+ OutputsDispatched at once when nothing is to be done). */
export function recordEvents(ctx: RecordContext, outputs: readonly WorkflowOutput[]): EventToAppend[] {
  const { input } = ctx;
  const inputData: InputRecordedData = {
    eventId: input.metadata.eventId,
    type: input.type,
    streamName: input.streamName,
    revision: input.revision,
    position: input.position,
    data: input.data,
    metadata: input.metadata,
  };
  const events: EventToAppend[] = [{ type: INPUT_RECORDED, data: inputData, metadata: meta(ctx, 'input') }];
  outputs.forEach((output, index) => {
    const data: OutputRecordedData = { inputEventId: input.metadata.eventId, index, output };
    events.push({ type: OUTPUT_RECORDED, data, metadata: meta(ctx, 'output', index) });
  });
  if (!outputs.some(hasEffect)) events.push(dispatchedEvent(ctx, outputs.length));
  return events;
}

export function dispatchedEvent(ctx: RecordContext, outputs: number): EventToAppend {
  const data: OutputsDispatchedData = { inputEventId: ctx.input.metadata.eventId, outputs };
  return { type: OUTPUTS_DISPATCHED, data, metadata: meta(ctx, 'dispatched') };
}
