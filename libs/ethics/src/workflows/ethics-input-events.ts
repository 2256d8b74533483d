import { Message } from '@bihuan/core';

/**
 * The input events the ethics sagas consume, as this context expects them. Mirrors the
 * complaints context's `ComplaintDecided` (libs/complaints/src/domain/complaint-ticket.events.ts);
 * declared here because a domain folder may import only @bihuan/core. Extra fields are ignored.
 */
export interface ComplaintDecidedData {
  readonly ticketId: string;
  readonly round: number;
  readonly institutionId: string;
  readonly category: string;
  readonly decision: 'substantiated' | 'partly-substantiated' | 'not-substantiated';
  readonly findings: string;
  readonly implicatedStaffId: string | null;
  readonly decidedAt: string;
}

export type ComplaintDecidedInput = Message<'ComplaintDecided', ComplaintDecidedData>;

export function isComplaintDecided(input: Message): input is ComplaintDecidedInput {
  const d = input.data as Partial<ComplaintDecidedData>;
  return input.type === 'ComplaintDecided' && typeof d.ticketId === 'string' && typeof d.institutionId === 'string';
}

/** The stream a delivered input came from (the runner delivers RecordedEvents, which carry it). */
export function streamOf(input: Message): string | null {
  const stream = (input as Message & { readonly streamName?: unknown }).streamName;
  return typeof stream === 'string' && stream.length > 0 ? stream : null;
}
