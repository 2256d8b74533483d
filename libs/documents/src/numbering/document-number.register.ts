import { Actor, streamName } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { handleCommand, HandleCommandOptions } from '@bihuan/processing';
import {
  AssignDocumentNumber,
  DOC_NUMBER_STREAM_CATEGORY,
  DocumentNumberAssigned,
  DocumentNumberCommand,
  documentNumberDecider,
} from './document-number.decider';

/** Who takes a number, when, under which command id (the command's metadata). */
export interface RegisterCall {
  readonly actor: Actor;
  readonly now: string;
  readonly commandId: string;
}

/** A number as taken from the register. */
export interface AssignedNumber {
  readonly n: number;
  readonly documentNo: string;
  readonly stream: string;
}

/**
 * Document numbers per issuing unit, year and series (`docNumber-<unitId>-<year>[-<series>]`). Appended through
 * handleCommand — the write seam's own loop, as policy changes are (ADR 0005) — because a number
 * is taken before the notice exists: within one process the stream's commands queue, across
 * processes the append at the exact expected revision fails and retries on the new state. The
 * retry budget is larger than a case's because a register is the one stream every issue touches.
 */
export class DocumentNumberRegister {
  constructor(
    private readonly store: EventStore,
    private readonly options: HandleCommandOptions = { maxAttempts: 60, baseDelayMs: 5, maxDelayMs: 200 },
  ) {}

  /** `series` absent: the 执法文书 series, whose registers kept this name before series existed. */
  static stream(unitId: string, year: number, series?: string): string {
    return streamName(DOC_NUMBER_STREAM_CATEGORY, series === undefined ? `${unitId}-${year}` : `${unitId}-${year}-${series}`);
  }

  async assign(data: AssignDocumentNumber['data'], call: RegisterCall): Promise<AssignedNumber> {
    const stream = DocumentNumberRegister.stream(data.unitId, data.year, data.series);
    const result = await this.run(stream, { type: 'AssignDocumentNumber', data }, call);
    const assigned = result.find((e) => e.type === 'DocumentNumberAssigned');
    if (!assigned) throw new Error(`No number assigned in ${stream}`);
    const { n, documentNo } = assigned.data as DocumentNumberAssigned['data'];
    return { n, documentNo, stream };
  }

  /** Marks a taken number void with the reason its notice was not recorded; a number is never handed out twice. */
  async void(number: AssignedNumber, reason: string, call: RegisterCall): Promise<void> {
    await this.run(number.stream, { type: 'VoidDocumentNumber', data: { n: number.n, reason } }, call);
  }

  private async run(stream: string, body: Pick<DocumentNumberCommand, 'type' | 'data'>, call: RegisterCall) {
    const metadata = { commandId: call.commandId, correlationId: call.commandId, causationId: null, actor: call.actor, now: call.now };
    const command = { ...body, metadata } as DocumentNumberCommand;
    return (await handleCommand(this.store, stream, documentNumberDecider, command, this.options)).events;
  }
}
