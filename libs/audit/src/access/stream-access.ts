import {
  assertReadGranted,
  DomainError,
  foldVisibility,
  isEventOf,
  ReadDecision,
  Reader,
  StreamVisibility,
  ViewedMessage,
  viewMessage,
  WorkflowOutput,
} from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { INPUT_RECORDED, OUTPUT_RECORDED, WORKFLOW_RECORDS } from '@bihuan/processing';
import { visibilityOf } from './visibility-registry';

/** A stream as one reader may open it: the rule's decision on its current state. */
export interface OpenedStream {
  readonly stream: string;
  readonly decision: ReadDecision;
  /** The declaration and the state it folded (for a process stream: those of the case it serves). */
  readonly rule: StreamVisibility;
  readonly state: unknown;
  /** For a process stream (a workflow instance, deadline timers): the case stream it serves. */
  readonly serves: string | null;
}

const MAX_PROCESS_DEPTH = 4;

/** The stream and command an output sends, when it sends one. */
function sentCommand(output: WorkflowOutput): { stream: string; command: ViewedMessage } | null {
  if (output.kind === 'send') return { stream: output.stream, command: output.command };
  if (output.kind === 'schedule') {
    const stream = (output.timer as { stream?: unknown }).stream;
    return typeof stream === 'string' ? { stream, command: output.timer.command } : null;
  }
  return null;
}

function withCommand(output: WorkflowOutput, command: ViewedMessage): WorkflowOutput {
  if (output.kind === 'send') return { ...output, command: { ...output.command, data: command.data } };
  if (output.kind === 'schedule')
    return { ...output, timer: { ...output.timer, command: { ...output.timer.command, data: command.data } } };
  return output;
}

/**
 * One reader's view of the log, for one request: opens streams through the contexts'
 * declarations (visibility-registry) and trims messages as they declare. A process stream — a
 * workflow instance or the deadline timers of a case, recognised by its first InputRecorded —
 * belongs to the case it serves: the stream of that first input. Inside it, a recorded input is
 * shown as its own stream shows it, and a recorded output as the stream it is sent to would show
 * it; what the reader may not see there is left out.
 */
export class StreamAccess {
  private readonly opening = new Map<string, Promise<OpenedStream>>();
  private readonly opened = new Map<string, OpenedStream>();

  constructor(
    private readonly store: EventStore,
    readonly reader: Reader,
  ) {}

  open(stream: string): Promise<OpenedStream> {
    let pending = this.opening.get(stream);
    if (!pending) {
      pending = this.load(stream, 0).then((o) => (this.opened.set(stream, o), o));
      this.opening.set(stream, pending);
    }
    return pending;
  }

  /** 404 AUDIT.CASE_NOT_FOUND (also for a case hidden from the reader) or 403; the opened stream otherwise. */
  async assertReadable(stream: string): Promise<OpenedStream> {
    const opened = await this.open(stream);
    assertReadGranted(opened.decision, () => DomainError.notFound('AUDIT.CASE_NOT_FOUND', `No events in ${stream}`));
    return opened;
  }

  async canRead(stream: string): Promise<boolean> {
    return (await this.open(stream)).decision.kind === 'granted';
  }

  /** The message of `stream` as the reader may see it; null when it is left out (or the stream is not theirs). */
  async view(stream: string, message: ViewedMessage): Promise<ViewedMessage | null> {
    const o = await this.open(stream);
    if (o.decision.kind !== 'granted') return null;
    if (o.serves === null) return viewMessage(o.rule, this.reader, message, o.state);
    return this.viewProcessMessage(message);
  }

  /** Whether a deadline of an opened stream may be shown (a black-list entry's expiry may not). */
  showsDeadline(stream: string, deadlineId: string): boolean {
    const o = this.opened.get(stream);
    if (!o || o.decision.kind !== 'granted') return false;
    const probe: ViewedMessage = { type: 'DeadlineSet', data: { deadlineId } };
    return o.serves !== null || viewMessage(o.rule, this.reader, probe, o.state) !== null;
  }

  private async viewProcessMessage(message: ViewedMessage): Promise<ViewedMessage | null> {
    if (!isEventOf(WORKFLOW_RECORDS, message)) return message;
    if (message.type === INPUT_RECORDED) {
      const d = message.data;
      const input = await this.view(d.streamName, { type: d.type, data: d.data, metadata: d.metadata });
      return input ? { ...message, data: { ...d, data: input.data } } : null;
    }
    if (message.type === OUTPUT_RECORDED) {
      const d = message.data;
      const sent = sentCommand(d.output);
      if (!sent) return message;
      const command = await this.view(sent.stream, sent.command);
      return command ? { ...message, data: { ...d, output: withCommand(d.output, command) } } : null;
    }
    return message;
  }

  private async load(stream: string, depth: number): Promise<OpenedStream> {
    const rule = visibilityOf(stream);
    const events = await this.store.readStream(stream);
    if (events.length === 0) return { stream, decision: { kind: 'hidden' }, rule, state: rule.initialState, serves: null };
    const first = events[0]!;
    if (isEventOf(WORKFLOW_RECORDS, first) && first.type === INPUT_RECORDED && depth < MAX_PROCESS_DEPTH) {
      const served = first.data.streamName;
      const base = served === stream ? null : await this.load(served, depth + 1);
      if (base) return { ...base, stream, serves: served };
    }
    const state = foldVisibility(rule, events);
    const served = rule.serves?.(state) ?? null;
    if (served !== null && served !== stream && depth < MAX_PROCESS_DEPTH)
      return { ...(await this.load(served, depth + 1)), stream, serves: served };
    return { stream, decision: rule.decide(this.reader, state), rule, state, serves: null };
  }
}
